import { JsonSchema } from './templateFile';

/**
 * Compares a form's JSON schema with the values schema's (zod's toJSONSchema output), node by
 * node, and lists every difference as `field.path: what differs`. The form may add titles,
 * descriptions, ui: options and the const fields' defaults; everything that decides which
 * values are accepted must match.
 */

/**
 * Optional lists the values schema wants non-empty when given: the form leaves minItems out
 * (an empty list is read as not given), or it would pre-fill an empty entry that blocks Next.
 */
const OPTIONAL_LISTS = ['metrics.allowList'];

const BOUNDS = [
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
] as const;

export function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function alternatives(node: JsonSchema): JsonSchema[] | undefined {
  const list = node.oneOf ?? node.anyOf;
  return Array.isArray(list) ? list.filter(isSchema) : undefined;
}

/** zod writes ±Number.MAX_SAFE_INTEGER for plain integers: no bound a form needs. */
function bound(node: JsonSchema, key: string): unknown {
  const value = node[key];
  return typeof value === 'number' &&
    Math.abs(value) === Number.MAX_SAFE_INTEGER
    ? undefined
    : value;
}

/** Tells union members apart: their type, and their `type` constant or their required fields. */
function signature(node: JsonSchema): string {
  const properties = isSchema(node.properties) ? node.properties : {};
  const discriminator = isSchema(properties.type)
    ? properties.type.const
    : undefined;
  const required = Array.isArray(node.required)
    ? [...node.required].sort()
    : [];
  return `${String(node.type)} ${JSON.stringify(discriminator ?? required)}`;
}

const sorted = (value: unknown) =>
  JSON.stringify(Array.isArray(value) ? [...value].sort() : value);

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/**
 * RJSF's conditional fields: an object whose `dependencies` on one property (the
 * discriminator, an enum) offer one branch per value, each listing all of its fields. Read
 * as the union it stands for, one alternative per branch with the discriminator as a const.
 */
function dependenciesAsUnion(
  form: JsonSchema,
  say: (message: string) => void,
): JsonSchema {
  const entries = isSchema(form.dependencies)
    ? Object.entries(form.dependencies)
    : [];
  if (entries.length === 0) return form;
  const [[key, dependency], ...others] = entries;
  const branches =
    isSchema(dependency) && Array.isArray(dependency.oneOf)
      ? dependency.oneOf.filter(isSchema)
      : [];
  if (others.length > 0 || branches.length === 0) {
    say('dependencies other than one oneOf on one discriminator');
    return form;
  }
  const base = isSchema(form.properties) ? form.properties : {};
  const discriminator = isSchema(base[key]) ? base[key] : {};
  const chosen = (branch: JsonSchema) =>
    ((isSchema(branch.properties) &&
      isSchema(branch.properties[key]) &&
      branch.properties[key].enum) ||
      []) as unknown[];
  if (sorted(discriminator.enum) !== sorted(branches.flatMap(chosen))) {
    say(
      `the ${key} choices ${sorted(
        discriminator.enum,
      )} are not one branch each`,
    );
  }
  return {
    oneOf: branches.map(branch => ({
      type: 'object',
      additionalProperties: branch.additionalProperties,
      required: [
        ...new Set([
          ...((form.required as string[]) ?? []),
          ...((branch.required as string[]) ?? []),
        ]),
      ],
      properties: {
        ...base,
        ...(branch.properties as JsonSchema),
        [key]: { type: discriminator.type, const: chosen(branch)[0] },
      },
    })),
  };
}

export function compareSchemas(
  formNode: JsonSchema,
  values: JsonSchema,
  path = '',
): string[] {
  const here = path || '(root)';
  const problems: string[] = [];
  const say = (message: string) => problems.push(`${here}: ${message}`);
  const form = dependenciesAsUnion(formNode, say);

  const valueAlternatives = alternatives(values);
  const formAlternatives = alternatives(form);
  if (valueAlternatives || formAlternatives) {
    if (!valueAlternatives || !formAlternatives) {
      say(`one side is a union (oneOf/anyOf) and the other is not`);
      return problems;
    }
    if (formAlternatives.length !== valueAlternatives.length) {
      say(
        `${formAlternatives.length} alternatives in the form, ${valueAlternatives.length} in the values schema`,
      );
    }
    for (const alternative of valueAlternatives) {
      const match = formAlternatives.find(
        f => signature(f) === signature(alternative),
      );
      if (match) problems.push(...compareSchemas(match, alternative, path));
      else say(`the form has no alternative ${signature(alternative)}`);
    }
    return problems;
  }

  for (const key of ['type', 'const', 'pattern', ...BOUNDS]) {
    // The form would pre-fill minItems empty entries of an optional list, which block Next.
    if (key === 'minItems' && OPTIONAL_LISTS.includes(path)) continue;
    if (sorted(bound(form, key)) !== sorted(bound(values, key))) {
      say(
        `${key} is ${sorted(bound(form, key))} in the form, ${sorted(
          bound(values, key),
        )} in the values schema`,
      );
    }
  }
  if (sorted(form.enum) !== sorted(values.enum)) {
    say(
      `enum is ${sorted(form.enum)} in the form, ${sorted(
        values.enum,
      )} in the values schema`,
    );
  }
  compareDefaults(form, values, say);

  if (values.type === 'object')
    problems.push(...compareObjects(form, values, path, say));
  if (values.type === 'array') {
    if (!isSchema(form.items) || !isSchema(values.items)) say('items missing');
    else
      problems.push(...compareSchemas(form.items, values.items, `${path}[]`));
  }
  return problems;
}

