import { valuesShape } from '@connect-skeleton/plugin-kafka-connect-common';

/**
 * The pages of the "Kafka Connect cluster" template's form, made into the pages of the change
 * form: the same fields, titles, descriptions, pickers and preview, filled with the values of
 * a cluster that exists. The template stays the one source of the form (its parameters are
 * generated from the values schema); the change form takes them from the scaffolder as the
 * create form does.
 */

type Json = Record<string, unknown>;

/** One page: its title, and its JSON schema and UI schema as RJSF takes them. */
export interface ValuesPage {
  title: string;
  /** Top-level values fields on this page, in order. */
  fields: string[];
  schema: Json;
  uiSchema: Json;
}

/** What the scaffolder's extractSchemaFromStep gives for one step. */
export type ExtractSchema = (step: Json) => { schema: Json; uiSchema: Json };

const VALUES_FIELDS: readonly string[] = Object.keys(valuesShape.shape);

/**
 * Fields the change form leaves out: the release moves only through the template's own
 * "Strimzi release" choice (an upgrade carries the values over, which an edited version
 * field would not).
 */
const LEFT_OUT = new Set(['strimzi']);

/** The cluster's identity: name and namespace never change in place, the group and topics only when meant. */
const NAMES = ['name', 'namespace'];
const CONNECT_IDENTITY = [
  'groupId',
  'offsetStorageTopic',
  'configStorageTopic',
  'statusStorageTopic',
];

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readonly(ui: unknown, why: string): Json {
  return {
    ...(isObject(ui) ? ui : {}),
    'ui:readonly': true,
    'ui:help': why,
  };
}

/**
 * The pages with values fields, each holding only those (not the layout or destination),
 * without the title (the change form shows it on a tab), and with the identity read-only:
 * name and namespace always, the group and storage topics unless `allowIdentityChange`.
 */
export function valuesPages(
  steps: readonly { title: string; schema: Json }[],
  extract: ExtractSchema,
  options: { allowIdentityChange: boolean },
): ValuesPage[] {
  const pages: ValuesPage[] = [];
  for (const step of steps) {
    // extractSchemaFromStep moves the ui:* keys out of the schema it is given: a copy.
    const { schema, uiSchema } = extract(
      JSON.parse(JSON.stringify(step.schema)),
    );
    const properties = isObject(schema.properties) ? schema.properties : {};
    const fields = Object.keys(properties).filter(
      key => VALUES_FIELDS.includes(key) && !LEFT_OUT.has(key),
    );
    if (fields.length === 0) continue;
    // Not the owner: the scaffolder's MyGroupsPicker picks a required owner by itself when the
    // user is in one group only, which here would move a cluster nobody meant to move.
    const required = Array.isArray(schema.required)
      ? schema.required.filter(
          key => fields.includes(String(key)) && key !== 'owner',
        )
      : [];
    const { title: _title, ...rest } = schema;
    const ui: Json = { ...uiSchema };
    for (const key of Object.keys(properties))
      if (!fields.includes(key)) delete ui[key];
    for (const key of NAMES) {
      if (fields.includes(key))
        ui[key] = readonly(
          ui[key],
          'A cluster keeps its name and namespace: a renamed cluster is a new cluster (create it, then remove this one).',
        );
    }
    if (fields.includes('connect') && !options.allowIdentityChange) {
      const connect: Json = isObject(ui.connect) ? { ...ui.connect } : {};
      for (const key of CONNECT_IDENTITY)
        connect[key] = readonly(
          connect[key],
          'The group and storage topics keep the running connectors: tick "The group and storage topics are meant to change" below to change them.',
        );
      ui.connect = connect;
    }
    pages.push({
      title: step.title,
      fields,
      schema: {
        ...rest,
        properties: Object.fromEntries(
          fields.map(key => [key, properties[key]]),
        ),
        required,
      },
      uiSchema: ui,
    });
  }
  return pages;
}
