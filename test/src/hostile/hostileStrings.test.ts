import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requireShellcheck } from '../dockerfile/shellTools';
import {
  judgeRunSteps,
  runStepFailures,
  ScriptVerdict,
} from './dockerfileChecks';
import { fieldCases, valuesDocuments } from './fieldCases';
import { FieldOutcome, runHostileCases } from './hostileCases';
import { hostileStrings } from './hostileStrings';

/**
 * Every string field of the full values (every release, every authentication type, map
 * keys included) gets every hostile string. Each case is either refused with a problem
 * that names the field, or rendered with the string carried through as data: YAML files
 * hold it back unchanged, templates stay fixed, RUN steps pass shellcheck and never run it.
 */

const markerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-'));
const MARKER = path.join(markerDir, 'pwned');
const STRINGS = hostileStrings(MARKER);
const DOCUMENTS = valuesDocuments();
const FIELDS = fieldCases(DOCUMENTS);

let outcomes = new Map<string, FieldOutcome>();
let verdicts = new Map<string, ScriptVerdict>();

beforeAll(() => {
  requireShellcheck();
  outcomes = runHostileCases(DOCUMENTS, FIELDS, STRINGS);
  const dockerfiles = [...outcomes.values()].flatMap(o => [...o.dockerfiles]);
  verdicts = judgeRunSteps(dockerfiles, MARKER);
});

afterAll(() => {
  fs.rmSync(markerDir, { recursive: true, force: true });
});

describe('hostile strings in every string field', () => {
  it('walks the fields of every release, map keys included', () => {
    const labels = FIELDS.map(f => f.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'description',
        'connect.config["key.converter"] (key)',
        'connectors[0].config["connection.url"]',
        'connectors[0].config.topics (key)',
        'scheduling.nodeSelector.workload (key)',
        'serviceAccount.annotations["eks.amazonaws.com/role-arn"] (key)',
        'env[0].name',
        'volumes[5].image.reference',
        'kafka.authentication.tokenEndpointUri',
        'kafka.authentication.config["sasl.jaas.config"]',
      ]),
    );
    // Fixed fields are not map keys.
    expect(labels).not.toContain('name (key)');
    expect(labels).not.toContain('image.tag (key)');
  });

  it('sees every string both refused somewhere and, unless it holds a control character, rendered somewhere', () => {
    const all = [...outcomes.values()];
    expect(all.reduce((n, o) => n + o.refused + o.accepted, 0)).toBe(
      FIELDS.length * STRINGS.length,
    );
    const rendered = all.reduce((n, o) => n + o.accepted, 0);
    expect(rendered).toBeGreaterThan(STRINGS.length * 10);
    expect(verdicts.size).toBeGreaterThan(0);
  });

  it.each(FIELDS.map(f => [f.label]))('%s', label => {
    const outcome = outcomes.get(label)!;
    const runFailures = [...outcome.dockerfiles].flatMap(dockerfile =>
      runStepFailures(dockerfile, verdicts),
    );
    expect([
      ...outcome.failures,
      ...runFailures.map(f => `Dockerfile: ${f}`),
    ]).toEqual([]);
  });

  it('never ran a payload', () => {
    expect(fs.existsSync(MARKER)).toBe(false);
  });
});
