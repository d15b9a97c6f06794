import {
  AuditorService,
  AuditorServiceCreateEventOptions,
} from '@backstage/backend-plugin-api';
import { ClusterChangeRecord, PendingClusterChanges } from './audit';

/** An auditor that keeps what it was asked to log, as the default one logs it. */
function recordingAuditor() {
  const logged: { status: string; meta: unknown }[] = [];
  const auditor: AuditorService = {
    async createEvent(options: AuditorServiceCreateEventOptions) {
      logged.push({ status: 'initiated', meta: options.meta });
      return {
        async success(params) {
          logged.push({
            status: 'succeeded',
            meta: { ...options.meta, ...params?.meta },
          });
        },
        async fail(params) {
          logged.push({ status: 'failed', meta: options.meta, ...params });
        },
      };
    },
  };
  return { auditor, logged };
}

const record = (taskId: string, pullRequestUrl?: string) =>
  ({
    user: 'user:default/alice',
    taskId,
    templateRef: 'template:default/kafka-connect-cluster',
    cluster: {
      name: 'orders',
      namespace: 'streaming',
      folder: 'clusters/orders',
    },
    destination: {
      type: 'github',
      repository: 'github.com?owner=acme&repo=gitops',
      branch: 'kafka-connect/orders',
    },
    pullRequestUrl,
  } satisfies ClusterChangeRecord);

describe('PendingClusterChanges', () => {
  it('completes the event the step before the publish opened, adding the request', async () => {
    const { auditor, logged } = recordingAuditor();
    const pending = new PendingClusterChanges(auditor);
    await pending.initiate(record('t1', 'ignored before the publish'));
    await pending.initiate(record('t2'));
    await pending.succeed(
      record('t1', 'https://github.com/acme/gitops/pull/1'),
    );

    const { pullRequestUrl, ...withoutRequest } = record('t1');
    expect(pullRequestUrl).toBeUndefined();
    expect(logged).toEqual([
      { status: 'initiated', meta: withoutRequest },
      { status: 'initiated', meta: { ...withoutRequest, taskId: 't2' } },
      {
        status: 'succeeded',
        meta: {
          ...withoutRequest,
          pullRequestUrl: 'https://github.com/acme/gitops/pull/1',
        },
      },
    ]);
  });

  it('opens and completes an event itself when no step opened one', async () => {
    const { auditor, logged } = recordingAuditor();
    const pending = new PendingClusterChanges(auditor);
    const done = record('t3', 'https://github.com/acme/gitops/pull/3');
    await pending.succeed(done);
    // A second completion of the same publish is its own pair, not the first event again.
    await pending.succeed(done);
    expect(logged.map(l => l.status)).toEqual([
      'initiated',
      'succeeded',
      'initiated',
      'succeeded',
    ]);
    expect(logged[0].meta).toEqual(done);
  });
});
