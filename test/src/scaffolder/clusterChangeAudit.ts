import { AuditLine, CapturedLog } from './capturedLog';
import { ORDERS_BRANCH, ORDERS_FOLDER } from './clusterValues';
import { DEFAULT_USER } from './scaffolderClient';

/**
 * The audit event kafka-connect-cluster-change (docs/permissions-and-audit.md) as the tests
 * read it from a backend's captured log: the module writes it through Backstage's default
 * auditor, which the scaffolder runs as `plugin:scaffolder` at severity medium.
 */

export const CLUSTER_CHANGE_EVENT = 'kafka-connect-cluster-change';

/** The kafka-connect-cluster-change events one task left, in the order they were logged. */
export function clusterChangeEvents(
  log: CapturedLog,
  taskId: string,
): AuditLine[] {
  return log
    .auditEvents(CLUSTER_CHANGE_EVENT)
    .filter(event => event.meta?.taskId === taskId);
}

/**
 * The two events of a change that went through: `initiated` with `meta`, then `succeeded`
 * with `meta` and what only success knows (`onSuccess`, e.g. the commit of a push).
 */
export function succeededClusterChange(
  meta: Record<string, unknown>,
  onSuccess: Record<string, unknown> = {},
): AuditLine[] {
  const event = (status: AuditLine['status'], eventMeta: typeof meta) => ({
    plugin: 'scaffolder',
    eventId: CLUSTER_CHANGE_EVENT,
    status,
    severityLevel: 'medium',
    actorId: 'plugin:scaffolder',
    meta: eventMeta,
    error: undefined,
  });
  return [
    event('initiated', meta),
    event('succeeded', { ...meta, ...onSuccess }),
  ];
}

/** A cluster a task sent to a forge. */
export interface ForgeChange {
  taskId: string;
  templateRef: string;
  cluster: { name: string; namespace: string; owner: string; folder: string };
  forge: 'github' | 'gitlab';
  repository: string;
  branch: string;
}

/** The event's meta before anything is published: who, which cluster, where. */
function forgeChangeMeta(options: ForgeChange): Record<string, unknown> {
  return {
    user: DEFAULT_USER,
    taskId: options.taskId,
    templateRef: options.templateRef,
    cluster: options.cluster,
    destination: {
      type: options.forge,
      repository: options.repository,
      branch: options.branch,
    },
  };
}

/**
 * The events of a run, as the default user, that published a cluster to a forge: `initiated`
 * by the audit step before the publish steps (no request yet), `succeeded` by the one after
 * them, with the request the forge answered with (`requestUrl`).
 */
export function succeededForgeChange(
  options: ForgeChange & { requestUrl: string },
): AuditLine[] {
  return succeededClusterChange(forgeChangeMeta(options), {
    pullRequestUrl: options.requestUrl,
  });
}

/**
 * The events of a run, as the default user, whose publish to a forge failed: the audit step
 * before the publish steps recorded `initiated`; the one after them never ran.
 */
export function initiatedForgeChange(options: ForgeChange): AuditLine[] {
  return succeededClusterChange(forgeChangeMeta(options)).slice(0, 1);
}

/**
 * The events of a run of the cluster template, as the default user, that published the orders
 * cluster (clusterValues) to a forge and opened or updated the request at `requestUrl`.
 */
export function succeededForgeOrdersChange(options: {
  taskId: string;
  forge: 'github' | 'gitlab';
  repository: string;
  requestUrl: string;
  namespace?: string;
}): AuditLine[] {
  return succeededForgeChange({
    ...options,
    templateRef: 'template:default/kafka-connect-cluster',
    cluster: {
      name: 'orders-cdc',
      namespace: options.namespace ?? 'streaming',
      owner: 'group:default/orders',
      folder: ORDERS_FOLDER,
    },
    branch: ORDERS_BRANCH,
  });
}
