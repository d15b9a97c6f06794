import { formatPath, PathSegment } from '../problems';
import { isMapping } from './mergeChanges';

/** One difference between two sets of values, at a field path. */
export interface ValueChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => equal(item, b[i]));
  }
  if (isMapping(a) && isMapping(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every(key => key in b && equal(a[key], b[key]))
    );
  }
  return false;
}

/** Lists of named things (plugins, connectors, volumes, env, ...) compare by name, not place. */
function byName(list: unknown[]): Map<string, unknown> | undefined {
  const named = new Map<string, unknown>();
  for (const item of list) {
    const name = isMapping(item) ? item.name : undefined;
    if (typeof name !== 'string' || named.has(name)) return undefined;
    named.set(name, item);
  }
  return named;
}

function walk(
  before: unknown,
  after: unknown,
  path: PathSegment[],
  out: ValueChange[],
): void {
  if (equal(before, after)) return;
  const at = formatPath(path);
  if (before === undefined) {
    out.push({ path: at, kind: 'added', after });
    return;
  }
  if (after === undefined) {
    out.push({ path: at, kind: 'removed', before });
    return;
  }
  if (isMapping(before) && isMapping(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const key of keys) walk(before[key], after[key], [...path, key], out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const left = byName(before);
    const right = byName(after);
    if (left && right && (left.size > 0 || right.size > 0)) {
      for (const [name, item] of left)
        walk(item, right.get(name), [...path, name], out);
      for (const [name, item] of right)
        if (!left.has(name)) walk(undefined, item, [...path, name], out);
      return;
    }
  }
  out.push({ path: at, kind: 'changed', before, after });
}

/**
 * Every difference between two sets of values, field by field; named list items (a plugin,
 * a connector) are matched by name, so adding one connector is one change, not a shifted list.
 * Both should be normalised values, so a default written out is no change.
 */
export function valueChanges(before: unknown, after: unknown): ValueChange[] {
  const out: ValueChange[] = [];
  walk(before, after, [], out);
  return out;
}

const MAX_SHOWN = 80;

/** A value as one short line: scalars as they are, the rest as JSON, cut at 80 characters. */
function shown(value: unknown): string {
  const text =
    typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? '';
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

/** A change in words, one line: `replicas: 1 → 3`, `connectors["orders-sink"] added`. */
export function describeValueChange(change: ValueChange): string {
  switch (change.kind) {
    case 'added':
      return `${change.path} added: ${shown(change.after)}`;
    case 'removed':
      return `${change.path} removed (was ${shown(change.before)})`;
    default:
      return `${change.path}: ${shown(change.before)} → ${shown(change.after)}`;
  }
}
