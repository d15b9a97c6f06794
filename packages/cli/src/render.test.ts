// End-to-end paths that need the real renderer of @connect-skeleton/plugin-kafka-connect-common.
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { EXAMPLE_VALUES, readTree, runCli, tempDir } from './__testUtils__';

const PROBLEM_LINE = /^\S+: \S.*$/;
const BAD_VALUES = 'namespace: data-connect\nreplicas: -1\n';

function lines(text: string): string[] {
  return text.split('\n').filter(Boolean);
}

describe('with the real renderer', () => {
  let cwd: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir: cwd, cleanup } = await tempDir());
    await fs.copyFile(EXAMPLE_VALUES, path.join(cwd, 'v.yaml'));
    await fs.writeFile(path.join(cwd, 'bad.yaml'), BAD_VALUES);
  });
  afterEach(() => cleanup());

  describe('validate', () => {
    it('prints nothing and exits 0 for good values', async () => {
      expect(await runCli(['validate', '--values', 'v.yaml'], cwd)).toEqual({
        code: 0,
        stdout: '',
        stderr: '',
      });
    });

    it('prints one `field.path: message` line per problem on stdout and exits 1', async () => {
      const result = await runCli(['validate', '--values', 'bad.yaml'], cwd);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe('');
      const printed = lines(result.stdout);
      expect(printed.length).toBeGreaterThan(0);
      for (const line of printed) expect(line).toMatch(PROBLEM_LINE);
      expect(printed.some(line => line.startsWith('name: '))).toBe(true);
    });
  });

  describe('manifests', () => {
    it('prints a multi-document YAML stream holding the KafkaConnect', async () => {
      const result = await runCli(['manifests', '--values', 'v.yaml'], cwd);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const docs = parseAllDocuments(result.stdout);
      if (!Array.isArray(docs))
        throw new Error('expected at least one document');
      for (const doc of docs) expect(doc.errors).toEqual([]);
      const objects = docs.map(doc => doc.toJS());
      expect(objects).toContainEqual(
        expect.objectContaining({
          kind: 'KafkaConnect',
          metadata: expect.objectContaining({
            name: 'orders-cdc',
            namespace: 'streaming',
          }),
        }),
      );
      expect(result.stdout.endsWith('\n')).toBe(true);
    });

    it('prints problems on stderr, nothing on stdout, exit 1', async () => {
      const result = await runCli(['manifests', '--values', 'bad.yaml'], cwd);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      for (const line of lines(result.stderr))
        expect(line).toMatch(PROBLEM_LINE);
    });
  });

  describe('render', () => {
    it('writes every file, lists exactly those, and leaves nothing else behind', async () => {
      const result = await runCli(
        ['render', '--values', 'v.yaml', '--out', 'out'],
        cwd,
      );
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const written = [...(await readTree(path.join(cwd, 'out'))).keys()];
      expect([...lines(result.stdout)].sort()).toEqual(
        written.map(p => `out/${p}`).sort(),
      );
      expect(written).toEqual(
        expect.arrayContaining([
          'connect-cluster.yaml',
          'catalog-info.yaml',
          'README.md',
          'Dockerfile',
          'Chart.yaml',
          'values.yaml',
        ]),
      );
      expect(written.some(p => p.startsWith('templates/'))).toBe(true);
      expect((await fs.readdir(cwd)).sort()).toEqual([
        'bad.yaml',
        'out',
        'v.yaml',
      ]);
    });

    it('re-renders byte-identically, in place and from its own connect-cluster.yaml', async () => {
      await runCli(['render', '--values', 'v.yaml', '--out', 'first'], cwd);
      const first = await readTree(path.join(cwd, 'first'));

      expect(
        (await runCli(['render', '--values', 'v.yaml', '--out', 'first'], cwd))
          .code,
      ).toBe(0);
      expect(await readTree(path.join(cwd, 'first'))).toEqual(first);

      // Day 2: the committed, normalised values render the same files again.
      const again = await runCli(
        ['render', '--values', 'first/connect-cluster.yaml', '--out', 'first'],
        cwd,
      );
      expect(again.stderr).toBe('');
      expect(await readTree(path.join(cwd, 'first'))).toEqual(first);
    });

    it('replaces a previous helm render with a kustomize one, dropping the chart', async () => {
      await runCli(['render', '--values', 'v.yaml', '--out', 'out'], cwd);
      const result = await runCli(
        [
          'render',
          '--values',
          'v.yaml',
          '--out',
          'out',
          '--layout',
          'kustomize',
        ],
        cwd,
      );
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const written = [...(await readTree(path.join(cwd, 'out'))).keys()];
      expect(written).toContain('kustomization.yaml');
      expect(written).not.toContain('Chart.yaml');
      expect(written.some(p => p.startsWith('templates/'))).toBe(false);
    });

    it('writes nothing for bad values: problems on stderr, exit 1', async () => {
      const result = await runCli(
        ['render', '--values', 'bad.yaml', '--out', 'out'],
        cwd,
      );
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      for (const line of lines(result.stderr))
        expect(line).toMatch(PROBLEM_LINE);
      expect((await fs.readdir(cwd)).sort()).toEqual(['bad.yaml', 'v.yaml']);
    });

    it('works through the real bin', () => {
      const bin = path.resolve(__dirname, '..', 'bin', 'connect-skeleton');
      const result = spawnSync(
        process.execPath,
        [bin, 'render', '--values', 'v.yaml', '--out=out'],
        {
          cwd,
          encoding: 'utf8',
          env: { ...process.env, npm_lifecycle_event: '' },
        },
      );
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(lines(result.stdout)).toContain('out/connect-cluster.yaml');
    }, 60_000);
  });
});
