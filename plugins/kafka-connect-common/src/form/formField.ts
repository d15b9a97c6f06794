import {
  JsonSchema,
  alternatives,
  constantOf,
  discriminatorOf,
  isSchema,
  propertiesOf,
  requiredOf,
} from './jsonSchema';
import { FormLayout } from './layout';

/**
 * One values field as a field of the template's form (react-jsonschema-form, RJSF 5, inside
 * Backstage's scaffolder). The constraints are the values schema's; the shape differs where
 * the browser form needs it to:
 *
 * - A union of objects becomes a choice (`oneOf`, one option per alternative, titled from the
 *   schema). The discriminator is a hidden field with a single-value `enum` and a `default`:
 *   on a switch RJSF then fills in the new value, and sets the old option's fields to
 *   `undefined`, which the request drops. Unknown fields are refused by the names of all
 *   options together (`propertyNames`), not per option: `additionalProperties: false` counts
 *   such `undefined` keys and would refuse the form for good.
 * - An optional union starts with a "None" option, so that an untouched form chooses nothing.
 * - An optional section (an object the values may leave out, and everything inside it through
 *   object fields) requires no field and no minimum of items: RJSF sends an untouched or
 *   cleared section as `{}` with empty lists, which the values read as "not given"; the render
 *   step asks for the missing field once the section is filled in.
 * - Object and list defaults are left out (the render step applies them); scalar ones stay.
 */

export interface Where {
  /** The values path: `kafka.authentication`, `plugins[].artifacts[]`. */
  path: string;
  /** The values may leave this field out. */
  optional: boolean;
  /** Inside an optional section through object fields only. */
  section: boolean;
}

const SAFE_LIMIT = Number.MAX_SAFE_INTEGER;

/** The titles of scalar alternatives that have none in the schema. */
const TYPE_TITLES: Record<string, string> = {
  string: 'Text',
  number: 'Number',
  integer: 'Whole number',
  boolean: 'True or false',
};

const NONE_TITLE = 'None';

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

function copy(target: JsonSchema, source: JsonSchema, keys: string[]): void {
  for (const key of keys) {
    const value = source[key];
    // zod writes ±MAX_SAFE_INTEGER as the bounds of a plain integer: no bound a form needs.
    if (typeof value === 'number' && Math.abs(value) === SAFE_LIMIT) continue;
    if (value !== undefined) target[key] = value;
  }
}

/** What the user reads: title and description, first in every node. */
function head(node: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  copy(out, node, ['title', 'description']);
  return out;
}

/** Scalar defaults and examples, last in every node. */
function tail(target: JsonSchema, node: JsonSchema): JsonSchema {
  const value = node.default;
  if (value !== undefined && (value === null || typeof value !== 'object')) {
    target.default = value;
  }
  if (Array.isArray(node.examples)) target.examples = node.examples;
  return target;
}

export class FormFields {
  /** Every values path the form has, to find layout entries that name no field. */
  readonly paths = new Set<string>();

  constructor(private readonly layout: FormLayout) {}

  field(node: JsonSchema, where: Where): JsonSchema {
    this.paths.add(where.path);
    // zod writes a union of plain scalars as a list of types: RJSF wants alternatives.
    const types = Array.isArray(node.type) ? (node.type as unknown[]) : [];
    const options =
      alternatives(node) ??
      (types.length > 1 ? types.map(type => ({ type })) : undefined);
    let field: JsonSchema;
    if (options) field = this.union(node, options, where);
    else if (node.type === 'object') field = this.object(node, where);
    else if (node.type === 'array') field = this.array(node, where);
    else field = scalar(node);
    return { ...field, ...this.layout.ui[where.path] };
  }

  private array(node: JsonSchema, where: Where): JsonSchema {
    const out = head(node);
    out.type = 'array';
    copy(out, node, where.section || where.optional ? [] : ['minItems']);
    copy(out, node, ['maxItems']);
    if (isSchema(node.items)) {
      out.items = this.field(node.items, {
        path: `${where.path}[]`,
        optional: false,
        section: false,
      });
    }
    return tail(out, node);
  }

