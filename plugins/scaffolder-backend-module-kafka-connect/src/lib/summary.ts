import {
  catalogEntityRef,
  NormalisedValues,
  renderManifests,
  strimziBaseImage,
} from '@internal/plugin-kafka-connect-common';
import { parseAllDocuments } from 'yaml';

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
  imageSource: 'dockerfile' | 'strimzi-build' | 'strimzi-image';
  /** `Kind name` of every Kubernetes object, in apply order. */
  objects: string[];
}

interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string };
  spec?: { image?: string; build?: { output?: { image?: string } } };
}

/**
 * Reads the facts from the objects the common package renders, so the summary can never
 * disagree with the files (the image tag, for one, is derived there).
 */
export function clusterFacts(
  input: unknown,
  values: NormalisedValues,
): ClusterFacts {
  const manifests = renderManifests(input);
  const objects: KubeObject[] = manifests.ok
    ? parseAllDocuments(manifests.value).map(d => d.toJS() as KubeObject)
    : [];
  const connect = objects.find(o => o.kind === 'KafkaConnect');
  const built = connect?.spec?.build?.output?.image;
  let image = strimziBaseImage(values.strimzi.version, values.kafka.version);
  let imageSource: ClusterFacts['imageSource'] = 'strimzi-image';
  if (connect?.spec?.image) {
    image = connect.spec.image;
    imageSource = 'dockerfile';
  } else if (built) {
    image = built;
    imageSource = 'strimzi-build';
  }
  return {
    name: values.name,
    namespace: values.namespace,
    entityRef: catalogEntityRef(values),
    strimziVersion: values.strimzi.version,
    kafkaVersion: values.kafka.version,
    apiVersion: connect?.apiVersion ?? '',
    image,
    imageSource,
    objects: objects.map(o => `${o.kind} ${o.metadata?.name}`),
  };
}

const IMAGE_SOURCES: Record<ClusterFacts['imageSource'], string> = {
  dockerfile: 'CI builds it from the `Dockerfile`',
  'strimzi-build': 'the Strimzi operator builds it (`spec.build`)',
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
