import { UNSUPPORTED_VOLUME_SOURCES } from './volumes';

/**
 * Forms (Backstage's, built on react-jsonschema-form) send optional sections the user never
 * touched as empty objects and lists (`secret: {items: []}`, `nodeSelectorTerms:
 * [{matchExpressions: []}]`), and YAML's `key:` with nothing after it is null. Both mean
 * "not given": drop them before the schema sees them, so they neither fail the values nor
 * render into objects that change behaviour (an empty node selector term matches no node).
 */

/**
 * Keys whose empty object is itself the value: `emptyDir: {}` is a complete volume source,
 * and naming an unsupported volume type is a choice the checks must see and explain.
 */
const MEANINGFUL_EMPTY = new Set(['emptyDir', ...UNSUPPORTED_VOLUME_SOURCES]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function prune(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value) {
      const pruned = prune(item);
      if (pruned !== undefined) items.push(pruned);
    }
    return items.length > 0 ? items : undefined;
  }
  if (isPlainObject(value)) {
    // A loop rather than entries/fromEntries: this runs on every value of every render.
    const result: Record<string, unknown> = {};
    let kept = false;
    for (const key of Object.keys(value)) {
      const item = value[key];
      const pruned =
        MEANINGFUL_EMPTY.has(key) && isPlainObject(item)
          ? prune(item) ?? {}
          : prune(item);
      if (pruned === undefined) continue;
      if (key === '__proto__') {
        // Stays an own key, for the schema to refuse: assignment would set the prototype.
        Object.defineProperty(result, key, {
          value: pruned,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else {
        result[key] = pruned;
      }
      kept = true;
    }
    return kept ? result : undefined;
  }
  return value === null ? undefined : value;
}

/** The values without empty sections; the top level stays a mapping. */
export function pruneEmpty(
  values: Record<string, unknown>,
): Record<string, unknown> {
  return (prune(values) as Record<string, unknown> | undefined) ?? {};
}
