import { derivedName } from '../names';
import { NormalisedValues } from '../values/normalise';
import { objectMeta } from './labels';

/** What each Kubernetes config provider reads through the API server. */
const RESOURCE_FOR_PROVIDER: Record<string, string> = {
  'kubernetes-secret': 'secrets',
  'kubernetes-configmap': 'configmaps',
};

/**
 * Strimzi's Kubernetes config providers read Secrets and ConfigMaps with the Connect
 * pods' service account (`<name>-connect`): grant exactly that, in the cluster's namespace.
 */
export function configReaderRbac(values: NormalisedValues) {
  const resources = [
    ...new Set(
      values.configProviders
        .map(p => RESOURCE_FOR_PROVIDER[p.type])
        .filter((r): r is string => r !== undefined),
    ),
  ].sort();
  if (resources.length === 0) return [];
  const name = derivedName(values.name, 'configReader');
  const role = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: objectMeta(values, name),
    rules: [{ apiGroups: [''], resources, verbs: ['get'] }],
  };
  const roleBinding = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: objectMeta(values, name),
    subjects: [
      {
        kind: 'ServiceAccount',
        name: derivedName(values.name, 'connect'),
        namespace: values.namespace,
      },
    ],
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
  };
  return [role, roleBinding];
}
