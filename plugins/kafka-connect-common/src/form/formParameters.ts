import { FormFields } from './formField';
import {
  JsonSchema,
  propertiesOf,
  requiredOf,
  valuesJsonSchema,
} from './jsonSchema';
import { formLayoutSchema } from './layout';

/**
 * The `parameters` of the software template: the values schema's fields, page by page as
 * the layout places them, with the layout's ui options and the form-only parameters.
 * Throws when the layout and the schema disagree (a field on no page or on two, a layout
 * entry that names no field), so that a stale layout fails the generation, not the form.
 */
export function formParameters(
  layoutInput: unknown,
  values: JsonSchema = valuesJsonSchema(),
): JsonSchema[] {
  const parsed = formLayoutSchema.safeParse(layoutInput);
  if (!parsed.success) {
    throw new Error(
      `form layout: ${parsed.error.issues
        .map(i => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  }
  const layout = parsed.data;
  const valueFields = propertiesOf(values);
  const valueRequired = requiredOf(values);
  const placed = layout.pages.flatMap(page => page.fields);
  const problems: string[] = [];

  const seen = new Set<string>();
  for (const key of placed) {
    if (seen.has(key)) problems.push(`${key} is on more than one page`);
    seen.add(key);
    if (!(key in valueFields) && !(key in layout.formOnly)) {
      problems.push(
        `${key} is on a page but neither a values field nor in formOnly`,
      );
    }
    if (key in valueFields && key in layout.formOnly) {
      problems.push(`${key} is a values field; formOnly may not redefine it`);
    }
  }
  for (const key of [
    ...Object.keys(valueFields),
    ...Object.keys(layout.formOnly),
  ]) {
    if (!seen.has(key)) problems.push(`${key} is on no page`);
  }

  const fields = new FormFields(layout);
  const pages = layout.pages.map((page, index): JsonSchema => {
    const properties: Record<string, JsonSchema> = {};
    for (const key of page.fields) {
      properties[key] =
        key in valueFields
          ? fields.field(valueFields[key], {
              path: key,
              optional: !valueRequired.includes(key),
              section: false,
            })
          : (structuredCloneJson(layout.formOnly[key] ?? {}) as JsonSchema);
    }
    const required = page.fields.filter(key => valueRequired.includes(key));
    return {
      title: page.title,
      ...(page.description ? { description: page.description } : {}),
      ...page.ui,
      ...(required.length > 0 ? { required } : {}),
      // The steps pass each value by name: a field nobody asked for would be dropped on
      // the way to the render step without a word. Every page is validated against the
      // whole set of values, so one list (on the first page) refuses unknown ones.
      ...(index === 0 ? { propertyNames: { enum: placed } } : {}),
      properties,
    };
  });

  for (const [kind, entries] of [
    ['ui', layout.ui],
    ['choices', layout.choices],
  ] as const) {
    for (const path of Object.keys(entries)) {
      if (!fields.paths.has(path)) {
        problems.push(`${kind}.${path} names no field of the values schema`);
      }
    }
  }
  if (problems.length > 0) {
    throw new Error(`form layout:\n${problems.join('\n')}`);
  }
  return pages;
}

/** A deep copy of plain JSON data (the layout's form-only fields), safe to hand out. */
function structuredCloneJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}
