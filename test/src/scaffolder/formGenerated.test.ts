import {
  generatedTemplate,
  isSchema,
  JsonSchema,
  parseValues,
  STRIMZI_RELEASES,
  valuesJsonSchema,
} from '@connect-skeleton/plugin-kafka-connect-common';
import Ajv from 'ajv';
import { readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { parse } from 'yaml';
import { fullValues, variants } from '../fixtures/fullValues';
import { discriminatorsOf, fieldsOf, untouched } from './formFields';
import {
  FORM_ONLY_PARAMETERS,
  loadTemplate,
  REPO_ROOT,
  stepById,
  TEMPLATE_PATH,
} from './templateFile';

/**
 * The form of template.yaml is generated from the values schema of kafka-connect-common and
 * templates/kafka-connect-cluster/form-layout.yaml (npm run generate:form). These tests say
 * the committed file is the generated one, and that the form asks for every field of the
 * values contract and takes what the values schema takes.
 */

const LAYOUT_PATH = resolve(
  REPO_ROOT,
  'templates/kafka-connect-cluster/form-layout.yaml',
);
const EXAMPLES = resolve(REPO_ROOT, 'examples/values');

const valuesSchema = valuesJsonSchema();
const template = loadTemplate();
const pages = template.spec.parameters;

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

/** The pages' fields as one object schema, without the parameters that are not values. */
function valueFieldsOfForm(): JsonSchema {
  const properties: JsonSchema = {};
  for (const page of pages) {
    for (const [key, field] of Object.entries(
      isSchema(page.properties) ? page.properties : {},
    )) {
      if (!FORM_ONLY_PARAMETERS.includes(key)) properties[key] = field;
    }
  }
  return { type: 'object', properties };
}

describe('the generated form of template.yaml', () => {
  it('is what npm run generate:form writes from the values schema and form-layout.yaml', () => {
    const committed = readFileSync(TEMPLATE_PATH, 'utf8');
    const generated = generatedTemplate(
      committed,
      readFileSync(LAYOUT_PATH, 'utf8'),
    );
    // A failure here: run `npm run generate:form` and commit template.yaml.
    expect({ upToDate: generated === committed }).toEqual({ upToDate: true });
  });

  it('notices a stale file: an edited constraint, a field on no page, a layout entry that names no field', () => {
    const committed = readFileSync(TEMPLATE_PATH, 'utf8');
    const layout = readFileSync(LAYOUT_PATH, 'utf8');
    const edited = committed.replace('maxLength: 41', 'maxLength: 42');
    expect(edited).not.toBe(committed);
    expect(generatedTemplate(edited, layout)).toBe(committed);
    expect(() =>
      generatedTemplate(committed, layout.replace(', replicas]', ']')),
    ).toThrow('replicas is on no page');
    expect(() =>
      generatedTemplate(committed, layout.replace('  owner:\n', '  ownr:\n')),
    ).toThrow('ui.ownr names no field of the values schema');
  });

  it('asks for every field of the values contract, with its types, and nothing else', () => {
    const hidden = new Map<string, Set<unknown>>();
    const form = fieldsOf(valueFieldsOfForm(), '', new Map(), hidden);
    const values = fieldsOf(valuesSchema);
    const discriminators = discriminatorsOf(valuesSchema);
    // A union's discriminator is chosen with the option, not typed: hidden in the form.
    for (const [path, chosen] of hidden) {
      expect({ path, values: [...chosen] }).toEqual({
        path,
        values: [...(discriminators.get(path) ?? [])],
      });
      form.set(path, values.get(path) ?? new Set());
    }
    const asLists = (fields: Map<string, Set<string>>) =>
      Object.fromEntries(
        [...fields].map(([path, types]) => [path, [...types].sort()]),
      );
    expect(asLists(form)).toEqual(asLists(values));
    expect(values.size).toBeGreaterThan(300);
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

  it('accepts the pages nobody touched, as the browser form fills them in (sections as {}, lists empty)', () => {
    const filled = untouched(valueFieldsOfForm()) as Record<string, unknown>;
    const values = {
      ...filled,
      name: 'orders-cdc',
      namespace: 'streaming',
      owner: 'group:default/data-platform',
      kafka: {
        ...(filled.kafka as object),
        bootstrapServers: 'orders-kafka-bootstrap.kafka.svc:9093',
      },
    };
    // The sections are really there: rack, tracing and metrics.configMap as {}.
    expect(values).toMatchObject({
      rack: {},
      tracing: {},
      metrics: { configMap: {}, allowList: [] },
      scheduling: { affinity: { nodeAffinity: {} } },
    });
    expect(formErrors(values)).toEqual([]);
    // ... and the values read the empty sections as not given.
    expect(parseValues(values).ok).toBe(true);
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
      'an artifact without its checksum': v => {
        v.plugins[0].artifacts[0] = { type: 'jar', url: 'https://x.io/a.jar' };
      },
      'a volume with two sources': v => {
        v.volumes[0] = {
          name: 'two',
          mountPath: '/mnt/two',
          secret: { secretName: 's' },
          emptyDir: {},
        };
      },
      'an env var with both value and valueFrom': v => {
        v.env[0] = {
          name: 'BOTH',
          value: 'x',
          valueFrom: { secretKeyRef: { name: 's', key: 'k' } },
        };
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

  it('offers only values its own field accepts as examples', () => {
    const problems: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (Array.isArray(node)) node.forEach(n => walk(n, path));
      if (!isSchema(node)) return;
      if (Array.isArray(node.examples)) {
        const { examples, ...field } = node;
        const validate = ajv.compile(field);
        for (const example of examples) {
          if (!validate(example)) problems.push(`${path}: ${example}`);
        }
      }
      for (const [key, child] of Object.entries(node))
        walk(child, `${path}/${key}`);
    };
    walk(valuesSchema, '');
    expect(problems).toEqual([]);
    expect(JSON.stringify(valuesSchema)).toContain('"examples"');
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
