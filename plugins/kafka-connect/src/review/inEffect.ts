import {
  NEWEST_STRIMZI_VERSION,
  parseValues,
  SUPPORTED_STRIMZI_VERSIONS,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { changeOptions, checkChange } from '../day2/changeCheck';
import { readPatch } from '../day2/changePatch';
import { valuesFromForm } from '../preview/formValues';
import { stringify } from 'yaml';
import {
  DefaultsInEffect,
  InEffectRows,
  isEmpty,
  ReviewPage,
  ReviewValue,
  RowInEffect,
  text,
} from './reviewRows';

/**
 * What the templates' fields mean where the form's value alone does not say what will be in
 * effect: a release left at "keep" or "the newest", defaults the render fills in, the change
 * form's patch (the change in words says it).
 */

type Json = Record<string, unknown>;

const isMapping = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The ui:field of the change template's values (the day-2 form). */
export const CHANGE_FIELD = 'KafkaConnectClusterChange';
/** The ui:field of the cluster template's pages (the form with the live preview). */
export const CLUSTER_FORM_PAGE = 'KafkaConnectPreviewLayout';

function topFields(pages: readonly ReviewPage[]): [string, Json][] {
  return pages.flatMap(page =>
    isMapping(page.mergedSchema.properties)
      ? Object.entries(page.mergedSchema.properties).filter(
          (entry): entry is [string, Json] => isMapping(entry[1]),
        )
      : [],
  );
}

/** The change template's field of the cluster's values, with its options, if the form has one. */
export function changeFieldOf(
  pages: readonly ReviewPage[],
): { key: string; clusterField: string } | undefined {
  const found = topFields(pages).find(
    ([, field]) => field['ui:field'] === CHANGE_FIELD,
  );
  if (!found) return undefined;
  const options = found[1]['ui:options'];
  const clusterField =
    isMapping(options) && typeof options.clusterField === 'string'
      ? options.clusterField
      : 'cluster';
  return { key: found[0], clusterField };
}

/** Whether the pages are the cluster template's (the form whose values the render takes). */
export function isClusterForm(pages: readonly ReviewPage[]): boolean {
  return pages.some(
    page => page.mergedSchema['ui:field'] === CLUSTER_FORM_PAGE,
  );
}

/** A choice of Strimzi release whose empty entry means "keep" or "the newest". */
function isReleaseChoice(field: Json): boolean {
  const choices = field.enum;
  return (
    Array.isArray(choices) &&
    choices[0] === '' &&
    choices.length === SUPPORTED_STRIMZI_VERSIONS.length + 1 &&
    SUPPORTED_STRIMZI_VERSIONS.every((v, i) => choices[i + 1] === v)
  );
}

function releaseOf(values: Json): string | undefined {
  const strimzi = values.strimzi;
  return isMapping(strimzi) && typeof strimzi.version === 'string'
    ? strimzi.version
    : undefined;
}

const lines = (items: string[]): ReviewValue => ({
  kind: 'lines',
  lines: items,
});

/** The change form's rows: the change in words, and the release before and after it. */
function changeRows(
  key: string,
  form: Json,
  current: Json,
): Map<string, RowInEffect[]> {
  const check = checkChange(current, form[key], changeOptions(form));
  if (!check.ok)
    return new Map([
      [
        key,
        [{ label: 'What the task would refuse', value: lines(check.problems) }],
      ],
    ]);
  const words: RowInEffect[] = [
    {
      label: 'What changes',
      value:
        check.changes.length > 0
          ? lines(check.changes)
          : text('Nothing: with no change, the task pushes nothing.'),
    },
  ];
  if (check.notes.length > 0)
    words.push({
      label: 'What the upgrade changes besides',
      value: lines(check.notes),
    });
  if (check.operatorSteps.length > 0)
    words.push({
      label: 'What the Strimzi operator needs first',
      value: lines(check.operatorSteps),
    });
  const before = releaseOf(current) ?? '?';
  const release = text(
    check.release === before
      ? `${before} (unchanged)`
      : `${before} → ${check.release}`,
  );
  return new Map([
    [key, words],
    ['upgradeTo', [{ value: release }]],
  ]);
}

/** The change form's patch as it stands, while the cluster's values are still being read. */
function patchRow(key: string, form: Json): RowInEffect[] {
  const patch = readPatch(form[key]);
  return [
    {
      label: 'The fields that change',
      value: patch
        ? { kind: 'block', text: stringify(patch).trimEnd() }
        : text('None'),
    },
  ];
}

/**
 * Rows in place of the form's values: the change template's change in words and release
 * (`current`: the cluster's values as read, once read), and a release left empty elsewhere
 * (the adopt template's: the newest).
 */
export function rowsInEffect(
  pages: readonly ReviewPage[],
  form: Json,
  current?: Json,
): InEffectRows {
  const rows = new Map<string, RowInEffect[]>();
  const change = changeFieldOf(pages);
  for (const [key, field] of topFields(pages)) {
    // The change template's release choice keeps the cluster's: changeRows says which.
    if (isReleaseChoice(field) && form[key] === '' && key !== 'upgradeTo')
      rows.set(key, [
        { value: text(`${NEWEST_STRIMZI_VERSION} (the newest)`) },
      ]);
  }
  if (change && current)
    for (const [key, row] of changeRows(change.key, form, current))
      rows.set(key, row);
  else if (change) rows.set(change.key, patchRow(change.key, form));
  return rows;
}

/**
 * The defaults the render fills in where the cluster form left a field empty (the Kafka
 * version of the release, the group and topics derived from the name, ...), by path. None
 * while the values do not parse: the form says what is wrong before Review.
 */
export function defaultsInEffect(form: Json): DefaultsInEffect {
  const parsed = parseValues(valuesFromForm(form));
  const defaults = new Map<string, unknown>();
  if (!parsed.ok) return defaults;
  const walk = (value: unknown, given: unknown, path: string[]) => {
    if (isMapping(value)) {
      for (const [key, item] of Object.entries(value))
        walk(item, isMapping(given) ? given[key] : undefined, [...path, key]);
    } else if (!Array.isArray(value) && isEmpty(given) && !isEmpty(value)) {
      defaults.set(path.join('/'), value);
    }
  };
  walk(parsed.value.values, form, []);
  return defaults;
}
