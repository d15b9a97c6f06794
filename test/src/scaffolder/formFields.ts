import {
  isSchema,
  JsonSchema,
} from '@connect-skeleton/plugin-kafka-connect-common';

/**
 * The fields of a JSON schema as a user sees them: every path (`kafka.authentication.username`,
 * `plugins[].artifacts[].url`, `labels.*` for a map's values) with the JSON types it takes,
 * through objects, lists, maps and every alternative of a union or a choice.
 */
export type Fields = Map<string, Set<string>>;

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

function add(fields: Fields, path: string, type: unknown): void {
  const types = fields.get(path) ?? new Set<string>();
  for (const t of Array.isArray(type) ? type : [type]) {
    if (typeof t === 'string') types.add(t);
  }
  fields.set(path, types);
}

/**
 * `hidden` collects the fields a form fills in itself (ui:widget hidden: a union's
 * discriminator, set by choosing an option) with the values they are filled with.
 */
export function fieldsOf(
  node: JsonSchema,
  path = '',
  fields: Fields = new Map(),
  hidden: Map<string, Set<unknown>> = new Map(),
): Fields {
  if (node['ui:widget'] === 'hidden') {
    const values = hidden.get(path) ?? new Set<unknown>();
    for (const v of (node.enum as unknown[]) ?? [node.const]) values.add(v);
    hidden.set(path, values);
    return fields;
  }
  const options = [
    ...((node.oneOf as unknown[]) ?? []),
    ...((node.anyOf as unknown[]) ?? []),
  ].filter(isSchema);
  for (const option of options) fieldsOf(option, path, fields, hidden);
  if (node.type !== undefined) add(fields, path, node.type);
  if (isSchema(node.properties)) {
    for (const [key, child] of Object.entries(node.properties)) {
      if (isSchema(child)) fieldsOf(child, join(path, key), fields, hidden);
    }
  }
  if (isSchema(node.items)) fieldsOf(node.items, `${path}[]`, fields, hidden);
  if (
    isSchema(node.additionalProperties) &&
    Object.keys(node.additionalProperties).length > 0
  ) {
    fieldsOf(node.additionalProperties, join(path, '*'), fields, hidden);
  }
  return fields;
}

/** The constants a values union tells its alternatives apart by: path to values. */
export function discriminatorsOf(
  node: JsonSchema,
  path = '',
  found: Map<string, Set<unknown>> = new Map(),
): Map<string, Set<unknown>> {
  if (node.const !== undefined) {
    const values = found.get(path) ?? new Set<unknown>();
    values.add(node.const);
    found.set(path, values);
  }
  for (const option of [
    ...((node.oneOf as unknown[]) ?? []),
    ...((node.anyOf as unknown[]) ?? []),
  ].filter(isSchema)) {
    discriminatorsOf(option, path, found);
  }
  if (isSchema(node.properties)) {
    for (const [key, child] of Object.entries(node.properties)) {
      if (isSchema(child)) discriminatorsOf(child, join(path, key), found);
    }
  }
  if (isSchema(node.items)) discriminatorsOf(node.items, `${path}[]`, found);
  return found;
}

/**
 * What react-jsonschema-form sends for pages nobody touched: every object filled in with its
 * fields (an optional section as well, as `{}` at least), every list empty, every field with
 * a default set to it. An optional union starts on its first option.
 */
export function untouched(node: JsonSchema): unknown {
  if (node.default !== undefined) return node.default;
  if (node.type === 'array') return [];
  if (node.type !== 'object') return undefined;
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(
    isSchema(node.properties) ? node.properties : {},
  )) {
    const value = isSchema(child) ? untouched(child) : undefined;
    if (value !== undefined) result[key] = value;
  }
  return result;
}