  private object(node: JsonSchema, where: Where): JsonSchema {
    const section = where.section || where.optional;
    const properties = propertiesOf(node);
    const required = requiredOf(node);
    const choice = this.layout.choices[where.path] ?? [];
    const fields: Record<string, JsonSchema> = {};
    const chosen: Record<string, JsonSchema> = {};
    for (const [key, property] of Object.entries(properties)) {
      const inChoice = choice.includes(key);
      const field = this.field(property, {
        path: join(where.path, key),
        optional: !inChoice && !required.includes(key),
        section: section && !inChoice,
      });
      if (inChoice) chosen[key] = field;
      else fields[key] = field;
    }
    const unknown = choice.filter(key => !(key in properties));
    if (unknown.length > 0) {
      throw new Error(
        `form layout: choices.${where.path} names ${unknown.join(
          ', ',
        )}, which the values schema does not have there`,
      );
    }

    const out = head(node);
    out.type = 'object';
    const kept = required.filter(key => !choice.includes(key));
    if (!section && kept.length > 0) out.required = kept;
    if (choice.length > 0) {
      out.propertyNames = knownNames([properties]);
    } else if (node.additionalProperties === false) {
      out.additionalProperties = false;
    }
    if (isSchema(node.propertyNames)) {
      out.propertyNames = scalar(node.propertyNames);
    }
    const values = isSchema(node.additionalProperties)
      ? node.additionalProperties
      : {};
    const isMap = Object.keys(values).length > 0;
    if (!isMap || Object.keys(fields).length > 0) out.properties = fields;
    if (isMap) {
      out.additionalProperties = this.field(values, {
        path: `${where.path}.*`,
        optional: false,
        section: false,
      });
    }
    if (choice.length > 0) {
      out.oneOf = [
        ...(where.optional
          ? [none({ anyOf: choice.map(key => ({ required: [key] })) })]
          : []),
        ...choice.map(key => ({
          title: String(chosen[key].title ?? key),
          required: [key],
          properties: { [key]: chosen[key] },
        })),
      ];
    }
    return tail(out, node);
  }

  private union(
    node: JsonSchema,
    options: JsonSchema[],
    where: Where,
  ): JsonSchema {
    const out = head(node);
    if (!options.every(option => option.type === 'object')) {
      out.anyOf = options.map(option =>
        scalar({
          ...option,
          title: option.title ?? TYPE_TITLES[String(option.type)],
        }),
      );
      return tail(out, node);
    }
    const discriminator = discriminatorOf(options);
    out.type = 'object';
    if (options.every(option => option.additionalProperties === false)) {
      out.propertyNames = knownNames(options.map(propertiesOf));
    }
    out.oneOf = [
      ...(where.optional
        ? [
            none(
              discriminator
                ? { required: [discriminator] }
                : { anyOf: options.map(o => ({ required: requiredOf(o) })) },
            ),
          ]
        : []),
      ...options.map(option => this.option(option, discriminator, where.path)),
    ];
    return tail(out, node);
  }

  /** One alternative of a union: its own fields, its discriminator hidden and filled in. */
  private option(
    node: JsonSchema,
    discriminator: string | undefined,
    path: string,
  ): JsonSchema {
    const value = discriminator
      ? constantOf(propertiesOf(node)[discriminator])
      : undefined;
    const {
      title,
      additionalProperties: _refusesUnknown,
      ...field
    } = this.object(node, { path, optional: false, section: false });
    const properties = (field.properties ?? {}) as Record<string, JsonSchema>;
    if (discriminator) {
      properties[discriminator] = {
        type: 'string',
        enum: [value],
        default: value,
        'ui:widget': 'hidden',
      };
    }
    const label =
      title ??
      value ??
      requiredOf(node)
        .filter(key => key !== discriminator)
        .join(', ');
    return { title: String(label), ...field };
  }
}

/**
 * The field names a choice takes, all options together: a name no option has is refused (a
 * `password` beside passwordSecret), while an option left behind only leaves `undefined`.
 */
function knownNames(options: Record<string, JsonSchema>[]): JsonSchema {
  return { enum: [...new Set(options.flatMap(o => Object.keys(o)))] };
}

/** The first option of an optional choice: nothing chosen, nothing sent. */
function none(chosen: JsonSchema): JsonSchema {
  return { title: NONE_TITLE, type: 'object', not: chosen };
}

function scalar(node: JsonSchema): JsonSchema {
  const out = head(node);
  copy(out, node, [
    'type',
    'const',
    'enum',
    'minLength',
    'maxLength',
    'pattern',
    'minimum',
    'maximum',
    'exclusiveMinimum',
    'exclusiveMaximum',
  ]);
  return tail(out, node);
}
