import {
  AuditorService,
  AuditorServiceEvent,
} from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';

/**
 * The audit event every task that creates or changes a cluster leaves, through Backstage's
 * auditor service: who asked, for which cluster, where it went and the pull request. The
 * default auditor writes it as a log line `scaffolder.kafka-connect-cluster-change` with
 * `isAuditEvent: true` (docs/permissions-and-audit.md).
 */
export const CLUSTER_CHANGE_EVENT = 'kafka-connect-cluster-change';

/** What an action's context says about the task, for {@link taskOf}. */
export interface AuditedTaskContext {
  user?: { ref?: string };
  task: { id: string };
  templateInfo?: { entityRef?: string };
}

export function taskOf(
  ctx: AuditedTaskContext,
): Pick<ClusterChangeRecord, 'user' | 'taskId' | 'templateRef'> {
  return {
    user: ctx.user?.ref,
    taskId: ctx.task.id,
    templateRef: ctx.templateInfo?.entityRef,
  };
}

export interface ClusterChangeRecord {
  /** The signed-in user who started the task (the auditor's actor is the scaffolder itself). */
  user: string | undefined;
  taskId: string | undefined;
  templateRef: string | undefined;
  cluster: { name: string; namespace: string; owner?: string; folder: string };
  destination: {
    type: 'local' | 'github' | 'gitlab';
    /** The repository: the configured GitOps repository (credentials masked), or the forge's repoUrl. */
    repository: string;
    branch: string;
  };
  /** The pull or merge request, when the destination opens one. */
  pullRequestUrl?: string;
}

function toMeta(record: Partial<ClusterChangeRecord>): JsonObject {
  // JSON, without undefined fields (the auditor's meta is a JsonObject).
  return JSON.parse(JSON.stringify(record));
}

/**
 * Runs `change` inside an event: succeeded with `outcome` of its result, or failed with its
 * error (which is thrown on). Without an auditor, only runs `change`.
 */
export async function auditedClusterChange<T>(
  auditor: AuditorService | undefined,
  record: ClusterChangeRecord,
  change: () => Promise<T>,
  outcome: (result: T) => JsonObject = () => ({}),
): Promise<T> {
  if (!auditor) return change();
  const event = await auditor.createEvent({
    eventId: CLUSTER_CHANGE_EVENT,
    severityLevel: 'medium',
    meta: toMeta(record),
  });
  let result: T;
  try {
    result = await change();
  } catch (error) {
    await event.fail({
      error: error instanceof Error ? error : new Error(String(error)),
    });
    throw error;
  }
  await event.success({ meta: outcome(result) });
  return result;
}

/** One publish: the task, and the cluster's folder and branch in the repository. */
function keyOf(record: ClusterChangeRecord): string {
  return JSON.stringify([
    record.taskId,
    record.destination.type,
    record.destination.repository,
    record.destination.branch,
    record.cluster.folder,
  ]);
}

/** How many publishes may be under way (or have failed) before the oldest is forgotten. */
const PENDING_LIMIT = 1000;

/**
 * The cluster changes a forge publish is under way for. A publish to GitHub or GitLab is one
 * or more steps of Backstage's or this module's actions, which cannot be wrapped in one
 * event; so the audit step before them opens the event (`initiated`, through the auditor
 * as any other) and the audit step after them completes it (`succeeded`, with the request's
 * URL). The scaffolder runs a task's steps one after the other in one backend process, so
 * the event is handed over in memory. A publish step that fails ends the task: the event
 * stays `initiated` without a `succeeded`, which is how the auditor shows an operation that
 * did not complete; the scaffolder's `task` event of the same task has the error. Those
 * leftovers are forgotten, oldest first, beyond {@link PENDING_LIMIT}.
 */
export class PendingClusterChanges {
  private readonly pending = new Map<string, AuditorServiceEvent>();

  constructor(private readonly auditor: AuditorService) {}

  /** Records `initiated` for `record` (without a request: none is open yet). */
  async initiate(record: ClusterChangeRecord): Promise<void> {
    const key = keyOf(record);
    const event = await this.auditor.createEvent({
      eventId: CLUSTER_CHANGE_EVENT,
      severityLevel: 'medium',
      meta: toMeta({ ...record, pullRequestUrl: undefined }),
    });
    // A step run again (a task started over) replaces its own open event.
    this.pending.delete(key);
    this.pending.set(key, event);
    for (const oldest of this.pending.keys()) {
      if (this.pending.size <= PENDING_LIMIT) break;
      this.pending.delete(oldest);
    }
  }

  /**
   * Records `succeeded` for `record`, with its request. Without an open event (no step
   * before the publish, as in a template written for an older version of this module), it
   * opens one first: `initiated` and `succeeded` then come from this step.
   */
  async succeed(record: ClusterChangeRecord): Promise<void> {
    const key = keyOf(record);
    const event =
      this.pending.get(key) ??
      (await this.auditor.createEvent({
        eventId: CLUSTER_CHANGE_EVENT,
        severityLevel: 'medium',
        meta: toMeta(record),
      }));
    this.pending.delete(key);
    await event.success({
      meta: toMeta({ pullRequestUrl: record.pullRequestUrl }),
    });
  }
}
