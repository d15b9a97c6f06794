import path from 'node:path';
import { UsageError } from './errors';
import { parseValues, readValuesFile } from './valuesFile';
import { EXAMPLE_VALUES } from './__testUtils__';

function problemOf(text: string): string {
  const result = parseValues(text, 'v.yaml');
  if (result.ok) throw new Error('expected a problem');
  expect(result.problems).toHaveLength(1);
  expect(result.problems[0].path).toBe('values');
  return result.problems[0].message;
}

describe('parseValues', () => {
  it('returns plain data for one mapping', () => {
    expect(parseValues('name: a\nreplicas: 2\n', 'v.yaml')).toEqual({
      ok: true,
      values: { name: 'a', replicas: 2 },
    });
  });

  it('accepts a leading --- and a trailing empty document', () => {
    expect(parseValues('---\nname: a\n---\n', 'v.yaml')).toEqual({
      ok: true,
      values: { name: 'a' },
    });
  });

  it('names the line and column of a syntax error, on one line', () => {
    const message = problemOf('name: a\nnamespace: "unterminated\n');
    expect(message).toBe(
      'invalid YAML in v.yaml at 3:1: Missing closing "quote',
    );
    expect(problemOf('name: a\n  bad: indent\n')).toMatch(
      /^invalid YAML in v\.yaml at 1:7: [^\n]+$/,
    );
  });

  it('rejects duplicate keys and unknown tags', () => {
    expect(problemOf('name: a\nname: b\n')).toMatch(
      /at 2:1: Map keys must be unique/,
    );
    expect(problemOf('name: !secret a\n')).toMatch(
      /at 1:7: Unresolved tag: !secret/,
    );
  });

  it('rejects several documents', () => {
    expect(problemOf('name: a\n---\nname: b\n')).toBe(
      'v.yaml holds 2 YAML documents; put the values of one cluster in a file of its own',
    );
  });

  it.each([
    ['', 'nothing'],
    ['# only a comment\n', 'nothing'],
    ['- name: a\n', 'a list'],
    ['just text\n', 'a string'],
    ['42\n', 'a number'],
  ])('rejects a top level that is not a mapping: %j', (text, found) => {
    expect(problemOf(text)).toBe(
      `v.yaml must hold one mapping of fields (name: ..., namespace: ...), found ${found}`,
    );
  });

  it('rejects an alias without an anchor', () => {
    expect(problemOf('name: *nowhere\n')).toMatch(/^invalid YAML in v\.yaml/);
  });
});

describe('readValuesFile', () => {
  it('reads a file relative to cwd', async () => {
    const result = await readValuesFile(
      path.basename(EXAMPLE_VALUES),
      path.dirname(EXAMPLE_VALUES),
    );
    expect(result.ok).toBe(true);
  });

  it('reports a missing file or a folder as bad usage', async () => {
    await expect(readValuesFile('missing.yaml', __dirname)).rejects.toThrow(
      new UsageError('cannot read values file missing.yaml: no such file'),
    );
    await expect(readValuesFile('.', __dirname)).rejects.toThrow(
      new UsageError('cannot read values file .: it is a folder'),
    );
  });
});
