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
    const items = value.map(prune).filter(item => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value).flatMap(
      ([key, item]): [string, unknown][] => {
        if (MEANINGFUL_EMPTY.has(key) && isPlainObject(item)) {
          return [[key, prune(item) ?? {}]];
        }
        const pruned = prune(item);
        return pruned === undefined ? [] : [[key, pruned]];
      },
    );
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  return value === null ? undefined : value;
}

/** The values without empty sections; the top level stays a mapping. */
export function pruneEmpty(
  values: Record<string, unknown>,
): Record<string, unknown> {
  return (prune(values) as Record<string, unknown> | undefined) ?? {};
}
