import {
  Layout,
  valuesShape,
} from '@connect-skeleton/plugin-kafka-connect-common';

/** The whole form state as the scaffolder keeps it: every page's fields by name. */
export type FormState = Record<string, unknown>;

/** The values fields, in the schema's order: the template passes exactly these to the render step. */
const VALUES_FIELDS: readonly string[] = Object.keys(valuesShape.shape);

/**
 * The values the render step will get from this form: the template's steps pass each values
 * field by name, so the other parameters (layout, destination) stay out, and absent ones stay absent.
 */
export function valuesFromForm(form: FormState): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of VALUES_FIELDS) {
    if (form[field] !== undefined) values[field] = form[field];
  }
  return values;
}

/** The layout parameter of the template (helm unless kustomize is chosen). */
export function layoutFromForm(form: FormState): Layout {
  return form.layout === 'kustomize' ? 'kustomize' : 'helm';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value at a dotted path of the form (`strimzi.version`), or undefined. */
export function valueAt(form: unknown, path: readonly string[]): unknown {
  let current: unknown = form;
  for (const key of path) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}
