/**
 * npm run bench:replicas: the replica throughput figures alone (replicaThroughput.ts), with
 * `--tasks N` (default 40) tasks per configuration.
 */
import { machine } from './machine';
import { round } from './stats';
import { replicaThroughput } from './replicaThroughput';

const USAGE = 'usage: npm run -s bench:replicas [-- --tasks N]\n';

export async function main(args: string[]): Promise<number> {
  let tasks = 40;
  if (args.length) {
    const value = Number(args[1]);
    if (
      args.length !== 2 ||
      args[0] !== '--tasks' ||
      !Number.isInteger(value) ||
      value < 1
    ) {
      process.stderr.write(USAGE);
      return 2;
    }
    tasks = value;
  }
  const host = machine();
  process.stderr.write(
    `bench: ${host.cores} cores, ${host.cpu}, Node ${
      host.node
    }; load ${host.loadAverage.join(' ')}\n`,
  );
  const figures = await replicaThroughput(tasks, text =>
    process.stderr.write(`bench: ${text}\n`),
  );
  process.stdout.write(
    `${tasks} template tasks sent at once, tasks per minute:\n` +
      `  one replica on SQLite (the demo)        ${round(
        figures.sqliteOneReplicaTasksPerMin,
      )}\n` +
      `  one replica on PostgreSQL               ${round(
        figures.postgresOneReplicaTasksPerMin,
      )}\n` +
      `  two replicas on PostgreSQL              ${round(
        figures.postgresTwoReplicasTasksPerMin,
      )}\n`,
  );
  return 0;
}
