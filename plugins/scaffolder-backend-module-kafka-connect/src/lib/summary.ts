import {
  catalogEntityRef,
  ImageSource,
  RenderedCluster,
} from '@connect-skeleton/plugin-kafka-connect-common';

/** What a person wants to know about a rendered cluster at a glance. */
export interface ClusterFacts {
  name: string;
  namespace: string;
  entityRef: string;
  strimziVersion: string;
  kafkaVersion: string;
  /** The KafkaConnect's API version, e.g. `kafka.strimzi.io/v1`. */
  apiVersion: string;
  image: string;
  /** Who makes the image: CI from the Dockerfile, Strimzi's build, or nobody (Strimzi's own). */
  imageSource: ImageSource;
  /** `Kind name` of every Kubernetes object, in apply order. */
  objects: string[];
}

/**
 * Reads the facts from the render itself, so the summary can never disagree with the files
 * (the image tag, for one, is derived there).
 */
export function clusterFacts(cluster: RenderedCluster): ClusterFacts {
  const { values, release, image } = cluster;
  const kindAndName = (o: Record<string, unknown>) =>
    `${String(o.kind)} ${String(
      (o.metadata as { name?: string } | undefined)?.name,
    )}`;
  return {
    name: values.name,
    namespace: values.namespace,
    entityRef: catalogEntityRef(values),
    strimziVersion: values.strimzi.version,
    kafkaVersion: values.kafka.version,
    apiVersion: release.apiVersion,
    image: image.reference,
    imageSource: image.source,
    objects: cluster.objects.map(kindAndName),
  };
}

const IMAGE_SOURCES: Record<ImageSource, string> = {
  dockerfile: 'CI builds it from the `Dockerfile`',
  'strimzi-build': 'the Strimzi operator builds it (`spec.build`)',
  prebuilt: "the team's own finished image: nothing to build",
  'strimzi-image': "Strimzi's own image: no plugin or certificate to add",
};

/** Short markdown for the task's output page. Values are validated names, shown as code. */
export function renderSummary(
  facts: ClusterFacts,
  files: readonly string[],
): string {
  return [
    `### Kafka Connect cluster \`${facts.namespace}/${facts.name}\``,
    '',
    `- Strimzi: \`${facts.strimziVersion}\` (\`${facts.apiVersion}\`)`,
    `- Kafka: \`${facts.kafkaVersion}\``,
    `- Image: \`${facts.image}\`; ${IMAGE_SOURCES[facts.imageSource]}`,
    `- Catalog entity: \`${facts.entityRef}\``,
    '',
    `Kubernetes objects (${facts.objects.length}):`,
    '',
    ...facts.objects.map(o => `- ${o.replace(' ', ' `')}\``),
    '',
    `Files (${files.length}):`,
    '',
    ...files.map(f => `- \`${f}\``),
    '',
  ].join('\n');
}
