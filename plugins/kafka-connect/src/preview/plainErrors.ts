/**
 * The JSON-schema validator's messages, as the scaffolder's form would show them, put in
 * plain words. The values schema's own message for the same value (the common checks) is
 * shown next to the field by PreviewLayout; these words only keep Next refused without
 * schema-speak ("must match pattern ^[A-Za-z0-9]...", eleven lines about `oneOf`).
 */

/** The part of RJSF's RJSFValidationError this transformer reads and writes. */
export interface SchemaError {
  name?: string;
  message?: string;
  params?: any;
  property?: string;
  schemaPath?: string;
  stack: string;
}

// An error inside one branch of a oneOf/anyOf: the branch's own complaint ("must be equal
// to constant", "must have required property 'url'") about a form the user did not pick.
const INSIDE_A_BRANCH = /\/(oneOf|anyOf)\/\d+\//;

function plainMessage(error: SchemaError): string {
  const p = error.params ?? {};
  switch (error.name) {
    case 'required':
      return 'is required';
    case 'pattern':
    case 'format':
      return 'is not written in the expected form';
    case 'oneOf':
    case 'anyOf':
      return 'does not match any of the accepted forms';
    case 'const':
    case 'enum':
      return 'must be one of the offered choices';
    case 'type':
      return 'has the wrong kind of value';
    case 'minLength':
      return p.limit === 1
        ? 'must not be empty'
        : `must be at least ${p.limit} characters long`;
    case 'maxLength':
      return `must be at most ${p.limit} characters long`;
    case 'minimum':
      return `must be at least ${p.limit}`;
    case 'maximum':
      return `must be at most ${p.limit}`;
    case 'minItems':
      return `needs at least ${p.limit} item${p.limit === 1 ? '' : 's'}`;
    case 'maxItems':
      return `takes at most ${p.limit} items`;
    case 'uniqueItems':
      return 'lists the same item twice';
    case 'additionalProperties':
      return 'has a setting the form does not know';
    default:
      return error.message ?? 'is not valid';
  }
}

/**
 * RJSF's `transformErrors`: one plain message per failing field. The branch errors of a
 * oneOf/anyOf are left out; the oneOf/anyOf error itself stays, so the form still refuses.
 */
export function plainErrors<E extends SchemaError>(errors: E[]): E[] {
  return errors
    .filter(e => !INSIDE_A_BRANCH.test(e.schemaPath ?? ''))
    .map(e => {
      const message = plainMessage(e);
      return { ...e, message, stack: `${e.property ?? ''} ${message}`.trim() };
    });
}
