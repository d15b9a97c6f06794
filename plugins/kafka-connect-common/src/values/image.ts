import { z } from 'zod';
import { dnsSubdomain, javaClass } from './patterns';

/**
 * The `image` section: where the Connect pods' image comes from. The shapes follow the
 * image reference grammar of Docker's distribution library (domain[:port]/path, tag,
 * digest), so a value that passes here is one Docker, Kubernetes and Strimzi accept.
 * The template's form is generated from this schema (npm run generate:form).
 */

/**
 * Repository: an optional registry (host names may be upper case, with a port), then
 * lower-case path components separated by ".", "_", "__" or dashes. No tag, no digest.
 */
export const IMAGE_NAME =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;

export const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

export const IMAGE_DIGEST = /^sha256:[0-9a-f]{64}$/;

/** A full reference: repository, then an optional tag, then an optional digest. */
export const IMAGE_REFERENCE =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$/;

/**
 * One option of the image builder, `--name` or `--name=value`: Strimzi checks the name
 * before "=" against its allow list (a value in a list entry of its own would be read as
 * an option name), and with Buildah it joins the options into a bash command line, so a
 * value may hold no space, quote or shell metacharacter.
 */
export const BUILD_OPTION =
  /^--[A-Za-z][A-Za-z0-9-]*(?:=[A-Za-z0-9._~%/+=:@,-]*)?$/;

/** Too long is the one problem of a too-long reference: its pattern is not tried then. */
const referenceString = (maxLength: number) =>
  z.string().max(maxLength, {
    message: `must be at most ${maxLength} characters long`,
    abort: true,
  });

export const imageSchema = z
  .strictObject({
    name: referenceString(255)
      .regex(IMAGE_NAME, {
        message:
          'must be an image repository like registry.example.com:5000/team/kafka-connect (lower-case path; the tag and digest go in image.tag and image.digest)',
      })
      .meta({
        title: 'Image repository',
        description:
          'Where the image is pushed, or your own finished image (no tag or digest).',
        examples: ['registry.example.com:5000/team/kafka-connect'],
      })
      .optional(),
    tag: z
      .string()
      .regex(IMAGE_TAG, {
        message:
          'must be a Docker tag: letters, digits, "_", "." and "-", at most 128',
      })
      .meta({ title: 'Tag' })
      .optional(),
    digest: z
      .string()
      .regex(IMAGE_DIGEST, {
        message:
          'must be an image digest: sha256: followed by 64 lower-case hex digits',
      })
      .meta({
        title: 'Digest',
        description:
          'Only for your own finished image (no plugins, no certificates), e.g. sha256:3f1c...',
      })
      .optional(),
    build: z.enum(['dockerfile', 'strimzi']).default('dockerfile').meta({
      title: 'Build',
      description:
        'dockerfile renders a Dockerfile for CI to build; strimzi lets the operator build the image.',
    }),
    base: referenceString(512)
      .regex(IMAGE_REFERENCE, {
        message:
          'must be a full image reference like registry.example.com/base/kafka:0.45.0-kafka-3.9.0 (repository, optional :tag, optional @sha256:digest)',
      })
      .meta({
        title: 'Base image',
        description:
          "The image the build starts from (default Strimzi's Kafka image of the release), a Strimzi Kafka image or one built on it.",
        examples: [
          'registry.example.com/mirror/strimzi/kafka:1.2.0-kafka-4.3.1',
        ],
      })
      .optional(),
    pushSecret: dnsSubdomain()
      .meta({
        title: 'Push Secret',
        description:
          "Strimzi build only. The docker-registry Secret Strimzi's build pushes (and pulls the base) with.",
      })
      .optional(),
    buildOptions: z
      .array(
        z.string().max(1024).regex(BUILD_OPTION, {
          message:
            'must be one builder option, --name or --name=value, without spaces, quotes or shell metacharacters',
        }),
      )
      .meta({
        title: 'Builder options',
        description:
          'Strimzi build only. Extra options for Kaniko or Buildah as --name=value, from the list the Strimzi release allows (for example --registry-mirror=mirror.gcr.io).',
      })
      .optional(),
    pullSecrets: z
      .array(dnsSubdomain())
      .meta({
        title: 'Pull Secrets',
        description:
          'docker-registry Secrets the Connect pods pull the image with.',
      })
      .optional(),
    // The Dockerfile's Maven builder stage (default: Strimzi's Maven builder of the release).
    mavenBuilder: referenceString(512)
      .regex(IMAGE_REFERENCE, {
        message:
          'must be a full image reference like registry.example.com/mirror/strimzi/maven-builder:0.45.0 (repository, optional :tag, optional @sha256:digest)',
      })
      .meta({
        title: 'Maven builder image',
        description:
          "Dockerfile build only. The image whose Maven resolves Maven artifacts with their dependencies (default: Strimzi's Maven builder of the release).",
      })
      .optional(),
    // Classes the Dockerfile's last step does not look for: loaded another way.
    skipClassCheck: z
      .array(javaClass())
      .meta({
        title: 'Classes the build does not check',
        description:
          'Dockerfile build only. Classes the configuration names that reach the workers another way, so the last build step does not look for them in the plugins.',
      })
      .optional(),
  })
  .default({ build: 'dockerfile' })
  .meta({
    title: 'Image',
    description:
      "With plugins or certificates the image is built (by CI from the Dockerfile, or by Strimzi) and pushed to the repository; the tag is derived from the content unless you set one. With neither, give your own finished image (repository and tag or digest), or leave it empty to run Strimzi's own image.",
  });

export type ImageValues = z.output<typeof imageSchema>;
