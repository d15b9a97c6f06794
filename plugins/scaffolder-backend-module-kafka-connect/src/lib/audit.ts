import { AuditorService } from '@backstage/backend-plugin-api';
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

function toMeta(record: ClusterChangeRecord): JsonObject {
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