function compareDefaults(
  form: JsonSchema,
  values: JsonSchema,
  say: (message: string) => void,
): void {
  const plain = (v: unknown) => v === undefined || typeof v !== 'object';
  if (plain(values.default)) {
    // A const field may default to its constant, so that the form fills it in.
    const allowed = [values.default];
    if (values.default === undefined && form.const !== undefined)
      allowed.push(form.const);
    if (!allowed.includes(form.default)) {
      say(
        `default is ${JSON.stringify(
          form.default,
        )} in the form, ${JSON.stringify(values.default)} in the values schema`,
      );
    }
  } else if (form.default !== undefined) {
    say(
      'the form sets a default object or list; leave those to the render step',
    );
  }
}

/**
 * Optional sections the browser form pre-fills with `{}` (react-jsonschema-form's default
 * state): a required field inside would block the whole form, so the form leaves it
 * optional and the values check enforces it when the section is actually filled in.
 */
const PREFILLED_OPTIONAL_SECTIONS = [
  'rack',
  'tracing',
  'metrics.configMap',
  'pod.securityContext.seccompProfile',
  'pod.securityContext.appArmorProfile',
  'container.securityContext.seccompProfile',
  'container.securityContext.appArmorProfile',
];

function compareObjects(
  form: JsonSchema,
  values: JsonSchema,
  path: string,
  say: (message: string) => void,
): string[] {
  const problems: string[] = [];
  const formProperties = isSchema(form.properties) ? form.properties : {};
  const valueProperties = isSchema(values.properties) ? values.properties : {};
  for (const [key, schema] of Object.entries(valueProperties)) {
    const field = formProperties[key];
    if (!isSchema(field))
      problems.push(`${join(path, key)}: missing in the form`);
    else if (isSchema(schema))
      problems.push(...compareSchemas(field, schema, join(path, key)));
  }
  for (const key of Object.keys(formProperties)) {
    if (!(key in valueProperties)) {
      problems.push(
        `${join(path, key)}: in the form but not in the values schema`,
      );
    }
  }
  if (
    sorted(form.required ?? []) !== sorted(values.required ?? []) &&
    !(
      PREFILLED_OPTIONAL_SECTIONS.includes(path) &&
      !(Array.isArray(form.required) && form.required.length > 0)
    )
  ) {
    say(
      `required is ${sorted(form.required ?? [])} in the form, ${sorted(
        values.required ?? [],
      )} in the values schema`,
    );
  }

  const extra = values.additionalProperties;
  if (extra === false && form.additionalProperties !== false) {
    say(
      'the values schema refuses unknown fields; the form must say additionalProperties: false',
    );
  }
  // A record (map): the form takes the same keys and values.
  if (isSchema(extra) && Object.keys(extra).length > 0) {
    if (!isSchema(form.additionalProperties))
      say('the values schema is a map; the form is not');
    else
      problems.push(
        ...compareSchemas(form.additionalProperties, extra, join(path, '*')),
      );
  }
  if (isSchema(values.propertyNames)) {
    if (!isSchema(form.propertyNames))
      say('the form does not check the keys of this map');
    else
      problems.push(
        ...compareSchemas(
          form.propertyNames,
          values.propertyNames,
          join(path, '<key>'),
        ),
      );
  }
  return problems;
}

/** The form's pages as one object schema, leaving out the parameters that are not values. */
export function combinePages(
  pages: readonly JsonSchema[],
  formOnly: readonly string[],
): JsonSchema {
  const properties: JsonSchema = {};
  const required: string[] = [];
  for (const page of pages) {
    for (const [key, field] of Object.entries(
      isSchema(page.properties) ? page.properties : {},
    )) {
      if (!formOnly.includes(key)) properties[key] = field;
    }
    for (const key of Array.isArray(page.required) ? page.required : []) {
      if (!formOnly.includes(key)) required.push(key);
    }
  }
  // The pages are validated one by one, so none refuses the others' fields; together they
  // refuse unknown ones because every field must be one the values schema knows.
  return { type: 'object', properties, required, additionalProperties: false };
}
