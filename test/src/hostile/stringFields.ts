import {
  formatPath,
  PathSegment,
} from '@connect-skeleton/plugin-kafka-connect-common';

/**
 * The string-typed places of a values object: every string leaf, and every key of an
 * object (the caller decides which keys belong to maps rather than to fixed fields).
 */
export interface StringField {
  path: PathSegment[];
  /** `value`: the string at path; `key`: the last segment of path, as a map key. */
  kind: 'value' | 'key';
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function fieldLabel(field: StringField): string {
  const path = formatPath(field.path);
  return field.kind === 'key' ? `${path} (key)` : path;
}

/** Every string leaf and every object key, depth first in key order. */
export function stringFields(
  value: unknown,
  at: PathSegment[] = [],
): StringField[] {
  if (typeof value === 'string') return [{ path: at, kind: 'value' }];
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => stringFields(item, [...at, i]));
  }
  if (!isObject(value)) return [];
  // A key whose value is undefined is no field at all: it never reaches the renderer.
  const given = Object.entries(value).filter(([, item]) => item !== undefined);
  return given.flatMap(([key, item]) => [
    { path: [...at, key], kind: 'key' as const },
    ...stringFields(item, [...at, key]),
  ]);
}

function parentOf(root: unknown, path: PathSegment[]): unknown {
  let node = root;
  for (const segment of path.slice(0, -1)) {
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** A copy of values with `text` put at field (a key is renamed in place, order kept). */
export function withString(
  values: Record<string, unknown>,
  field: StringField,
  text: string,
): Record<string, unknown> {
  const copy = structuredClone(values);
  const last = field.path[field.path.length - 1];
  const parent = parentOf(copy, field.path) as Record<string | number, unknown>;
  if (field.kind === 'value') {
    parent[last] = text;
    return copy;
  }
  const entries = Object.entries(parent).map(([k, v]): [string, unknown] =>
    k === last ? [text, v] : [k, v],
  );
  for (const k of Object.keys(parent)) delete parent[k];
  Object.assign(parent, Object.fromEntries(entries));
  return copy;
}

/** The paths a problem about this field may name: the field, or a map key's map. */
export function acceptedProblemPaths(
  field: StringField,
  text: string,
): string[] {
  if (field.kind === 'value') return [formatPath(field.path)];
  const parent = field.path.slice(0, -1);
  return [formatPath(parent), formatPath([...parent, text])];
}

/** A copy of values with `text` put at every field; see conflict() for which may combine. */
export function withStrings(
  values: Record<string, unknown>,
  fields: readonly StringField[],
  text: string,
): Record<string, unknown> {
  return fields.reduce((copy, field) => withString(copy, field, text), values);
}

function startsWith(path: PathSegment[], prefix: PathSegment[]): boolean {
  return prefix.every((segment, i) => path[i] === segment);
}

/**
 * Two fields cannot take the same text in one render when one is a key on the way to the
 * other, or both are keys of one map (they would become one key).
 */
export function conflict(a: StringField, b: StringField): boolean {
  const keyOnPath = (key: StringField, other: StringField) =>
    key.kind === 'key' && startsWith(other.path, key.path);
  const sameMap =
    a.kind === 'key' &&
    b.kind === 'key' &&
    a.path.length === b.path.length &&
    startsWith(a.path, b.path.slice(0, -1));
  return keyOnPath(a, b) || keyOnPath(b, a) || sameMap;
}
