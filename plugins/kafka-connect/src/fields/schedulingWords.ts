/**
 * Scheduling in the words a developer knows, and the Kubernetes shapes they stand for.
 * Each word edits only its own part of `scheduling`; whatever else is there is kept.
 */

export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  tolerationSeconds?: number;
}

export interface SpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway';
  labelSelector?: { matchLabels?: Record<string, string> };
  [key: string]: unknown;
}

export interface Scheduling {
  nodeSelector?: Record<string, string>;
  affinity?: Record<string, unknown>;
  tolerations?: Toleration[];
  topologySpreadConstraints?: SpreadConstraint[];
}

/** The node labels that name a node group on the common platforms. */
export const NODE_GROUP_LABELS: readonly { key: string; label: string }[] = [
  { key: 'eks.amazonaws.com/nodegroup', label: 'EKS node group' },
  { key: 'karpenter.sh/nodepool', label: 'Karpenter node pool' },
  { key: 'cloud.google.com/gke-nodepool', label: 'GKE node pool' },
  { key: 'kubernetes.azure.com/agentpool', label: 'AKS node pool' },
];

export const ZONE_KEY = 'topology.kubernetes.io/zone';

/** Drops the empty parts, so an untouched section writes nothing. */
export function tidy(scheduling: Scheduling): Scheduling | undefined {
  const next: Scheduling = {};
  if (
    scheduling.nodeSelector &&
    Object.keys(scheduling.nodeSelector).length > 0
  )
    next.nodeSelector = scheduling.nodeSelector;
  if (scheduling.affinity && Object.keys(scheduling.affinity).length > 0)
    next.affinity = scheduling.affinity;
  if (scheduling.tolerations?.length) next.tolerations = scheduling.tolerations;
  if (scheduling.topologySpreadConstraints?.length)
    next.topologySpreadConstraints = scheduling.topologySpreadConstraints;
  return Object.keys(next).length > 0 ? next : undefined;
}

/** The labels Strimzi puts on the Connect pods of cluster `name`. */
export function connectPodLabels(name: string): Record<string, string> {
  return { 'strimzi.io/cluster': name, 'strimzi.io/kind': 'KafkaConnect' };
}

/** "Spread across zones": one pod per zone before a second lands in any. */
export function zoneSpread(name: string, strict: boolean): SpreadConstraint {
  return {
    maxSkew: 1,
    topologyKey: ZONE_KEY,
    whenUnsatisfiable: strict ? 'DoNotSchedule' : 'ScheduleAnyway',
    labelSelector: { matchLabels: connectPodLabels(name) },
  };
}

export function findZoneSpread(
  scheduling: Scheduling | undefined,
): SpreadConstraint | undefined {
  return scheduling?.topologySpreadConstraints?.find(
    c => c.topologyKey === ZONE_KEY,
  );
}

export function withZoneSpread(
  scheduling: Scheduling | undefined,
  spread: SpreadConstraint | undefined,
): Scheduling | undefined {
  const others = (scheduling?.topologySpreadConstraints ?? []).filter(
    c => c.topologyKey !== ZONE_KEY,
  );
  return tidy({
    ...scheduling,
    topologySpreadConstraints: spread ? [...others, spread] : others,
  });
}

/** "Tolerate the taint key[=value]:effect": Equal with a value, Exists without. */
export function toleration(
  key: string,
  value: string,
  effect: string,
  previous?: Toleration,
): Toleration {
  const next: Toleration = { key: key || undefined };
  if (value) {
    next.operator = 'Equal';
    next.value = value;
  } else {
    next.operator = 'Exists';
  }
  if (effect) next.effect = effect as Toleration['effect'];
  // Only NoExecute evicts, so only there a grace period means something.
  if (previous?.tolerationSeconds !== undefined && next.effect === 'NoExecute')
    next.tolerationSeconds = previous.tolerationSeconds;
  if (!next.key) delete next.key;
  return next;
}
