import { z } from 'zod';
import { dnsSubdomain, javaClass } from './patterns';

/**
 * The `image` section: where the Connect pods' image comes from. The shapes follow the
 * image reference grammar of Docker's distribution library (domain[:port]/path, tag,
 * digest), so a value that passes here is one Docker, Kubernetes and Strimzi accept.
 * The patterns are written out once more in template.yaml (formSchemaSync keeps them equal).
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
      .optional(),
    tag: z
      .string()
      .regex(IMAGE_TAG, {
        message:
          'must be a Docker tag: letters, digits, "_", "." and "-", at most 128',
      })
      .optional(),
    digest: z
      .string()
      .regex(IMAGE_DIGEST, {
        message:
          'must be an image digest: sha256: followed by 64 lower-case hex digits',
      })
      .optional(),
    build: z.enum(['dockerfile', 'strimzi']).default('dockerfile'),
    base: referenceString(512)
      .regex(IMAGE_REFERENCE, {
        message:
          'must be a full image reference like registry.example.com/base/kafka:0.45.0-kafka-3.9.0 (repository, optional :tag, optional @sha256:digest)',
      })
      .optional(),
    pushSecret: dnsSubdomain().optional(),
    buildOptions: z
      .array(
        z.string().max(1024).regex(BUILD_OPTION, {
          message:
            'must be one builder option, --name or --name=value, without spaces, quotes or shell metacharacters',
        }),
      )
      .optional(),
    pullSecrets: z.array(dnsSubdomain()).optional(),
    // The Dockerfile's Maven builder stage (default: Strimzi's Maven builder of the release).
    mavenBuilder: referenceString(512)
      .regex(IMAGE_REFERENCE, {
        message:
          'must be a full image reference like registry.example.com/mirror/strimzi/maven-builder:0.45.0 (repository, optional :tag, optional @sha256:digest)',
      })
      .optional(),
    // Classes the Dockerfile's last step does not look for: loaded another way.
    skipClassCheck: z.array(javaClass()).optional(),
  })
  .default({ build: 'dockerfile' });

export type ImageValues = z.output<typeof imageSchema>;
