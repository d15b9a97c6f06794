import { eventually } from '../e2e/eventually';
import { GitGate } from './gitGate';
import { phase } from './phase';
import {
  ProductionReplicas,
  startProductionReplicas,
} from './productionHarness';
import { replicaClusterValues, ReplicaTasks } from './replicaTasks';

/**
 * The production profile (app-config.production.yaml) for real: two replicas of the demo
 * backend on one PostgreSQL server, with the scaffolder's task recovery and the database
 * workspace provider. The tests run in order on one set of servers (a start costs about a
 * minute of this machine): many tasks on both replicas, a replica killed in the middle of
 * pushes, the database connection cut and restored.
 */

jest.setTimeout(20 * 60_000);

const TASKS = 40;
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

describe('two backend replicas on PostgreSQL', () => {
  let servers: ProductionReplicas;
  let tasks: ReplicaTasks;

  beforeAll(async () => {
    servers = await startProductionReplicas();
    tasks = new ReplicaTasks(servers.replicas);
  });

  afterAll(async () => {
    await servers?.stop();
  });

  /** Every kafka-connect/ branch of the GitOps repository, with its number of commits. */
  const clusterBranches = () =>
    Object.fromEntries(
      servers.repo
        .branches()
        .filter(b => b.startsWith('kafka-connect/'))
        .map(b => [b, servers.repo.commitCount(b)]),
    );
  /** Each branch holds exactly one commit on top of main's one. */
  const oneCommitEach = (names: string[]) =>
    Object.fromEntries(names.map(n => [`kafka-connect/${n}`, 2]));

  it(`completes ${TASKS} template tasks sent to the replicas in turn, one branch and one commit per cluster`, async () => {
    const [first, second] = servers.replicas;
    // A token from one replica is accepted by the other: they share the signing keys.
    const tokenOfFirst = await first.guestToken();
    const names = Array.from({ length: TASKS }, (_, i) => `replica-load-${i}`);
    const ids = await Promise.all(
      names.map((name, i) =>
        i % 2 === 0
          ? tasks.create(first, replicaClusterValues(name))
          : tasks.create(second, replicaClusterValues(name), tokenOfFirst),
      ),
    );
    expect(new Set(ids).size).toBe(TASKS);

    const ended = await Promise.all(ids.map(id => tasks.waitForEnd(id)));
    expect(
      ended.filter(t => t.status !== 'completed').map(t => [t.id, t.error]),
    ).toEqual([]);
    expect(clusterBranches()).toEqual(oneCommitEach(names));
    for (const name of names)
      expect(servers.repo.parents(`kafka-connect/${name}`)).toEqual([
        servers.repo.head('main'),
      ]);
  });

  it('finishes the tasks of a replica killed in the middle of its pushes on the other one, without a second commit', async () => {
    const [victim, survivor] = servers.replicas;
    const gate = new GitGate(servers.repo.path);
    const names = Array.from({ length: 6 }, (_, i) => `replica-killed-${i}`);
    const branches = names.map(n => `kafka-connect/${n}`);
    gate.close();
    try {
      const ids = await phase('sending the tasks to the victim', () =>
        Promise.all(
          names.map(name => tasks.create(victim, replicaClusterValues(name))),
        ),
      );
      // Every push has landed and is held in the hook: the tasks wait for the answer.
      const heads = await eventually(
        'every task to push its branch',
        5 * 60_000,
        async () => {
          const present = servers.repo.branches();
          return branches.every(b => present.includes(b))
            ? Object.fromEntries(branches.map(b => [b, servers.repo.head(b)]))
            : undefined;
        },
      );
      await phase('killing the victim', () => victim.kill());
      gate.open();

      const ended = await phase('waiting for the tasks on the survivor', () =>
        Promise.all(ids.map(id => tasks.waitForEnd(id))),
      );
      expect(
        ended.filter(t => t.status !== 'completed').map(t => [t.id, t.error]),
      ).toEqual([]);
      for (const task of ended) {
        // Taken over by the survivor, which skipped the steps done and ran the push again.
        expect(task.events.some(e => e.type === 'recovered')).toBe(true);
        expect(task.log).toContain(
          'Skipping step render because it was already completed in a previous run',
        );
        expect(task.log).toMatch(/already holds these \d+ files: no commit/);
      }
      // The commits the killed replica pushed are the branches' only ones.
      expect(
        Object.fromEntries(branches.map(b => [b, servers.repo.head(b)])),
      ).toEqual(heads);
      const all = clusterBranches();
      expect(Object.fromEntries(branches.map(b => [b, all[b]]))).toEqual(
        oneCommitEach(names),
      );
      expect(survivor.running()).toBe(true);
    } finally {
      gate.remove();
      if (!victim.running())
        await phase('starting the victim again', () => victim.start());
    }
  });

  it('carries on with the tasks running and sent while the database connection is cut once it is restored, without a restart', async () => {
    const listening = servers.replicas.map(r => listenLines(r.log()));
    // Each replica has run a task (as a running portal has): each plugin has read the keys
    // that sign the user's and the other plugins' tokens, and keeps them; with none in hand,
    // a replica could check no token while the database is away.
    const warmUp = await Promise.all(
      servers.replicas.map((replica, i) =>
        tasks.create(replica, replicaClusterValues(`replica-warm-${i}`)),
      ),
    );
    for (const id of warmUp)
      expect((await tasks.waitForEnd(id)).status).toBe('completed');

    // Two tasks in the middle of their push when the connection goes.
    const gate = new GitGate(servers.repo.path);
    const held = ['replica-cut-held-0', 'replica-cut-held-1'];
    const sent = Array.from({ length: 4 }, (_, i) => `replica-cut-sent-${i}`);
    gate.close();
    let heldIds: string[] = [];
    let sentIds: Promise<string[]> | undefined;
    try {
      heldIds = await Promise.all(
        held.map((name, i) =>
          tasks.create(servers.replicas[i], replicaClusterValues(name)),
        ),
      );
      await eventually('the held tasks to push', 5 * 60_000, async () =>
        held.every(n => servers.repo.branches().includes(`kafka-connect/${n}`))
          ? true
          : undefined,
      );
      await servers.proxy.cut();
      gate.open();
      let settled = 0;
      sentIds = Promise.all(
        sent.map((name, i) =>
          tasks
            .create(servers.replicas[i % 2], replicaClusterValues(name))
            .finally(() => settled++),
        ),
      );
      // Meanwhile the requests and the held tasks' next writes wait for a connection.
      await sleep(3000);
      expect(settled).toBe(0);
    } finally {
      await servers.proxy.restore();
      gate.remove();
    }
    const ids = [
      ...heldIds,
      ...(await phase('sending tasks during the cut', () => sentIds!)),
    ];
    const ended = await phase('waiting for the tasks after the cut', () =>
      Promise.all(ids.map(id => tasks.waitForEnd(id))),
    );
    expect(
      ended.filter(t => t.status !== 'completed').map(t => [t.id, t.error]),
    ).toEqual([]);
    const names = [...held, ...sent];
    const all = clusterBranches();
    expect(
      Object.fromEntries(
        names.map(n => [`kafka-connect/${n}`, all[`kafka-connect/${n}`]]),
      ),
    ).toEqual(oneCommitEach(names));
    // The same processes: neither replica restarted.
    expect(servers.replicas.map(r => r.running())).toEqual([true, true]);
    expect(servers.replicas.map(r => listenLines(r.log()))).toEqual(listening);
  });
});

/** How many times the replica's log says it listens: once per start of its backend. */
function listenLines(log: string): number {
  return log.split('\n').filter(line => /Listening on :\d+/.test(line)).length;
}
