import { mockCredentials } from '@backstage/backend-test-utils';
import { TemplateEntity } from './templateFile';

/**
 * The HTTP calls a portal user's browser (or a script) makes to the scaffolder API, and the
 * task results as the tests read them.
 */

export const TEMPLATE_REF = 'template:default/kafka-connect-cluster';

/**
 * The user every call is made as unless a test says otherwise: a member of the groups the
 * example clusters name as owners (the test backend's catalog serves this user).
 */
export const DEFAULT_USER = 'user:default/mock';
export const DEFAULT_USER_GROUPS = ['orders', 'data-platform'];

/**
 * Who a call is made as: a user ref (signed in), or a backend service (no user), as a
 * plugin calling the scaffolder would.
 */
export type Caller = string | { service: string };

export interface CallOptions {
  as?: Caller;
  /** What the form's Secret fields send: kept out of the task's parameters. */
  secrets?: Record<string, string>;
  /** Another template the catalog serves (the day-2 ones); default {@link TEMPLATE_REF}. */
  templateRef?: string;
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

export interface ScaffolderClient {
  /** POST /v2/tasks as the form does; the status and body as they come back. */
  createTask(
    values: object,
    options?: CallOptions,
  ): Promise<{ status: number; body: any }>;
  /** Waits until task `id` ends, polling its status; its events and output. */
  waitForEnd(id: string, timeoutMs?: number): Promise<TaskResult>;
  /** Creates a task and waits for it to end. */
  run(values: object, options?: CallOptions): Promise<TaskResult>;
  dryRun(values: object, options?: CallOptions): Promise<DryRunResult>;
  /** GET on the scaffolder API (as the default user), e.g. `/v2/tasks/<id>`. */
  get(path: string): Promise<{ status: number; body: any }>;
}

const ENDED = ['completed', 'failed', 'cancelled'];

/** A client of the scaffolder API at `api` (`http://host:port/api/scaffolder`). */
export function scaffolderClient(
  api: string,
  template: TemplateEntity,
): ScaffolderClient {
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

  async function createTask(values: object, options: CallOptions = {}) {
    return call(
      'POST',
      '/v2/tasks',
      {
        templateRef: options.templateRef ?? TEMPLATE_REF,
        values,
        secrets: options.secrets,
      },
      options.as,
    );
  }

  // A deadline for a stuck task, not a speed target: a loaded CI machine may be slow.
  async function waitForEnd(id: string, timeoutMs = 180_000) {
    const deadline = Date.now() + timeoutMs;
    let status = '';
    while (!ENDED.includes(status)) {
      if (Date.now() > deadline)
        throw new Error(
          `task ${id} still ${status} after ${timeoutMs / 1000} s`,
        );
      await new Promise(resolve => setTimeout(resolve, 100));
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
  }

  async function run(values: object, options: CallOptions = {}) {
    const created = await createTask(values, options);
    if (created.status !== 201) {
      throw new Error(
        `the scaffolder refused the task (${created.status}): ${JSON.stringify(
          created.body,
        )}`,
      );
    }
    return waitForEnd(created.body.id);
  }

  async function dryRun(
    values: object,
    options: CallOptions = {},
  ): Promise<DryRunResult> {
    return call(
      'POST',
      '/v2/dry-run',
      { template, values, secrets: options.secrets, directoryContents: [] },
      options.as,
    );
  }

  return {
    createTask,
    waitForEnd,
    run,
    dryRun,
    get: path => call('GET', path),
  };
}
