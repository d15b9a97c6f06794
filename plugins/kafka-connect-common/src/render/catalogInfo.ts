import { GENERATOR_NAME, GENERATOR_VERSION } from '../generator';
import { StrimziApiVersion } from '../strimzi/releases';
import { compact } from '../util/compact';
import { NormalisedValues } from '../values/normalise';
import { catalogEntityName } from './labels';

/** The template that makes these clusters; the catalog links each cluster back to it. */
export const TEMPLATE_REF = 'template:default/kafka-connect-cluster';
export const ENTITY_TYPE = 'kafka-connect-cluster';

/**
 * Provenance: which generator rendered the cluster, for which Strimzi release and API version.
 * The catalog filters on annotations, so the clusters still on an old release are one query:
 * `GET /api/catalog/entities?filter=metadata.annotations.kafka-connect/strimzi-version=0.45.0`.
 */
export const PROVENANCE_ANNOTATIONS = {
  generator: 'kafka-connect/generator',
  generatorVersion: 'kafka-connect/generator-version',
  strimziVersion: 'kafka-connect/strimzi-version',
  strimziApiVersion: 'kafka-connect/strimzi-api-version',
} as const;

function strimziApiVersion(values: NormalisedValues): StrimziApiVersion {
  return `kafka.strimzi.io/${values.strimzi.apiVersion}`;
}

export function catalogEntityRef(values: NormalisedValues): string {
  return `resource:default/${catalogEntityName(values)}`;
}

/** A Backstage Resource whose annotations tie it to its Kubernetes objects and its template. */
export function catalogInfo(values: NormalisedValues) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: compact({
      name: catalogEntityName(values),
      description: values.description,
      labels: values.environment
        ? { environment: values.environment }
        : undefined,
      annotations: {
        'backstage.io/kubernetes-id': catalogEntityName(values),
        'backstage.io/kubernetes-namespace': values.namespace,
        'backstage.io/source-template': TEMPLATE_REF,
        [PROVENANCE_ANNOTATIONS.generator]: GENERATOR_NAME,
        [PROVENANCE_ANNOTATIONS.generatorVersion]: GENERATOR_VERSION,
        [PROVENANCE_ANNOTATIONS.strimziVersion]: values.strimzi.version,
        [PROVENANCE_ANNOTATIONS.strimziApiVersion]: strimziApiVersion(values),
        'kafka-connect/kafka-version': values.kafka.version,
        'kafka-connect/bootstrap-servers': values.kafka.bootstrapServers,
      },
      tags: ['kafka-connect', 'strimzi'],
    }),
    spec: compact({
      type: ENTITY_TYPE,
      owner: values.owner,
      system: values.system,
    }),
  };
}
