import { freePorts } from '@connect-skeleton/integration-tests/src/e2e/freePorts';
import {
  BackendReplica,
  backendReplica,
} from '@connect-skeleton/integration-tests/src/production/backendReplica';
import { startProductionReplicas } from '@connect-skeleton/integration-tests/src/production/productionHarness';
import {
  replicaClusterValues,
  ReplicaTasks,
} from '@connect-skeleton/integration-tests/src/production/replicaTasks';
import { BareRepo } from '@connect-skeleton/integration-tests/src/scaffolder/bareRepo';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

/**
 * Template task throughput of the demo backend as separate processes (as `npm run
 * start:backend` runs it): one replica on its embedded SQLite database (the demo), then one
 * and two replicas of the production profile on a real PostgreSQL server (the production
 * tests' harness). `tasks` tasks with distinct cluster names are sent at once, in turn to the
 * running replicas; the figure is tasks per minute from the first request to the last task's
 * end. Two unmeasured tasks per replica come first (JIT, the token keys' caches).
 */

const WARMUP_PER_REPLICA = 2;

async function throughput(
  replicas: BackendReplica[],
  repo: BareRepo,
  label: string,
  tasks: number,
): Promise<number> {
  const client = new ReplicaTasks(replicas);
  const run = async (names: string[]) => {
    const ids = await Promise.all(
      names.map((name, i) =>
        client.create(
          replicas[i % replicas.length],
          replicaClusterValues(name),
        ),
      ),
    );
    const ended = await Promise.all(ids.map(id => client.waitForEnd(id)));
    const failed = ended.filter(t => t.status !== 'completed');
    if (failed.length) {
      throw new Error(
        `${label}: ${failed.length} of ${names.length} tasks ${failed[0].status}: ${failed[0].error?.message}`,
      );
    }
  };
  await run(
    Array.from(
      { length: WARMUP_PER_REPLICA * replicas.length },
      (_, i) => `${label}-warmup-${i}`,
    ),
  );
  const names = Array.from({ length: tasks }, (_, i) => `${label}-${i}`);
  const start = performance.now();
  await run(names);
  const ms = performance.now() - start;
  const pushed = repo
    .branches()
    .filter(b => names.some(n => b === `kafka-connect/${n}`));
  if (pushed.length !== tasks) {
    throw new Error(
      `${label}: expected ${tasks} pushed branches, found ${pushed.length}`,
    );
  }
  return tasks / (ms / 60_000);
}

/** One replica of the demo as `npm start` configures it: in-memory SQLite, no PostgreSQL. */
async function sqliteThroughput(tasks: number): Promise<number> {
  const repo = BareRepo.create();
  const [port] = await freePorts(1);
  const replica = backendReplica({
    name: 'sqlite',
    port,
    configFiles: [join(REPO_ROOT, 'app-config.yaml')],
    overlays: [
      {
        kafkaConnect: { gitops: { repository: repo.path } },
        auth: {
          providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
        },
      },
    ],
    env: {},
  });
  try {
    await replica.start();
    return await throughput([replica], repo, 'sqlite', tasks);
  } finally {
    await replica.stop();
    repo.remove();
  }
}

export async function replicaThroughput(
  tasks: number,
  progress: (text: string) => void,
) {
  progress(`${tasks} tasks on one replica on SQLite`);
  const sqliteOne = await sqliteThroughput(tasks);
  progress('starting PostgreSQL and one replica of the production profile');
  const servers = await startProductionReplicas({
    start: 1,
    directDatabase: true,
  });
  try {
    progress(`${tasks} tasks on one replica on PostgreSQL`);
    const postgresOne = await throughput(
      [servers.replicas[0]],
      servers.repo,
      'pg-one',
      tasks,
    );
    progress('starting the second replica');
    await servers.replicas[1].start();
    progress(`${tasks} tasks on two replicas on PostgreSQL`);
    const postgresTwo = await throughput(
      servers.replicas,
      servers.repo,
      'pg-two',
      tasks,
    );
    return {
      sqliteOneReplicaTasksPerMin: sqliteOne,
      postgresOneReplicaTasksPerMin: postgresOne,
      postgresTwoReplicasTasksPerMin: postgresTwo,
    };
  } finally {
    await servers.stop();
  }
}
