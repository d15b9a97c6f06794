import { clusterValues } from '../scaffolder/clusterValues';
import { TaskEvent, TEMPLATE_REF } from '../scaffolder/scaffolderClient';
import { BackendReplica } from './backendReplica';

/**
 * The scaffolder API of the replicas as the portal's users call it, signed in as the demo's
 * guest user. Any replica answers for any task: they share the database.
 */

const ENDED = ['completed', 'failed', 'cancelled'];
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** The values of cluster `name`, owned by a group of the guest user. */
export function replicaClusterValues(name: string): Record<string, unknown> {
  return clusterValues({ name, owner: 'group:default/data-platform' });
}

export interface EndedTask {
  id: string;
  status: string;
  events: TaskEvent[];
  log: string;
  error?: { name: string; message: string };
}

export class ReplicaTasks {
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(private readonly replicas: BackendReplica[]) {}

  /** A token from the first replica that signs the user in; any replica accepts it. */
  private token(replica: BackendReplica): Promise<string> {
    let token = this.tokens.get(replica.name);
    if (!token) {
      token = replica.guestToken();
      token.catch(() => this.tokens.delete(replica.name));
      this.tokens.set(replica.name, token);
    }
    return token;
  }

  async call(
    replica: BackendReplica,
    method: string,
    path: string,
    body?: object,
    token?: string,
  ): Promise<{ status: number; body: any }> {
    const response = await fetch(`${replica.url}/api/scaffolder${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token ?? (await this.token(replica))}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(120_000),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: the text is the body.
    }
    return { status: response.status, body: parsed };
  }

  /** POST /v2/tasks on `replica`; the new task's id. */
  async create(
    replica: BackendReplica,
    values: object,
    token?: string,
  ): Promise<string> {
    const created = await this.call(
      replica,
      'POST',
      '/v2/tasks',
      { templateRef: TEMPLATE_REF, values },
      token,
    );
    if (created.status !== 201) {
      throw new Error(
        `${replica.name} refused the task (HTTP ${
          created.status
        }): ${JSON.stringify(created.body)}`,
      );
    }
    return created.body.id;
  }

  /** Waits (bounded) until task `id` ends, asking whichever replica runs. */
  async waitForEnd(id: string, timeoutMs = 10 * 60_000): Promise<EndedTask> {
    const deadline = Date.now() + timeoutMs;
    let last = 'not asked yet';
    for (;;) {
      for (const replica of this.replicas.filter(r => r.running())) {
        try {
          const task = await this.call(replica, 'GET', `/v2/tasks/${id}`);
          last = `${replica.name}: ${task.status} ${task.body?.status ?? ''}`;
          if (task.status === 200 && ENDED.includes(task.body.status)) {
            const events: TaskEvent[] = (
              await this.call(replica, 'GET', `/v2/tasks/${id}/events`)
            ).body;
            const completion = events.find(e => e.type === 'completion');
            return {
              id,
              status: task.body.status,
              events,
              log: events.map(e => e.body.message ?? '').join('\n'),
              error: completion?.body.error,
            };
          }
          break;
        } catch (error) {
          last = `${replica.name}: ${error}`;
        }
      }
      if (Date.now() > deadline)
        throw new Error(
          `task ${id} did not end within ${timeoutMs / 1000} s (last: ${last})`,
        );
      await sleep(500);
    }
  }
}
