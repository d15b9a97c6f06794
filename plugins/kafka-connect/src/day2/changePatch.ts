import { mergeChanges } from '@connect-skeleton/plugin-kafka-connect-common';
import { parse, stringify } from 'yaml';

/**
 * The change form edits a cluster's whole values; the change template takes the fields to
 * change as a merge patch (RFC 7386, kafka-connect:change-values): mappings field by field,
 * anything else replaced whole, `null` to remove. These two functions go between the two, so
 * the template gets exactly what the developer changed and nothing the form merely drew.
 */

type Mapping = Record<string, unknown>;

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Nothing there: what a browser form sends for a section or a list it drew but nobody filled
 * in (`{}`, `[]`, a mapping of such), and what the values read as not given.
 */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isMapping(value)) return Object.values(value).every(isEmpty);
  return false;
}

function equal(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => equal(item, b[i]));
  if (isMapping(a) && isMapping(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every(key => equal(a[key], b[key]));
  }
  return a === b;
}

/** A value without the empty sections a form drew inside it (`tls: {}`), which say nothing. */
function pruned(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pruned);
  if (!isMapping(value)) return value;
  const out: Mapping = {};
  for (const [key, item] of Object.entries(value))
    if (!isEmpty(item)) out[key] = pruned(item);
  return out;
}

/**
 * The merge patch that turns `current` into `edited`, or undefined when nothing differs: a
 * field emptied is removed (`null`, back to its default), a list is given whole.
 */
export function changePatch(
  current: Mapping,
  edited: Mapping,
): Mapping | undefined {
  const patch: Mapping = {};
  const keys = new Set([...Object.keys(current), ...Object.keys(edited)]);
  for (const key of keys) {
    const before = current[key];
    const after = edited[key];
    if (equal(before, after)) continue;
    if (isEmpty(after)) patch[key] = null;
    else if (isMapping(before) && isMapping(after)) {
      const inner = changePatch(before, after);
      if (inner) patch[key] = inner;
    } else patch[key] = pruned(after);
  }
  return Object.keys(patch).length > 0 ? patch : undefined;
}

const HEADER = '# The fields of connect-cluster.yaml that change, for ';

/**
 * The patch as the template's `changes` parameter holds it: YAML, empty for no change. A
 * comment names the cluster it was made for, so a patch made for one cluster is never
 * applied to another chosen later (the change action reads past the comment).
 */
export function patchText(
  patch: Mapping | undefined,
  entityRef: string,
): string {
  return patch ? `${HEADER}${entityRef}\n${stringify(patch)}` : '';
}

/** The cluster a `changes` text was made for, when it names one. */
export function patchCluster(text: unknown): string | undefined {
  if (typeof text !== 'string' || !text.startsWith(HEADER)) return undefined;
  return text.slice(HEADER.length).split('\n')[0];
}

/**
 * The patch a `changes` text holds: undefined for none, and for text that is not a mapping
 * (typed by hand into the old text area, say), which the change action reports itself.
 */
export function readPatch(text: unknown): Mapping | undefined {
  if (isMapping(text)) return text;
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  try {
    const parsed = parse(text);
    return isMapping(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The values the form shows: today's with the patch so far applied (back and forth keeps it). */
export function editedValues(current: Mapping, text: unknown): Mapping {
  const patch = readPatch(text);
  return patch ? (mergeChanges(current, patch) as Mapping) : current;
}
