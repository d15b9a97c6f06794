import {
  parseValues,
  STRIMZI_RELEASES,
  valuesShape,
} from '@internal/plugin-kafka-connect-common';
import Ajv from 'ajv';
import { readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { parse } from 'yaml';
import { fullValues, variants } from '../fixtures/fullValues';
import { combinePages, compareSchemas, isSchema } from './schemaCompare';
import {
  FORM_ONLY_PARAMETERS,
  JsonSchema,
  loadTemplate,
  REPO_ROOT,
  stepById,
} from './templateFile';

/** The form of template.yaml against the one values schema of kafka-connect-common. */

const valuesSchema = valuesShape.toJSONSchema({
  io: 'input',
  unrepresentable: 'any',
}) as JsonSchema;

const EXAMPLES = resolve(REPO_ROOT, 'examples/values');

const template = loadTemplate();
const pages = template.spec.parameters;
const form = () =>
  combinePages(loadTemplate().spec.parameters, FORM_ONLY_PARAMETERS);

const ajv = new Ajv({ strict: false, allErrors: true });
const pageValidators = pages.map(page => ajv.compile(page));

/** Validates values page by page, as the scaffolder backend does before it starts a task. */
function formErrors(values: unknown): string[] {
  return pages.flatMap((page, index) => {
    const validate = pageValidators[index];
    if (validate(values)) return [];
    return (validate.errors ?? []).map(
      e =>
        `page ${index + 1} (${String(page.title)}): ${e.instancePath} ${
          e.message
        }`,
    );
  });
}

const json = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('the form of template.yaml and the values schema', () => {
  it('has every values field under the same name and nesting, with the same constraints', () => {
    expect(compareSchemas(form(), valuesSchema)).toEqual([]);
  });

  it('notices a field that drifts: a missing field, an unknown one, a changed pattern, enum or bound', () => {
    const drifted = form();
    const properties = drifted.properties as Record<string, JsonSchema>;
    delete properties.rack;
    properties.password = { type: 'string' };
    (properties.name as JsonSchema).pattern = '^.*$';
    (
      (properties.strimzi.properties as Record<string, JsonSchema>).version
        .enum as string[]
    ).pop();
    (properties.replicas as JsonSchema).minimum = 1;
    // A conditional branch (RJSF dependencies) that loses a field: SCRAM-SHA-512's username.
    const kafka = properties.kafka.properties as Record<string, JsonSchema>;
    const dependencies = kafka.authentication.dependencies as Record<
      string,
      JsonSchema
    >;
    const branches = dependencies.type.oneOf as JsonSchema[];
    delete (branches[2].properties as Record<string, JsonSchema>).username;
    expect(compareSchemas(drifted, valuesSchema)).toEqual([
      expect.stringMatching(/^name: pattern/),
      expect.stringMatching(/^strimzi\.version: enum/),
      'kafka.authentication.username: missing in the form',
      expect.stringMatching(/^replicas: minimum/),
      'rack: missing in the form',
      'password: in the form but not in the values schema',
    ]);
  });

  it('asks each field on one page only, and nothing but values besides the optional destination and layout', () => {
    const keys = pages.flatMap(page =>
      Object.keys(isSchema(page.properties) ? page.properties : {}),
    );
    expect(keys.length).toBe(new Set(keys).size);
    const valueKeys = Object.keys(valuesSchema.properties as JsonSchema);
    expect(keys.filter(k => !valueKeys.includes(k)).sort()).toEqual(
      [...FORM_ONLY_PARAMETERS].sort(),
    );
    const required = pages.flatMap(
      page => (page.required as string[] | undefined) ?? [],
    );
    expect(required.filter(k => FORM_ONLY_PARAMETERS.includes(k))).toEqual([]);
    // The first page refuses unknown fields: its list is exactly the fields of all pages.
    const known = (pages[0].propertyNames as { enum: string[] }).enum;
    expect([...known].sort()).toEqual([...keys].sort());
  });

  it('accepts every valid values file: each release with each variant it allows, and the examples', () => {
    const files: [string, unknown][] = STRIMZI_RELEASES.flatMap(release =>
      variants(release).map((variant): [string, unknown] => [
        `${release.version} ${JSON.stringify(variant)}`,
        json(fullValues(release.version, variant)),
      ]),
    );
    for (const file of readdirSync(EXAMPLES)) {
      files.push([file, parse(readFileSync(join(EXAMPLES, file), 'utf8'))]);
    }
    expect(files.length).toBeGreaterThan(STRIMZI_RELEASES.length);
    for (const [label, values] of files) {
      expect({ label, ok: parseValues(values).ok }).toEqual({
        label,
        ok: true,
      });
      expect({ label, errors: formErrors(values) }).toEqual({
        label,
        errors: [],
      });
    }
  });

  it('refuses, like the values schema, a bad name, bootstrap list, release, unknown field, state or task count', () => {
    const good = json(fullValues('1.2.0'));
    const bad: Record<string, (v: any) => void> = {
      'upper-case name': v => {
        v.name = 'Orders';
      },
      'name too long': v => {
        v.name = 'a'.repeat(42);
      },
      'bootstrap without port': v => {
        v.kafka.bootstrapServers = 'kafka.example.com';
      },
      'unsupported release': v => {
        v.strimzi.version = '0.44.0';
      },
      'a password next to passwordSecret': v => {
        v.kafka.authentication = {
          type: 'plain',
          username: 'u',
          password: 'x',
          passwordSecret: { secretName: 's', password: 'p' },
        };
      },
      'an unknown top-level field': v => {
        v.kafkaVersion = '4.0.0';
      },
      'an unknown connector state': v => {
        v.connectors[0].state = 'deleted';
      },
      'zero tasks': v => {
        v.connectors[0].tasksMax = 0;
      },
    };
    for (const [label, spoil] of Object.entries(bad)) {
      const values = json(good);
      spoil(values);
      expect({ label, schema: parseValues(values).ok }).toEqual({
        label,
        schema: false,
      });
      expect({ label, formRefuses: formErrors(values).length > 0 }).toEqual({
        label,
        formRefuses: true,
      });
    }
  });

  it('hands every values field to the render step as it is, and nothing else', () => {
    const input = stepById(template, 'render').input as {
      values: Record<string, unknown>;
    };
    expect(Object.keys(input.values).sort()).toEqual(
      Object.keys(valuesSchema.properties as JsonSchema).sort(),
    );
    for (const [key, expression] of Object.entries(input.values)) {
      expect(expression).toBe(`\${{ parameters.${key} }}`);
    }
  });

  it('uses the catalog pickers for owner and system, and the repository picker for forges', () => {
    const byKey = Object.assign({}, ...pages.map(p => p.properties)) as Record<
      string,
      JsonSchema
    >;
    // Only the signed-in user's groups are offered; the render step checks it again.
    expect(byKey.owner['ui:field']).toBe('MyGroupsPicker');
    expect(byKey.system['ui:field']).toBe('EntityPicker');
    expect(JSON.stringify(byKey.destination)).toContain(
      '"ui:field":"RepoUrlPicker"',
    );
    expect(
      (byKey.destination.properties as Record<string, JsonSchema>).type,
    ).toMatchObject({
      enum: ['local', 'github', 'gitlab'],
      default: 'local',
    });
  });
});
