/**
 * A change to a cluster's values, given as the fields to change (a YAML or JSON merge patch,
 * RFC 7386): mappings merge field by field, a list or a scalar replaces the old one whole,
 * and `null` removes the field (back to its default). So `replicas: 3` changes one number and
 * leaves the rest of connect-cluster.yaml as it is.
 */
export type Values = Record<string, unknown>;

export function isMapping(value: unknown): value is Values {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function mergeChanges(current: unknown, changes: unknown): unknown {
  if (!isMapping(changes)) return changes;
  const merged: Values = isMapping(current) ? { ...current } : {};
  for (const [key, change] of Object.entries(changes)) {
    if (change === null) delete merged[key];
    else merged[key] = mergeChanges(merged[key], change);
  }
  return merged;
}
