/**
 * Every name derived from the cluster name, in one place, so the longest of them decides
 * how long the cluster name may be (Kubernetes names and label values stop at 63).
 */
const SUFFIXES = {
  /** Strimzi's own: Deployment/PodSet, service account and pods of the cluster. */
  connect: '-connect',
  /** Strimzi's REST API service. */
  api: '-connect-api',
  /** Strimzi's build resources, when image.build is strimzi. */
  build: '-connect-build',
  /** The metrics ConfigMap. */
  metrics: '-metrics',
  /** The NetworkPolicy that admits apiAccess pods to the REST API. */
  apiAccessPolicy: '-connect-api-access',
  /** Role and RoleBinding that let the Kubernetes config providers read. */
  configReader: '-connect-config-reader',
} as const;

export type DerivedName = keyof typeof SUFFIXES;

const LONGEST_SUFFIX = Math.max(...Object.values(SUFFIXES).map(s => s.length));

export const MAX_NAME_LENGTH = 63 - LONGEST_SUFFIX;

export function derivedName(name: string, which: DerivedName): string {
  return `${name}${SUFFIXES[which]}`;
}

/**
 * Default Connect group and internal topics. Namespace and name together are unique per
 * Kubernetes cluster, so two Connect clusters on one Kafka never share them by accident.
 */
export function defaultConnectNames(namespace: string, name: string) {
  const prefix = `${namespace}.${name}`;
  return {
    groupId: prefix,
    offsetStorageTopic: `${prefix}.offsets`,
    configStorageTopic: `${prefix}.configs`,
    statusStorageTopic: `${prefix}.status`,
  };
}
