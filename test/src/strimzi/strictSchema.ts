import Ajv, { ErrorObject } from 'ajv';
import { CelObject, NoSuchKey, celCheck } from './celRules';

/** A JSON schema for ajv (draft-07 keywords plus `x-kubernetes-validations`). */
export type JsonSchema = { [keyword: string]: unknown };

export interface CelRule {
  rule: string;
  message?: string;
}

/** The subset of a CRD's structural OpenAPI v3 schema that the conversion reads. */
export interface CrdSchemaNode {
  type?: string;
  properties?: Record<string, CrdSchemaNode>;
  items?: CrdSchemaNode;
  additionalProperties?: CrdSchemaNode | boolean;
  anyOf?: CrdSchemaNode[];
  enum?: unknown[];
  nullable?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-validations'?: CelRule[];
  [keyword: string]: unknown;
}

// Extensions handled below; any other one would change what the API server accepts.
const KNOWN_EXTENSIONS = new Set([
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-int-or-string',
  'x-kubernetes-validations',
]);

const isTypeOnly = (s: CrdSchemaNode) =>
  Object.keys(s).every(k => k === 'type');

/**
 * Strict copy of one structural node. Recurses only through properties, items and
 * additionalProperties: anyOf/oneOf/not branches are value checks that name fields
 * with empty schemas (`{properties: {secret: {}}, required: [secret]}`), so closing
 * them would reject valid objects; they are copied unchanged.
 */
export function toStrictSchema(node: CrdSchemaNode, at = ''): JsonSchema {
  const { properties, items, additionalProperties, nullable, ...rest } = node;
  for (const key of Object.keys(rest)) {
    if (key.startsWith('x-kubernetes-') && !KNOWN_EXTENSIONS.has(key)) {
      throw new Error(
        `${at || '/'}: unsupported CRD extension ${key}; teach strictSchema.ts`,
      );
    }
  }
  delete rest.description; // only bulk for ajv
  const out: JsonSchema = { ...rest };
  const preserve = node['x-kubernetes-preserve-unknown-fields'] === true;

  if (properties) {
    out.properties = Object.fromEntries(
      Object.entries(properties).map(([k, v]) => [
        k,
        toStrictSchema(v, `${at}/${k}`),
      ]),
    );
  }
  if (items) out.items = toStrictSchema(items, `${at}/items`);
  if (typeof additionalProperties === 'object') {
    out.additionalProperties = toStrictSchema(additionalProperties, `${at}/*`);
  } else if (additionalProperties !== undefined) {
    out.additionalProperties = additionalProperties;
  } else if (!preserve && (properties || node.type === 'object')) {
    // The API server prunes fields a structural schema does not name; with
    // strict field validation (kubectl's default) that is an "unknown field" error.
    out.additionalProperties = false;
  }

  if (node['x-kubernetes-int-or-string']) {
    // One type error ("must be integer,string") instead of three anyOf errors.
    if (!node.anyOf || node.anyOf.every(isTypeOnly)) delete out.anyOf;
    out.type = ['integer', 'string'];
  }
  if (nullable && out.type !== undefined) {
    out.type = [...(Array.isArray(out.type) ? out.type : [out.type]), 'null'];
    if (node.enum) out.enum = [...node.enum, null];
  }
  return out;
}

// What an ajv `compile` keyword returns (ajv does not export its own type for it).
type DataValidateFunction = ((data: unknown) => boolean) & {
  errors?: Partial<ErrorObject>[];
};

// Ajv keyword that runs the CEL rules of a node (see celRules.ts) and reports the rule's message.
function celKeyword(rules: CelRule[]): DataValidateFunction {
  const checks = rules.map(r => ({ ...r, check: celCheck(r.rule) }));
  const validate: DataValidateFunction = (data: unknown) => {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      return true; // the type keyword reports that
    }
    const errors: Partial<ErrorObject>[] = [];
    for (const { rule, message, check } of checks) {
      let failure: string | undefined;
      try {
        if (!check(data as CelObject))
          failure = message ?? `failed rule: ${rule}`;
      } catch (e) {
        if (!(e instanceof NoSuchKey)) throw e;
        failure = `${message ?? rule} (${e.message})`;
      }
      if (failure) {
        errors.push({
          keyword: 'x-kubernetes-validations',
          message: failure,
          params: { rule },
        });
      }
    }
    validate.errors = errors;
    return errors.length === 0;
  };
  return validate;
}

/** Ajv set up for schemas made by toStrictSchema. */
export function createCrdAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    // CRDs carry OpenAPI keywords ajv does not know (example, nullable leftovers).
    strict: false,
    // These CRDs declare no `format`; Kubernetes-only formats (int32, byte...) would be ignored.
    validateFormats: false,
  });
  ajv.addKeyword({
    keyword: 'x-kubernetes-validations',
    schemaType: 'array',
    errors: true,
    compile: celKeyword,
  });
  return ajv;
}
