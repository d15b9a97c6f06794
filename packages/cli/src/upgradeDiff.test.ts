import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { readTree, runCli, tempDir } from './__testUtils__';

const CLUSTER = (name: string, more = '') =>
  `name: ${name}
namespace: data
owner: group:default/orders
strimzi:
  version: 0.45.0
kafka:
  version: 3.9.0
  bootstrapServers: kafka:9092
${more}`;

describe('upgrade and diff', () => {
  let cwd: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir: cwd, cleanup } = await tempDir());
  });
  afterEach(() => cleanup());

  async function renderInto(dir: string, values: string, layout = 'helm') {
    await fs.mkdir(path.join(cwd, 'in'), { recursive: true });
    const file = path.join(cwd, 'in', `${path.basename(dir)}.yaml`);
    await fs.writeFile(file, values);
    const result = await runCli(
      ['render', '--values', file, '--out', dir, '--layout', layout],
      cwd,
    );
    expect(result.code).toBe(0);
  }

  it('diff exits 0 on fresh renders, 4 with a unified diff on an edited one, 1 on bad values', async () => {
    await renderInto('clusters/a', CLUSTER('a'));
    await renderInto('clusters/b', CLUSTER('b'), 'kustomize');
    expect(await runCli(['diff', 'clusters'], cwd)).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });

    const readme = path.join(cwd, 'clusters/b/README.md');
    await fs.writeFile(
      readme,
      `${await fs.readFile(readme, 'utf8')}hand-written\n`,
    );
    await fs.writeFile(path.join(cwd, 'clusters/a/notes.txt'), 'mine\n');
    const drift = await runCli(['diff', 'clusters/a', 'clusters/b'], cwd);
    expect(drift.code).toBe(4);
    expect(drift.stderr).toBe('');
    expect(drift.stdout).toContain(
      '--- a/clusters/a/notes.txt\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-mine\n',
    );
    expect(drift.stdout).toMatch(
      /--- a\/clusters\/b\/README\.md\n\+\+\+ b\/clusters\/b\/README\.md\n@@ [^\n]+ @@\n(?: [^\n]*\n){3}-hand-written\n$/,
    );

    await fs.writeFile(
      path.join(cwd, 'clusters/a/connect-cluster.yaml'),
      CLUSTER('a', 'replicas: -2\n'),
    );
    const bad = await runCli(['diff', 'clusters'], cwd);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /^clusters\/a\/connect-cluster\.yaml: replicas: /,
    );
  });

  it('diff and upgrade refuse a path with no cluster (exit 2)', async () => {
    await fs.mkdir(path.join(cwd, 'empty'));
    expect(await runCli(['diff', 'empty'], cwd)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'connect-skeleton: empty holds no connect-cluster.yaml\n',
    });
    expect(
      (await runCli(['upgrade', '--to', '1.2.0', 'missing'], cwd)).code,
    ).toBe(2);
    expect((await runCli(['upgrade', 'clusters'], cwd)).stderr).toContain(
      'upgrade needs --to VERSION',
    );
    expect(
      (await runCli(['upgrade', '--to', '9.9.9', 'x'], cwd)).stderr,
    ).toContain('--to must be one of 0.45.0');
    expect((await runCli(['diff'], cwd)).stderr).toContain(
      'diff needs at least one PATH',
    );
  });

  it('upgrade carries every folder to the release, in its own layout, identity kept, then diff is clean', async () => {
    await renderInto('clusters/prod/a', CLUSTER('a'));
    await renderInto(
      'clusters/prod/b',
      CLUSTER('b', 'connect:\n  groupId: legacy-b\n'),
      'kustomize',
    );
    const result = await runCli(['upgrade', '--to', '1.2.0', 'clusters'], cwd);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'clusters/prod/a: Strimzi 0.45.0 (v1beta2) → 1.2.0 (v1), ',
    );
    expect(result.stdout).toContain('  - kafka.version: 3.9.0 → 4.3.1');
    expect(result.stdout).toContain(
      'Before this is merged, the Strimzi operator needs:\n1. ',
    );
    const a = parse(
      await fs.readFile(
        path.join(cwd, 'clusters/prod/a/connect-cluster.yaml'),
        'utf8',
      ),
    );
    expect(a.strimzi).toEqual({ version: '1.2.0', apiVersion: 'v1' });
    expect(a.connect.groupId).toBe('data.a');
    const b = await readTree(path.join(cwd, 'clusters/prod/b'));
    expect(b.has('kustomization.yaml')).toBe(true);
    expect(
      parse(b.get('connect-cluster.yaml')!.toString()).connect.groupId,
    ).toBe('legacy-b');
    expect(await runCli(['diff', 'clusters'], cwd)).toMatchObject({ code: 0 });

    // Again: nothing to do, nothing written.
    const again = await runCli(['upgrade', '--to', '1.2.0', 'clusters'], cwd);
    expect(again.stdout).toBe(
      'clusters/prod/a: Strimzi 1.2.0, no file changes\nclusters/prod/b: Strimzi 1.2.0, no file changes\n',
    );
  });

  it('upgrade writes nothing when any folder has a problem', async () => {
    await renderInto('clusters/a', CLUSTER('a'));
    await renderInto('clusters/z', CLUSTER('z'));
    await fs.writeFile(
      path.join(cwd, 'clusters/z/connect-cluster.yaml'),
      CLUSTER('z')
        .replace('strimzi:\n  version: 0.45.0', 'strimzi:\n  version: 1.0.0')
        .replace('3.9.0', '4.2.0'),
    );
    const before = await readTree(path.join(cwd, 'clusters'));
    const result = await runCli(['upgrade', '--to', '0.51.0', 'clusters'], cwd);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'clusters/z/connect-cluster.yaml: strimzi.version: the cluster is on Strimzi 1.0.0, newer than 0.51.0: upgrade never goes back to an older release\n',
    });
    expect(await readTree(path.join(cwd, 'clusters'))).toEqual(before);
  });
});
