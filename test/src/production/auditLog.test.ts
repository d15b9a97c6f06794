import { auditEventsInLog } from './auditLog';

/**
 * The parser of audit events in a replica's output, on lines in the format of Backstage's
 * development console logger (governance.test.ts reads real ones).
 */

const T = '2025-11-30T18:00:00.000Z';

describe('auditEventsInLog', () => {
  it('reads the fields of an audit line, and leaves the other lines', () => {
    const log = [
      `${T} catalog info Processed 3 entities type="plugin"`,
      `${T} scaffolder info scaffolder.kafka-connect-cluster-change isAuditEvent=true eventId="kafka-connect-cluster-change" severityLevel="medium" actor={"actorId":"plugin:scaffolder"} request=undefined meta={"user":"user:default/guest","note":"a value with x=1 in it"} status="initiated"`,
      `${T} rootHttpRouter info GET /api 200 type="incomingRequest"`,
    ].join('\n');
    expect(auditEventsInLog(log)).toEqual([
      {
        plugin: 'scaffolder',
        eventId: 'kafka-connect-cluster-change',
        status: 'initiated',
        severityLevel: 'medium',
        actorId: 'plugin:scaffolder',
        meta: { user: 'user:default/guest', note: 'a value with x=1 in it' },
        error: undefined,
      },
    ]);
  });

  it('reads the error of a failed event from its message, over several lines, and filters by event id', () => {
    const log = [
      `${T} scaffolder info scaffolder.task The values break 2 rules:`,
      'namespace: billing is not allowed',
      `replicas: 1 is too few isAuditEvent=true eventId="task" severityLevel="medium" actor={"actorId":"plugin:scaffolder"} meta={"taskId":"t1"} status="failed" stack="Error: ...\\n    at x (y.js:1:1)"`,
      'output of another program',
      `${T} scaffolder info scaffolder.task isAuditEvent=true eventId="task" severityLevel="medium" actor={} meta={"taskId":"t2"} status="initiated"`,
      `${T} scaffolder info scaffolder.other isAuditEvent=true eventId="other" severityLevel="low" status="initiated"`,
    ].join('\n');
    expect(
      auditEventsInLog(log, 'task').map(e => [
        e.meta?.taskId,
        e.status,
        e.error,
      ]),
    ).toEqual([
      [
        't1',
        'failed',
        'The values break 2 rules:\nnamespace: billing is not allowed\nreplicas: 1 is too few',
      ],
      ['t2', 'initiated', undefined],
    ]);
  });
});
