import { parse } from 'yaml';
import { clusterValues } from './clusterValues';
import { useScaffolderSuite } from './scaffolderSuite';
import { stepStatus, TaskResult } from './testBackend';

/**
 * Many template tasks at once against the real scaffolder backend and one local GitOps
 * repository, as on a busy morning: every task must end with its own branch holding only its
 * own cluster, and the same task started twice must not give two branches or two commits.
 * The scaffolder runs at most `scaffolder.concurrentTasksLimit` tasks at a time (10 unless
 * configured); the others wait in its queue, so 20 tasks also show that queued ones complete.
 */

jest.setTimeout(300_000);

const TASKS = 20;
const folderOf = (name: string) => `clusters/prod/${name}`;
const branchOf = (name: string) => `kafka-connect/${name}`;

function outcome(result: TaskResult) {
  return { status: result.status, error: result.error?.message };
}

describe('template tasks started at the same time', () => {
  const suite = useScaffolderSuite();

  it(`${TASKS} tasks for ${TASKS} clusters all complete, each with its own branch holding only its own folder`, async () => {
    const main = suite.repo.head('main');
    const names = Array.from(
      { length: TASKS },
      (_, i) => `burst-${String(i + 1).padStart(2, '0')}`,
    );

    // Every POST /v2/tasks is sent before any task is awaited.
    const results = await Promise.all(
      names.map(name => suite.scaffolder.run(clusterValues({ name }))),
    );

    expect(results.map(outcome)).toEqual(
      names.map(() => ({ status: 'completed', error: undefined })),
    );
    expect(new Set(results.map(r => r.id)).size).toBe(TASKS);
    expect(suite.repo.branches()).toEqual(
      [...names.map(branchOf), 'main'].sort(),
    );
    expect(suite.repo.head('main')).toBe(main);

    for (const [i, name] of names.entries()) {
      const branch = branchOf(name);
      // One commit on top of main, touching nothing outside the cluster's folder.
      expect(suite.repo.parents(branch)).toEqual([main]);
      const changed = suite.repo.changedFiles('main', branch);
      expect(changed.length).toBeGreaterThan(5);
      expect(changed.filter(f => !f.startsWith(`${folderOf(name)}/`))).toEqual(
        [],
      );
      expect(
        parse(
          suite.repo.read(branch, `${folderOf(name)}/connect-cluster.yaml`),
        ),
      ).toMatchObject({ name, namespace: 'streaming' });
      // The task's own output points at its own branch.
      const deploy = results[i].output?.text?.find(
        t => t.title === 'How to get it deployed',
      );
      expect(deploy?.content).toContain(branch);
      expect(stepStatus(results[i], 'push')).toBe('completed');
    }
  });

  it('the same task started three times at once, for several clusters, completes every time and leaves one branch with one commit per cluster', async () => {
    // Before the fix, about half of such races failed one task with git's "cannot lock ref
    // ... reference already exists" or "[rejected] (fetch first)": both tasks had read the
    // remote before either pushed. Several clusters at once make the race all but certain.
    const main = suite.repo.head('main');
    const before = suite.repo.branches();
    const names = ['twin-a', 'twin-b', 'twin-c'];
    const copies = 3;

    const results = await Promise.all(
      names.flatMap(name =>
        Array.from({ length: copies }, () =>
          suite.scaffolder.run(clusterValues({ name, replicas: 3 })),
        ),
      ),
    );

    expect(results.map(outcome)).toEqual(
      results.map(() => ({ status: 'completed', error: undefined })),
    );
    expect(suite.repo.branches()).toEqual(
      [...before, ...names.map(branchOf)].sort(),
    );
    expect(suite.repo.head('main')).toBe(main);
    for (const [i, name] of names.entries()) {
      const branch = branchOf(name);
      // One commit on top of main: not one per task, not a merge.
      expect(suite.repo.parents(branch)).toEqual([main]);
      expect(suite.repo.commitCount(branch)).toBe(
        suite.repo.commitCount('main') + 1,
      );
      expect(
        suite.repo
          .changedFiles('main', branch)
          .filter(f => !f.startsWith(`${folderOf(name)}/`)),
      ).toEqual([]);
      expect(
        parse(
          suite.repo.read(branch, `${folderOf(name)}/connect-cluster.yaml`),
        ),
      ).toMatchObject({ name, replicas: 3 });
      // Every copy tells its user about the same branch.
      for (const result of results.slice(i * copies, (i + 1) * copies)) {
        expect(stepStatus(result, 'push')).toBe('completed');
        expect(
          result.output?.text?.find(t => t.title === 'How to get it deployed')
            ?.content,
        ).toContain(branch);
      }
    }
  });
});
