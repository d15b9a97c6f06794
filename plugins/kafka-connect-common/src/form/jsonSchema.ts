import { z } from 'zod';
import { valuesShape } from '../values/schema';

/** A JSON Schema node, as zod writes it and as the template's form takes it. */
export type JsonSchema = { [key: string]: unknown };

export function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The values schema as JSON Schema: what a values file may hold, before defaults apply. */
export function valuesJsonSchema(): JsonSchema {
  return z.toJSONSchema(valuesShape, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
}

/** The alternatives of a union node (zod writes oneOf for discriminated unions, anyOf otherwise). */
export function alternatives(node: JsonSchema): JsonSchema[] | undefined {
  const list = node.oneOf ?? node.anyOf;
  return Array.isArray(list) ? list.filter(isSchema) : undefined;
}

export function propertiesOf(node: JsonSchema): Record<string, JsonSchema> {
  return isSchema(node.properties)
    ? (node.properties as Record<string, JsonSchema>)
    : {};
}

export function requiredOf(node: JsonSchema): string[] {
  return Array.isArray(node.required) ? (node.required as string[]) : [];
}

/** The single value a property allows (zod's literal: const), if it allows one only. */
export function constantOf(node: unknown): unknown {
  if (!isSchema(node)) return undefined;
  if (node.const !== undefined) return node.const;
  return Array.isArray(node.enum) && node.enum.length === 1
    ? node.enum[0]
    : undefined;
}

/**
 * The property that tells the alternatives of a union of objects apart: present in every
 * alternative, with one constant each, all different (zod's discriminated union).
 */
export function discriminatorOf(options: JsonSchema[]): string | undefined {
  if (options.length < 2) return undefined;
  const [first, ...rest] = options;
  return Object.keys(propertiesOf(first)).find(key => {
    const values = options.map(o => constantOf(propertiesOf(o)[key]));
    return (
      values.every(v => typeof v === 'string') &&
      new Set(values).size === options.length &&
      rest.every(o => key in propertiesOf(o))
    );
  });
}
