import { z } from 'zod';
import { ParsedValues, valuesShape } from './schema';

/** The top-level fields that passed the schema, with their parsed values (defaults filled). */
export interface ParsedFields {
  values: Partial<ParsedValues>;
  parsed: ReadonlySet<string>;
}

const FIELD_SCHEMAS = Object.entries(valuesShape.shape) as Array<
  [string, z.ZodType]
>;

/**
 * After the whole schema failed: each top-level field without an issue of its own, parsed
 * again on its own schema, so the cross-field rules can read it. Only the failure path
 * pays for this; a field that fails on its own is left out like one with an issue.
 */
export function parsedFields(
  input: Record<string, unknown>,
  issues: readonly z.core.$ZodIssue[],
): ParsedFields {
  const failed = new Set<PropertyKey>(issues.map(issue => issue.path[0]));
  const values: Record<string, unknown> = {};
  const parsed = new Set<string>();
  for (const [field, schema] of FIELD_SCHEMAS) {
    if (failed.has(field)) continue;
    const given = Object.prototype.hasOwnProperty.call(input, field)
      ? input[field]
      : undefined;
    const result = schema.safeParse(given);
    if (result.success) {
      values[field] = result.data;
      parsed.add(field);
    }
  }
  return { values: values as Partial<ParsedValues>, parsed };
}
