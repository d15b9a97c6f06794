import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import gitlabModule from '@backstage/plugin-scaffolder-backend-module-gitlab';
import kafkaConnectModule from '@internal/plugin-scaffolder-backend-module-kafka-connect';
import { fakeCatalog } from './fakeCatalog';
import { loadTemplate, TEMPLATE_PATH } from './templateFile';
import {
  DEFAULT_USER,
  DEFAULT_USER_GROUPS,
  GITLAB_TOKEN,
  TaskEvent,
  TaskResult,
  TEMPLATE_REF,
  userEntity,
} from './testBackend';

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
  const template = loadTemplate();
  const catalog = fakeCatalog([
    userEntity(DEFAULT_USER, DEFAULT_USER_GROUPS),
    {
      ...template,
      metadata: {
        ...template.metadata,
        namespace: 'default',
        annotations: {
          'backstage.io/managed-by-location': `file:${TEMPLATE_PATH}`,
        },
      },
    },
  ]);
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

  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      gitlabModule,
      kafkaConnectModule,
      catalog.feature,
      databaseHandle,
      mockServices.rootConfig.factory({
        data: {
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
          kafkaConnect: {
            gitops: { repository: options.repository, defaultBranch: 'main' },
          },
          integrations: {
            gitlab: [{ host: 'gitlab.com', token: GITLAB_TOKEN }],
          },
        },
      }),
    ],
  });
  const api = `http://localhost:${backend.server.port()}/api/scaffolder`;

  async function call(method: string, path: string, body?: object) {
    const response = await fetch(`${api}${path}`, {
      method,
      headers: {
        authorization: mockCredentials.user.header(DEFAULT_USER),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? JSON.parse(text) : undefined,
    };
  }

  return {
    async createTask(values) {
      const created = await call('POST', '/v2/tasks', {
        templateRef: TEMPLATE_REF,
        values,
      });
      if (created.status !== 201)
        throw new Error(
          `the scaffolder refused the task (${
            created.status
          }): ${JSON.stringify(created.body)}`,
        );
      return created.body.id;
    },
    async waitForEnd(id, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      let status = '';
      while (!['completed', 'failed', 'cancelled'].includes(status)) {
        if (Date.now() > deadline)
          throw new Error(
            `task ${id} still ${status} after ${timeoutMs / 1000} s`,
          );
        await new Promise(resolve => setTimeout(resolve, 200));
        status = (await call('GET', `/v2/tasks/${id}`)).body?.status;
      }
      const events: TaskEvent[] = (await call('GET', `/v2/tasks/${id}/events`))
        .body;
      const completion = events.find(e => e.type === 'completion');
      return {
        id,
        status: status as TaskResult['status'],
        events,
        log: events.map(e => e.body.message ?? '').join('\n'),
        output: completion?.body.output,
        error: completion?.body.error,
      };
    },
    async crash() {
      // Every query from now on waits for ever, as in a process that died: no heartbeat, no
      // write, and no error that the dying backend could still act on.
      scaffolderDb!.client.acquireConnection = () => new Promise(() => {});
      await backend.stop();
    },
    stop: () => backend.stop(),
  };
}
