import { compact } from '../util/compact';
import { NormalisedValues } from '../values/normalise';
import { catalogEntityName } from './labels';

/** The template that makes these clusters; the catalog links each cluster back to it. */
export const TEMPLATE_REF = 'template:default/kafka-connect-cluster';
export const ENTITY_TYPE = 'kafka-connect-cluster';

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
        'kafka-connect/strimzi-version': values.strimzi.version,
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
