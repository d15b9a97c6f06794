import { derivedName } from '../names';
import { compact } from '../util/compact';
import { NormalisedValues } from '../values/normalise';
import { connectPodSelector, objectMeta } from './labels';

/** Strimzi's Connect REST API port. */
export const REST_API_PORT = 8083;

/**
 * One peer: the labelled pods of a namespace, or, with no podLabels, every pod of it (the
 * schema allows that only where the namespace is named).
 */
function apiAccessPeer(clusterNamespace: string) {
  return (access: NormalisedValues['apiAccess'][number]) =>
    compact({
      podSelector: access.podLabels
        ? { matchLabels: access.podLabels }
        : undefined,
      namespaceSelector: {
        matchLabels: {
          'kubernetes.io/metadata.name': access.namespace ?? clusterNamespace,
        },
      },
    });
}

/**
 * The operator's own NetworkPolicy admits only Strimzi pods to the REST API. This one adds
 * the pods listed in apiAccess; NetworkPolicies are additive, so the operator's stays intact.
 */
export function apiAccessPolicy(values: NormalisedValues) {
  if (values.apiAccess.length === 0) return undefined;
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: objectMeta(values, derivedName(values.name, 'apiAccessPolicy')),
    spec: {
      podSelector: { matchLabels: connectPodSelector(values) },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: values.apiAccess.map(apiAccessPeer(values.namespace)),
          ports: [{ protocol: 'TCP', port: REST_API_PORT }],
        },
      ],
    },
  };
}
