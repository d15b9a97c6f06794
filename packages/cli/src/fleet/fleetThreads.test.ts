import { promises as fs } from 'node:fs';
import path from 'node:path';
import { renderSkeleton } from '@connect-skeleton/plugin-kafka-connect-common';
import { Captured, readTree, runCli, tempDir } from '../__testUtils__';
import { FOLDERS_PER_THREAD, threadsFor } from './fleetPool';

/**
 * The fleet commands spread folders over worker threads when there are enough of them: the
 * output, the exit code and the files written must be those of one thread, folder by
 * folder, whatever thread finished first.
 */

// Enough folders for three threads (this one and two workers), and few more.
const COUNT = 3 * FOLDERS_PER_THREAD + 1;

const values = (name: string, more: Record<string, unknown> = {}) => ({
  name,
  namespace: 'data',
  owner: 'group:default/orders',
  strimzi: { version: '0.45.0' },
  kafka: { version: '3.9.0', bootstrapServers: 'kafka:9092' },
  ...more,
});

async function writeCluster(
  root: string,
  name: string,
  input: Record<string, unknown>,
  layout: 'helm' | 'kustomize',
): Promise<void> {
  const rendered = renderSkeleton(input, { layout });
  if (!rendered.ok) throw new Error(JSON.stringify(rendered.problems));
  for (const file of rendered.value) {
    const target = path.join(root, 'clusters', name, ...file.path.split('/'));
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, file.content);
  }
}

/** COUNT folders, both layouts, some with their own group; names in folder order. */
async function writeFleet(root: string): Promise<string[]> {
  const names = Array.from(
    { length: COUNT },
    (_, i) => `c${String(i).padStart(3, '0')}`,
  );
  for (const [i, name] of names.entries()) {
    await writeCluster(
      root,
      name,
      values(name, i % 3 === 0 ? { connect: { groupId: `legacy-${i}` } } : {}),
      i % 2 === 0 ? 'helm' : 'kustomize',
    );
  }
  return names;
}

const inCluster = (root: string, name: string, rel: string) =>
  path.join(root, 'clusters', name, rel);

/** Rendering and upgrading some fifty folders twice takes a while. */
jest.setTimeout(120_000);

/** The folder's values file with `replicas` made wrong. */
async function badReplicas(root: string, name: string, replicas: number) {
  const valuesFile = inCluster(root, name, 'connect-cluster.yaml');
  const text = await fs.readFile(valuesFile, 'utf8');
  await fs.writeFile(
    valuesFile,
    text.replace(/^replicas: .*$/m, `replicas: ${replicas}`),
  );
}

