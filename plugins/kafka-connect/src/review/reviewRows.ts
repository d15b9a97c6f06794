import { stringify } from 'yaml';

/**
 * The rows of a template's Review step, built from its pages' schemas and the form state.
 * The scaffolder's own ReviewState shows a row for every key of the form state: empty rows for
 * lists and sections nobody filled in, a boolean as an emoji (a box where the browser has no
 * emoji font), labels made of keys ("Service Account > Annotations > Eks Amazonaws Com"),
 * multi-line text on one line, fields of a destination not chosen. Here a row says what will be
 * in effect, in words any font shows: no row where nothing is given and nothing is in effect.
 */

type Json = Record<string, unknown>;

/** A row's value: one line, several lines (a list), or text kept as written (YAML, a paste). */
export type ReviewValue =
  | { kind: 'text'; text: string }
  | { kind: 'lines'; lines: string[] }
  | { kind: 'block'; text: string };

export interface ReviewRow {
  label: string;
  value: ReviewValue;
}

/** The rows of one page of the form, under its title. */
export interface ReviewSection {
  title: string;
  rows: ReviewRow[];
}

/** A page of the template as the scaffolder's wizard hands it to the Review step. */
export interface ReviewPage {
  title?: string;
  mergedSchema: Json;
}

/** A row in place of a field's; without a label, the field's. */
export interface RowInEffect {
  label?: string;
  value: ReviewValue;
}

/**
 * What a template's meaning puts in place of a field's row, by the field's path
 * (`upgradeTo`): the value in effect where the form left it empty, a change in words.
 */
export type InEffectRows = ReadonlyMap<string, readonly RowInEffect[]>;

/** What the render fills in where the form left a field empty, by the field's path. */
export type DefaultsInEffect = ReadonlyMap<string, unknown>;

/** What stands in for the form's values in rows: see InEffectRows and DefaultsInEffect. */
export interface ReviewContext {
  inEffect?: InEffectRows;
  defaults?: DefaultsInEffect;
}

export const YES = 'Yes';
export const NO = 'No';
export const MASK = '******';

export const text = (t: string): ReviewValue => ({ kind: 'text', text: t });

function isMapping(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Nothing given: no row, unless something is in effect all the same. */
export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isMapping(value)) return Object.values(value).every(isEmpty);
  return false;
}

function reviewOptions(schema: Json): Json {
  const backstage = schema['ui:backstage'];
  const review = isMapping(backstage) ? backstage.review : undefined;
  return isMapping(review) ? review : {};
}

function isHidden(schema: Json): boolean {
  return (
    reviewOptions(schema).show === false || schema['ui:widget'] === 'hidden'
  );
}

/** The mask of a secret field (the scaffolder's rules: review.mask, a password, Secret). */
function maskOf(schema: Json): string | undefined {
  const mask = reviewOptions(schema).mask;
  if (typeof mask === 'string') return mask;
  const field = schema['ui:field'];
  if (
    schema['ui:widget'] === 'password' ||
    (typeof field === 'string' && field.toLowerCase() === 'secret')
  )
    return MASK;
  return undefined;
}

