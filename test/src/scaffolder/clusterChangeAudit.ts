import { AuditLine, CapturedLog } from './capturedLog';

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
