import { NormalisedValues } from '../values/normalise';

/**
 * The catalog entity's name, also the label the Backstage Kubernetes plugin finds the
 * objects by. The environment is part of it: the same cluster name in staging and in
 * production must be two entities.
 */
export function catalogEntityName(
  values: Pick<NormalisedValues, 'name' | 'environment'>,
): string {
  return values.environment
    ? `${values.name}-${values.environment}`
    : values.name;
}

/** Labels on every object, so kubectl, Backstage and GitOps tools find the cluster's objects. */
export function commonLabels(values: NormalisedValues): Record<string, string> {
  return {
    'app.kubernetes.io/name': 'kafka-connect',
    'app.kubernetes.io/instance': values.name,
    'backstage.io/kubernetes-id': catalogEntityName(values),
  };
}

export function objectMeta(values: NormalisedValues, name: string) {
  return {
    name,
    namespace: values.namespace,
    labels: commonLabels(values),
  };
}

/** The labels Strimzi puts on the Connect pods; policies select them with these. */
export function connectPodSelector(values: NormalisedValues) {
  return {
    'strimzi.io/cluster': values.name,
    'strimzi.io/kind': 'KafkaConnect',
  };
}