/** `githubRepoUrl` → "Github repo url": the label of a field without a title. */
function keyInWords(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function titleOf(schema: Json, key: string): string {
  const name = reviewOptions(schema).name;
  if (typeof name === 'string') return name;
  return typeof schema.title === 'string' ? schema.title : keyInWords(key);
}

/**
 * A nested field's label: its parents' titles and its own, less a parent its own title
 * already names ("Kafka version", not "Kafka › Kafka version").
 */
function joinLabel(parent: string | undefined, own: string): string {
  if (!parent) return own;
  const last = parent.split(' › ').pop()!;
  return own.toLowerCase().includes(last.toLowerCase())
    ? own
    : `${parent} › ${own}`;
}

/** The discriminators of a oneOf branch: its properties fixed to one value. */
function fixedValues(branch: Json): [string, unknown][] {
  const properties = isMapping(branch.properties) ? branch.properties : {};
  return Object.entries(properties).flatMap(([key, property]) => {
    if (!isMapping(property)) return [];
    if ('const' in property) return [[key, property.const]];
    if (Array.isArray(property.enum) && property.enum.length === 1)
      return [[key, property.enum[0]]];
    return [];
  });
}

/** The oneOf branch the value is in: every fixed property matches, or none is given. */
function branchOf(branches: unknown[], value: Json): Json | undefined {
  const candidates = branches.filter(isMapping);
  const matching = candidates.find(branch => {
    const fixed = fixedValues(branch);
    return fixed.length > 0 && fixed.every(([key, v]) => value[key] === v);
  });
  if (matching) return matching;
  // "None" and the like: no fixed property, and the value gives none of the others'.
  const fixedKeys = new Set(
    candidates.flatMap(branch => fixedValues(branch).map(([key]) => key)),
  );
  return candidates.find(
    branch =>
      fixedValues(branch).length === 0 &&
      [...fixedKeys].every(key => value[key] === undefined),
  );
}

/**
 * An object schema with the branches the value takes merged in (`oneOf`, and the
 * `dependencies` of a choice such as the destination), so only the fields that apply show.
 */
function resolved(
  schema: Json,
  value: Json,
): { schema: Json; branchTitle?: string } {
  const properties: Json = isMapping(schema.properties)
    ? { ...schema.properties }
    : {};
  let branchTitle: string | undefined;
  const take = (branch: Json | undefined) => {
    if (!branch || !isMapping(branch.properties)) return;
    // A branch narrows a field (`type: {const: github}`): the field keeps its title and labels.
    for (const [key, field] of Object.entries(branch.properties)) {
      const known = properties[key];
      properties[key] =
        isMapping(known) && isMapping(field) ? { ...known, ...field } : field;
    }
  };
  if (Array.isArray(schema.oneOf)) {
    const branch = branchOf(schema.oneOf, value);
    if (branch && typeof branch.title === 'string') branchTitle = branch.title;
    take(branch);
  }
  if (isMapping(schema.dependencies)) {
    for (const [key, dependency] of Object.entries(schema.dependencies)) {
      if (value[key] === undefined || !isMapping(dependency)) continue;
      if (Array.isArray(dependency.oneOf))
        take(branchOf(dependency.oneOf, value));
      else take(dependency);
    }
  }
  return { schema: { ...schema, properties }, branchTitle };
}

function enumLabel(schema: Json, value: unknown): string | undefined {
  const names = schema['ui:enumNames'] ?? schema.enumNames;
  if (!Array.isArray(schema.enum) || !Array.isArray(names)) return undefined;
  const label = names[schema.enum.indexOf(value)];
  return typeof label === 'string' && label !== '' ? label : undefined;
}

/** A scalar in words: yes/no for a boolean, the choice's label for an enum. */
function scalarText(schema: Json, value: unknown): string {
  const label = enumLabel(schema, value);
  if (label) return label;
  if (typeof value === 'boolean') return value ? YES : NO;
  return String(value);
}

/** `github.com?owner=o&repo=r` (the RepoUrlPicker's value) as `github.com/o/r`. */
function repoUrlText(value: string): string {
  const [host, query = ''] = value.split('?');
  const params = new URLSearchParams(query);
  const path = ['organization', 'workspace', 'project', 'owner', 'repo']
    .map(key => params.get(key))
    .filter((part): part is string => !!part);
  return path.length > 0
    ? [host, ...path].join('/')
    : `${host} (no repository chosen)`;
}

/** A value for a YAML block: secrets masked, hidden fields and empty ones left out. */
function plain(schema: Json, value: unknown): unknown {
  const mask = maskOf(schema);
  if (mask !== undefined) return mask;
  if (Array.isArray(value)) {
    const items = isMapping(schema.items) ? schema.items : {};
    return value.filter(item => !isEmpty(item)).map(item => plain(items, item));
  }
  if (!isMapping(value)) return value;
  const { schema: full } = resolved(schema, value);
  const properties = full.properties as Json;
  const extra = isMapping(schema.additionalProperties)
    ? schema.additionalProperties
    : {};
  const out: Json = {};
  for (const [key, item] of Object.entries(value)) {
    const child = isMapping(properties[key]) ? properties[key] : extra;
    if (!isEmpty(item) && !isHidden(child)) out[key] = plain(child, item);
  }
  return out;
}

const isScalar = (value: unknown) =>
  value === null || (typeof value !== 'object' && value !== undefined);

/** A list or a mapping that is not broken into rows: lines where they fit, else YAML. */
function structuredValue(schema: Json, value: unknown): ReviewValue {
  const shown = plain(schema, value);
  if (Array.isArray(shown) && shown.every(isScalar)) {
    const items = isMapping(schema.items) ? schema.items : {};
    return {
      kind: 'lines',
      lines: shown.map(item => scalarText(items, item)),
    };
  }
  if (isMapping(shown) && Object.values(shown).every(isScalar))
    return {
      kind: 'lines',
      lines: Object.entries(shown).map(([k, v]) => `${k}: ${String(v)}`),
    };
  return { kind: 'block', text: stringify(shown).trimEnd() };
}

/** The rows of one field (a section's fields: one row each, under the section's title). */
function fieldRows(
  schema: Json,
  value: unknown,
  path: string[],
  label: string,
  context: ReviewContext,
): ReviewRow[] {
  const given = context.inEffect?.get(path.join('/'));
  if (given)
    return given.map(row => ({ label: row.label ?? label, value: row.value }));
  if (isHidden(schema)) return [];
  const byDefault = context.defaults?.get(path.join('/'));
  if (isEmpty(value) && byDefault !== null && isScalar(byDefault))
    return [
      { label, value: text(`${scalarText(schema, byDefault)} (default)`) },
    ];
  const mask = maskOf(schema);
  if (mask !== undefined)
    return isEmpty(value) ? [] : [{ label, value: text(mask) }];
  const section =
    isMapping(schema.properties) ||
    (schema.type === 'object' && Array.isArray(schema.oneOf));
  if (section && reviewOptions(schema).explode !== false) {
    // A section: its fields' rows, with the ones in effect though the section is empty.
    const object = isMapping(value) ? value : {};
    const { schema: full, branchTitle } = resolved(schema, object);
    const rows: ReviewRow[] =
      branchTitle && !isEmpty(object)
        ? [{ label, value: text(branchTitle) }]
        : [];
    for (const [key, child] of Object.entries(full.properties as Json)) {
      if (!isMapping(child)) continue;
      rows.push(
        ...fieldRows(
          child,
          object[key],
          [...path, key],
          joinLabel(label, titleOf(child, key)),
          context,
        ),
      );
    }
    return rows;
  }
  if (isEmpty(value)) return [];
  if (typeof value === 'string') {
    if (schema['ui:field'] === 'RepoUrlPicker')
      return [{ label, value: text(repoUrlText(value)) }];
    const trimmed = value.replace(/\s+$/, '');
    if (trimmed.includes('\n'))
      return [{ label, value: { kind: 'block', text: trimmed } }];
  }
  if (isScalar(value))
    return [{ label, value: text(scalarText(schema, value)) }];
  return [{ label, value: structuredValue(schema, value) }];
}

/** The Review step's sections: each page's title and the rows of its fields, in form order. */
export function reviewSections(
  pages: readonly ReviewPage[],
  form: Json,
  context: ReviewContext = {},
): ReviewSection[] {
  return pages
    .map((page, index) => {
      const { schema } = resolved(page.mergedSchema, form);
      const rows = Object.entries(schema.properties as Json).flatMap(
        ([key, field]) =>
          isMapping(field)
            ? fieldRows(field, form[key], [key], titleOf(field, key), context)
            : [],
      );
      return { title: page.title ?? `Page ${index + 1}`, rows };
    })
    .filter(section => section.rows.length > 0);
}
