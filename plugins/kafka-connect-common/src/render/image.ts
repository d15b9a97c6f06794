import { renderDockerfile } from '../dockerfile';
import { derivedName } from '../names';
import { strimziBaseImage } from '../strimzi/releases';
import { shortHash } from '../util/hash';
import { NormalisedValues } from '../values/normalise';
import { Artifact, MAVEN_CENTRAL } from '../values/schema';

/** The connector image: the Dockerfile CI builds, or Strimzi's own build, and the tag both use. */
export interface ConnectImage {
  /** `spec.image` when CI builds the Dockerfile. */
  reference?: string;
  /** `spec.build` when Strimzi builds the image. */
  build?: Record<string, unknown>;
  /** The Dockerfile text, when CI builds it. */
  dockerfile?: string;
  tag: string;
}

/** Default tags follow the content, so a plugin change is a new tag and a rolling update. */
function derivedTag(values: NormalisedValues, content: string): string {
  return `${values.strimzi.version}-kafka-${values.kafka.version}-${shortHash(
    content,
  )}`;
}

/** With no plugin and no certificate there is nothing to build: Strimzi's own image serves. */
export function needsCustomImage(
  values: Pick<NormalisedValues, 'plugins' | 'truststore'>,
) {
  return (
    values.plugins.length > 0 ||
    (values.truststore?.certificates.length ?? 0) > 0
  );
}

export function connectImage(values: NormalisedValues): ConnectImage {
  if (!needsCustomImage(values)) {
    return { tag: `${values.strimzi.version}-kafka-${values.kafka.version}` };
  }
  if (values.image.build === 'strimzi') return strimziBuild(values);
  const dockerfile = renderDockerfile({
    baseImage: strimziBaseImage(values.strimzi.version, values.kafka.version),
    plugins: values.plugins,
    certificates: values.truststore?.certificates ?? [],
    valuesFile: 'connect-cluster.yaml',
    labels: {
      'org.opencontainers.image.title': derivedName(values.name, 'connect'),
      'org.opencontainers.image.description': `Kafka Connect ${values.kafka.version} on Strimzi ${values.strimzi.version} for ${values.namespace}/${values.name}`,
    },
  });
  const tag = values.image.tag ?? derivedTag(values, dockerfile);
  return { reference: `${values.image.name}:${tag}`, dockerfile, tag };
}

function strimziBuild(values: NormalisedValues): ConnectImage {
  const tag =
    values.image.tag ?? derivedTag(values, JSON.stringify(values.plugins));
  // Without a registry, push to an OpenShift ImageStream named after the cluster.
  const output = values.image.name
    ? { type: 'docker', image: `${values.image.name}:${tag}` }
    : {
        type: 'imagestream',
        image: `${derivedName(values.name, 'connect')}:${tag}`,
      };
  return {
    tag,
    build: {
      output,
      plugins: values.plugins.map(plugin => ({
        name: plugin.name,
        artifacts: plugin.artifacts.map(withoutDefaultRepository),
      })),
    },
  };
}

/** Strimzi's build defaults to Maven Central too: leave the default out, as a person would. */
function withoutDefaultRepository(
  artifact: Artifact,
): Artifact | Omit<Artifact, 'repository'> {
  if (artifact.type !== 'maven' || artifact.repository !== MAVEN_CENTRAL)
    return artifact;
  const { repository: _default, ...rest } = artifact;
  return rest;
}