describe('fleet commands over worker threads', () => {
  let one: string;
  let many: string;
  let names: string[];
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    const temp = await tempDir();
    cleanup = temp.cleanup;
    one = path.join(temp.dir, 'one');
    many = path.join(temp.dir, 'many');
    names = await writeFleet(one);
    await fs.cp(one, many, { recursive: true });
  });
  afterEach(() => cleanup());

  /**
   * Runs the same command on both copies, one thread and three. An internal error names
   * an absolute path (its copy's); and under jest a Node error thrown in this thread comes
   * from another realm, which `oneLine` prints as `Error: ...` (not so in the CLI).
   */
  async function both(argv: string[]) {
    const seen = (root: string, result: Captured) => ({
      ...result,
      stderr: result.stderr
        .split(root)
        .join('<root>')
        .replace('internal error: Error: ', 'internal error: '),
    });
    const single = seen(one, await runCli(argv, one, 1));
    const threaded = seen(many, await runCli(argv, many, 3));
    expect(threaded).toEqual(single);
    return single;
  }

  it('uses workers only when each thread gets enough folders', () => {
    expect(threadsFor(COUNT, 3)).toBe(3);
    expect(threadsFor(COUNT, 1)).toBe(1);
    expect(threadsFor(FOLDERS_PER_THREAD * 2 - 1, 8)).toBe(1);
    expect(threadsFor(5, 8)).toBe(1);
  });

  it('diff prints the same diffs and problems in folder order, with the same exit code', async () => {
    expect(await both(['diff', 'clusters'])).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });

    // Edits spread over the fleet: a README, a file of the team's own, bad values.
    for (const root of [one, many]) {
      await fs.appendFile(inCluster(root, names[3], 'README.md'), 'mine\n');
      await fs.writeFile(inCluster(root, names[20], 'notes.txt'), 'own\n');
      await fs.appendFile(
        inCluster(root, names[COUNT - 1], 'connect-cluster.yaml'),
        '# a comment\n',
      );
      await badReplicas(root, names[40], -2);
    }
    const drift = await both(['diff', 'clusters']);
    expect(drift.code).toBe(1);
    expect(drift.stderr).toMatch(
      new RegExp(`^clusters/${names[40]}/connect-cluster\\.yaml: replicas: `),
    );
    const shown = [...drift.stdout.matchAll(/^--- a\/clusters\/(\w+)\//gm)];
    // The comment is not render's: that file went through the full parser, and a render drops it.
    expect(shown.map(m => m[1])).toEqual([
      names[3],
      names[20],
      names[COUNT - 1],
    ]);
  });

  it('upgrade prints the same text and writes the same files', async () => {
    const result = await both(['upgrade', '--to', '1.2.0', 'clusters']);
    expect(result.code).toBe(0);
    const lines = result.stdout
      .split('\n')
      .filter(line => line.startsWith('clusters/'));
    expect(lines).toHaveLength(COUNT);
    expect(lines.map(line => line.split(':')[0])).toEqual(
      names.map(name => `clusters/${name}`),
    );
    expect(await readTree(many)).toEqual(await readTree(one));
    expect(await both(['diff', 'clusters'])).toMatchObject({ code: 0 });
  });

  it('upgrade with a problem anywhere writes nothing and prints the same problems', async () => {
    for (const root of [one, many]) {
      for (const i of [7, COUNT - 2]) await badReplicas(root, names[i], -1);
    }
    const before = await readTree(one);
    const result = await both(['upgrade', '--to', '1.2.0', 'clusters']);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')[0]).toContain(`clusters/${names[7]}/`);
    expect(result.stderr).toContain(`clusters/${names[COUNT - 2]}/`);
    expect(await readTree(one)).toEqual(before);
    expect(await readTree(many)).toEqual(before);
  });

  it('a folder that cannot be read stops both at the first such folder in order', async () => {
    for (const root of [one, many]) {
      for (const i of [11, 30]) {
        await fs.symlink(
          'missing-target',
          inCluster(root, names[i], 'dangling.yaml'),
        );
      }
      await fs.appendFile(inCluster(root, names[2], 'README.md'), 'mine\n');
    }
    const diff = await both(['diff', 'clusters']);
    expect(diff.code).toBe(3);
    expect(diff.stderr).toBe(
      `connect-skeleton: internal error: ENOENT: no such file or directory, open '<root>/clusters/${names[11]}/dangling.yaml'\n`,
    );
    // The folders before it were compared and printed, those after it not.
    expect(diff.stdout).toContain(`--- a/clusters/${names[2]}/README.md`);
    expect((await both(['upgrade', '--to', '1.2.0', 'clusters'])).code).toBe(3);
  });

  it('a folder upgrade must not replace stops both with the same message', async () => {
    for (const root of [one, many]) {
      for (const i of [9, 35]) {
        await fs.mkdir(inCluster(root, names[i], '.git'));
        await fs.writeFile(inCluster(root, names[i], '.git/HEAD'), 'ref\n');
      }
    }
    const result = await both(['upgrade', '--to', '1.2.0', 'clusters']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `connect-skeleton: --out clusters/${names[9]} holds a Git repository; render into a subfolder of it\n`,
    });
  });
});
