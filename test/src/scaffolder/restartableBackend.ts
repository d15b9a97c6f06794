import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { TaskResult } from './scaffolderClient';
import { startScaffolderBackend } from './testBackend';

/**
 * The real scaffolder backend as testBackend.ts starts it, but on a database that outlives it
 * (a SQLite file per plugin in `databaseDir`) and with the scaffolder's task recovery on, so
 * that a second backend on the same folder resumes the tasks a crashed one left running.
 * `crash()` plays the crash: the backend's database calls stop answering at once (no
 * heartbeat, no more writes, as when its process dies) and it is then stopped; steps still
 * running in it can no longer record anything.
 */

export interface RestartableBackend {
  /** POST /v2/tasks; the task's id. */
  createTask(values: object): Promise<string>;
  /** Waits until task `id` ends, polling its status; its events and output. */
  waitForEnd(id: string, timeoutMs?: number): Promise<TaskResult>;
  crash(): Promise<void>;
  stop(): Promise<void>;
}

/** Seconds without a heartbeat after which a running task counts as abandoned. */
export const STALE_AFTER_SECONDS = 1;

export async function startRestartableBackend(options: {
  databaseDir: string;
  repository: string;
}): Promise<RestartableBackend> {
  // The scaffolder's own database client: the same instance, cached per plugin.
  let scaffolderDb:
    | { client: { acquireConnection(): Promise<unknown> } }
    | undefined;
  const databaseHandle = createBackendModule({
    pluginId: 'scaffolder',
    moduleId: 'test-database-handle',
    register(env) {
      env.registerInit({
        deps: { database: coreServices.database },
        async init({ database }) {
          scaffolderDb = await database.getClient();
        },
      });
    },
  });

  const backend = await startScaffolderBackend({
    repository: options.repository,
    features: [databaseHandle],
    config: {
      backend: {
        database: {
          client: 'better-sqlite3',
          connection: { directory: options.databaseDir },
        },
      },
      scaffolder: {
        taskRecovery: {
          enabled: true,
          staleTimeout: { seconds: STALE_AFTER_SECONDS },
        },
      },
    },
  });

  return {
    async createTask(values) {
      const created = await backend.createTask(values);
      if (created.status !== 201)
        throw new Error(
          `the scaffolder refused the task (${
            created.status
          }): ${JSON.stringify(created.body)}`,
        );
      return created.body.id;
    },
    waitForEnd: backend.waitForEnd,
    async crash() {
      // Every query from now on waits for ever, as in a process that died: no heartbeat, no
      // write, and no error that the dying backend could still act on.
      scaffolderDb!.client.acquireConnection = () => new Promise(() => {});
      await backend.stop();
    },
    stop: () => backend.stop(),
  };
}
