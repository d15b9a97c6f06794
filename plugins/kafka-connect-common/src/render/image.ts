import {
  DockerfileArtifact,
  DockerfilePlugin,
  renderDockerfile,
} from '../dockerfile';
import { derivedName } from '../names';
import {
  StrimziRelease,
  strimziBaseImage,
  strimziMavenBuilderImage,
} from '../strimzi/releases';
import { compact } from '../util/compact';
import { shortHash } from '../util/hash';
import { NormalisedValues } from '../values/normalise';
import { otherArtifactFileName } from '../values/plugins';
import { Artifact, MAVEN_CENTRAL } from '../values/schema';
import { namedClasses } from './namedClasses';

/** Who makes the image the Connect pods run. */
export type ImageSource =
  | 'dockerfile'
  | 'strimzi-build'
  | 'prebuilt'
  | 'strimzi-image';

/** The connector image: the Dockerfile CI builds, Strimzi's own build, or a finished image. */
export interface ConnectImage {
  /**
   * `spec.image`: the image the pods run (built from the Dockerfile, or prebuilt), or,
   * next to Strimzi's build, the base image that build starts from.
   */
  reference?: string;
  /** `spec.build` when Strimzi builds the image. */
  build?: Record<string, unknown>;
  /** The Dockerfile text, when CI builds it. */
  dockerfile?: string;
  /** The tag of a built image (given or derived), or of a prebuilt one when it has one. */
  tag?: string;
  /** The image a build starts from (the Dockerfile's FROM, or Strimzi's build base). */
  base?: string;
  /** The image the pods run, and who makes it. */
  runs: { reference: string; source: ImageSource };
}

/** Default tags follow the content, so a plugin change is a new tag and a rolling update. */
function derivedTag(values: NormalisedValues, content: string): string {
  return `${values.strimzi.version}-kafka-${values.kafka.version}-${shortHash(
    content,
  )}`;
}

/** With no plugin and no certificate there is nothing to build. */
export function needsCustomImage(
  values: Pick<NormalisedValues, 'plugins' | 'truststore'>,
) {
  return (
    values.plugins.length > 0 ||
    (values.truststore?.certificates.length ?? 0) > 0
  );
}

/** `name:tag`, `name@digest` or `name:tag@digest`. */
export function imageReference(
  name: string,
  tag: string | undefined,
  digest?: string,
): string {
  return `${name}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
}

export function connectImage(
  values: NormalisedValues,
  release: StrimziRelease,
): ConnectImage {
  const { image } = values;
  if (!needsCustomImage(values)) {
    // A team's own finished image (the checks make sure it has a tag or a digest).
    if (image.name) {
      const reference = imageReference(image.name, image.tag, image.digest);
      return {
        reference,
        tag: image.tag,
        runs: { reference, source: 'prebuilt' },
      };
    }
    return {
      tag: `${values.strimzi.version}-kafka-${values.kafka.version}`,
      runs: {
        reference: strimziBaseImage(
          values.strimzi.version,
          values.kafka.version,
        ),
        source: 'strimzi-image',
      },
    };
  }
  const base =
    image.base ??
    strimziBaseImage(values.strimzi.version, values.kafka.version);
  if (image.build === 'strimzi') return strimziBuild(values, release, base);
  const dockerfile = renderDockerfile({
    baseImage: base,
    customBase: image.base !== undefined,
    plugins: values.plugins.map(dockerfilePlugin),
    mavenBuilder:
      image.mavenBuilder ?? strimziMavenBuilderImage(values.strimzi.version),
    checkedClasses: checkedClasses(values),
    certificates: values.truststore?.certificates ?? [],
    valuesFile: 'connect-cluster.yaml',
    labels: {
      'org.opencontainers.image.title': derivedName(values.name, 'connect'),
      'org.opencontainers.image.description': `Kafka Connect ${values.kafka.version} on Strimzi ${values.strimzi.version} for ${values.namespace}/${values.name}`,
    },
  });
  const tag = image.tag ?? derivedTag(values, dockerfile);
  const reference = imageReference(image.name!, tag);
  return {
    reference,
    dockerfile,
    tag,
    base,
    runs: { reference, source: 'dockerfile' },
  };
}

/** The classes the Dockerfile's last step looks for: all named ones but the skipped. */
function checkedClasses(values: NormalisedValues) {
  const skipped = new Set(values.image.skipClassCheck ?? []);
  return namedClasses(values).filter(c => !skipped.has(c.name));
}

function strimziBuild(
  values: NormalisedValues,
  release: StrimziRelease,
  base: string,
): ConnectImage {
  const { image } = values;
  // The base joins the hashed content only when chosen, so existing derived tags stay.
  const content = image.base
    ? { base: image.base, plugins: values.plugins }
    : values.plugins;
  const tag = image.tag ?? derivedTag(values, JSON.stringify(content));
  // Without a registry, push to an OpenShift ImageStream named after the cluster.
  const output = image.name
    ? compact({
        type: 'docker',
        image: imageReference(image.name, tag),
        pushSecret: image.pushSecret,
        [release.buildOptions.field]: image.buildOptions,
      })
    : {
        type: 'imagestream',
        image: imageReference(derivedName(values.name, 'connect'), tag),
      };
  return {
    // Strimzi builds on spec.image when it is set, else on its own Kafka image.
    reference: image.base,
    tag,
    base,
    build: {
      output,
      plugins: values.plugins.map(plugin => ({
        name: plugin.name,
        artifacts: plugin.artifacts.map(strimziArtifact),
      })),
    },
    runs: { reference: output.image, source: 'strimzi-build' },
  };
}

/**
 * Strimzi's build defaults to Maven Central too: leave the default out, as a person would.
 * An `other` artifact gets its file name written out: Strimzi's own default is a hash,
 * and Connect loads only files that end in .jar (or .zip, .class).
 */
function strimziArtifact(artifact: Artifact): Record<string, unknown> {
  if (artifact.type === 'other') {
    return { ...artifact, fileName: otherArtifactFileName(artifact) };
  }
  if (artifact.type !== 'maven' || artifact.repository !== MAVEN_CENTRAL)
    return artifact;
  const { repository: _default, ...rest } = artifact;
  return rest;
}

type ValuesPlugin = NormalisedValues['plugins'][number];

// One DockerfilePlugin per plugin of the values: the RUN-step size check and the render
// then hand the Dockerfile renderer the same object, which serialises its steps once.
const dockerfilePlugins = new WeakMap<ValuesPlugin, DockerfilePlugin>();

/** A plugin as the Dockerfile renderer takes it: `other` file names settled. */
export function dockerfilePlugin(plugin: ValuesPlugin): DockerfilePlugin {
  let converted = dockerfilePlugins.get(plugin);
  if (!converted) {
    converted = {
      name: plugin.name,
      artifacts: plugin.artifacts.map(dockerfileArtifact),
    };
    dockerfilePlugins.set(plugin, converted);
  }
  return converted;
}

function dockerfileArtifact(artifact: Artifact): DockerfileArtifact {
  if (artifact.type !== 'other') return artifact;
  return {
    type: 'other',
    url: artifact.url,
    sha512sum: artifact.sha512sum,
    // The checks refuse an `other` artifact without a usable name before rendering.
    fileName: otherArtifactFileName(artifact)!,
  };
}
