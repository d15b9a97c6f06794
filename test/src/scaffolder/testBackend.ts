import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
import gitlabModule from '@backstage/plugin-scaffolder-backend-module-gitlab';
import kafkaConnectModule from '@internal/plugin-scaffolder-backend-module-kafka-connect';
import { AddedLocation, CatalogEntity, fakeCatalog } from './fakeCatalog';
import { loadTemplate, TEMPLATE_PATH, TemplateEntity } from './templateFile';

/**
 * The real scaffolder backend with the GitHub, GitLab and Kafka Connect modules, serving the
 * real template.yaml through a catalog stand-in, and the HTTP calls a portal user's browser makes.
 */

export const TEMPLATE_REF = 'template:default/kafka-connect-cluster';
/** Dummy forge tokens: the tests check that they never reach a log or a repository. */
export const GITHUB_TOKEN = 'ghp_dummyTokenForTests0000000000000000';
export const GITLAB_TOKEN = 'glpat-dummyTokenForTests00000';

/**
 * The user every call is made as unless a test says otherwise (the mock auth's default
 * user): a member of the groups the example clusters name as owners.
 */
export const DEFAULT_USER = 'user:default/mock';
export const DEFAULT_USER_GROUPS = ['orders', 'data-platform'];

/** A user entity as the catalog serves it once processed: spec.memberOf and its relations. */
export function userEntity(ref: string, groups: string[]): CatalogEntity {
  const [, namespace, name] = /^user:([^/]+)\/(.+)$/.exec(ref)!;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace },
    spec: { memberOf: groups },
    relations: groups.map(group => ({
      type: 'memberOf',
      targetRef: `group:default/${group}`,
    })),
  };
}

/**
 * Who a call is made as: a user ref (signed in), or a backend service (no user), as a
 * plugin calling the scaffolder would.
 */
export type Caller = string | { service: string };

export interface CallOptions {
  as?: Caller;
  /** What the form's Secret fields send: kept out of the task's parameters. */
  secrets?: Record<string, string>;
}

function authorization(caller: Caller): string {
  return typeof caller === 'string'
    ? mockCredentials.user.header(caller)
    : mockCredentials.service.header({
        onBehalfOf: mockCredentials.service(`plugin:${caller.service}`),
        targetPluginId: 'scaffolder',
      });
}

export interface TaskEvent {
  type: string;
  body: {
    message?: string;
    stepId?: string;
    status?: string;
    output?: TaskOutput;
    error?: { name: string; message: string };
  };
}

export interface TaskOutput {
  links?: { title?: string; url?: string; entityRef?: string; icon?: string }[];
  text?: { title?: string; content?: string }[];
}

export interface TaskResult {
  id: string;
  status: 'completed' | 'failed' | 'cancelled';
  events: TaskEvent[];
  /** Every log line of the task, one per event. */
  log: string;
  output?: TaskOutput;
  error?: { name: string; message: string };
}

/** The last status the task log gives a step: completed, failed or skipped. */
export function stepStatus(
  result: TaskResult,
  stepId: string,
): string | undefined {
  return result.events
    .filter(e => e.body.stepId === stepId && e.body.status)
    .map(e => e.body.status)
    .pop();
}

export interface DryRunResult {
  status: number;
  body: {
    log?: { body: { message?: string; stepId?: string; status?: string } }[];
    directoryContents?: { path: string; base64Content: string }[];
    output?: TaskOutput;
    errors?: unknown[];
    error?: { message: string };
  };
}

export interface ScaffolderBackend {
  template: TemplateEntity;
  /** Locations that `catalog:register` added. */
  locations: AddedLocation[];
  /** POST /v2/tasks as the form does; the status and body as they come back. */
  createTask(
    values: object,
    options?: CallOptions,
  ): Promise<{ status: number; body: any }>;
  /** Creates a task and waits for it to end. */
  run(values: object, options?: CallOptions): Promise<TaskResult>;
  dryRun(values: object, options?: CallOptions): Promise<DryRunResult>;
  /** GET on the scaffolder API (as the default user), e.g. `/v2/tasks/<id>`. */
  get(path: string): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

export async function startScaffolderBackend(options: {
  repository: string;
  /** The catalog's users; default: {@link DEFAULT_USER} in {@link DEFAULT_USER_GROUPS}. */
  users?: CatalogEntity[];
}): Promise<ScaffolderBackend> {
  const template = loadTemplate();
  const catalog = fakeCatalog([
    ...(options.users ?? [userEntity(DEFAULT_USER, DEFAULT_USER_GROUPS)]),
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
  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      githubModule,
      gitlabModule,
      kafkaConnectModule,
      catalog.feature,
      mockServices.rootConfig.factory({
        data: {
          kafkaConnect: {
            gitops: { repository: options.repository, defaultBranch: 'main' },
          },
          integrations: {
            github: [{ host: 'github.com', token: GITHUB_TOKEN }],
            gitlab: [{ host: 'gitlab.com', token: GITLAB_TOKEN }],
          },
        },
      }),
    ],
  });
  const api = `http://localhost:${backend.server.port()}/api/scaffolder`;

  async function call(
    method: string,
    path: string,
    body?: object,
    caller: Caller = DEFAULT_USER,
  ) {
    const response = await fetch(`${api}${path}`, {
      method,
      headers: {
        authorization: authorization(caller),
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

  async function createTask(values: object, callOptions: CallOptions = {}) {
    return call(
      'POST',
      '/v2/tasks',
      { templateRef: TEMPLATE_REF, values, secrets: callOptions.secrets },
      callOptions.as,
    );
  }

  async function run(
    values: object,
    callOptions: CallOptions = {},
  ): Promise<TaskResult> {
    const created = await createTask(values, callOptions);
    if (created.status !== 201) {
      throw new Error(
        `the scaffolder refused the task (${created.status}): ${JSON.stringify(
          created.body,
        )}`,
      );
    }
    const id: string = created.body.id;
    const deadline = Date.now() + 60_000;
    let status = '';
    while (!['completed', 'failed', 'cancelled'].includes(status)) {
      if (Date.now() > deadline)
        throw new Error(`task ${id} still ${status} after 60 s`);
      await new Promise(resolve => setTimeout(resolve, 100));
      status = (await call('GET', `/v2/tasks/${id}`)).body.status;
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
  }

  async function dryRun(
    values: object,
    callOptions: CallOptions = {},
  ): Promise<DryRunResult> {
    return call(
      'POST',
      '/v2/dry-run',
      { template, values, secrets: callOptions.secrets, directoryContents: [] },
      callOptions.as,
    );
  }

  return {
    template,
    locations: catalog.locations,
    createTask,
    run,
    dryRun,
    get: path => call('GET', path),
    stop: () => backend.stop(),
  };
}
