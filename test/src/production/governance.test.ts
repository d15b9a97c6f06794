import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { eventually } from '../e2e/eventually';
import { AuditLine } from '../scaffolder/capturedLog';
import { clusterValues } from '../scaffolder/clusterValues';
import { TEMPLATE_REF } from '../scaffolder/scaffolderClient';
import { auditEventsInLog } from './auditLog';
import { catalogWithEntities } from './extraCatalog';
import { queryPostgres } from './postgresQuery';
import {
  ProductionReplicas,
  startProductionReplicas,
} from './productionHarness';
import { EndedTask, replicaClusterValues, ReplicaTasks } from './replicaTasks';

/**
 * Who may create clusters, with what, and the record of who did, on the production profile:
 * two replicas of the demo backend on one PostgreSQL server, with the demo's permission policy
 * (kafkaConnect.permissions.templateGroups: data-platform), a policy file on the shared GitOps
 * repository (kafkaConnect.policy.gitopsPath) and Backstage's default auditor writing to each
 * replica's own output.
 *
 * Two users, one set of replicas (a start costs up to a minute of this machine). The demo signs
 * in with the guest provider only, whose user is a setting of each backend: the first replica
 * signs its guests in as user:default/guest (in data-platform), the second as
 * user:default/olga (in orders only, from a catalog file of this test). That is the one
 * difference between the replicas, and it stands for what differs in a real deployment outside
 * Backstage: who signs in at the identity provider. Both resolve the user from the shared
 * catalog, keep the user's groups in the shared database and accept each other's tokens, so
 * each user is sent to both replicas below.
 */

jest.setTimeout(20 * 60_000);

const MEMBER = 'user:default/guest';
const OUTSIDER = 'user:default/olga';
const POLICY_PATH = 'policy/kafka-connect-policy.yaml';
const CHANGE_EVENT = 'kafka-connect-cluster-change';

/** The platform's policy: data-platform's clusters in `streaming`, two replicas in prod. */
const POLICY = {
  apiVersion: 'connect-skeleton/policy/v1',
  kind: 'KafkaConnectPolicy',
  namespaces: [
    { owner: 'group:default/data-platform', allowed: ['streaming'] },
  ],
  environments: { prod: { replicas: { min: 2 } } },
};

describe('permissions, policy and audit on two replicas sharing PostgreSQL', () => {
  let servers: ProductionReplicas;
  let tasks: ReplicaTasks;
  let catalogDir: string;
  let memberToken: string;
  let outsiderToken: string;

  beforeAll(async () => {
    catalogDir = mkdtempSync(join(tmpdir(), 'kafka-connect-governance-'));
    const catalog = catalogWithEntities(catalogDir, [
      {
        kind: 'User',
        metadata: { name: 'olga' },
        spec: { memberOf: ['orders'] },
      },
      {
        kind: 'Group',
        metadata: { name: 'orders' },
        spec: { type: 'team', children: [] },
      },
    ]);
    servers = await startProductionReplicas({
      extraConfig: {
        catalog,
        kafkaConnect: { policy: { gitopsPath: POLICY_PATH } },
      },
      repositoryFiles: {
        'README.md': '# GitOps\n',
        [POLICY_PATH]: stringify(POLICY),
      },
      perReplica: [
        undefined,
        {
          config: {
            auth: {
              providers: {
                guest: {
                  userEntityRef: OUTSIDER,
                  // Only until the catalog has read olga (app-config.yaml's fallback names
                  // the demo guest's groups, data-platform among them).
                  ownershipEntityRefs: [OUTSIDER],
                },
              },
            },
          },
          readyEntities: ['user/default/olga'],
        },
      ],
    });
    tasks = new ReplicaTasks(servers.replicas);
    memberToken = await servers.replicas[0].guestToken();
  });

  afterAll(async () => {
    await servers?.stop();
    if (catalogDir) rmSync(catalogDir, { recursive: true, force: true });
  });

  /** The audit events of both replicas' output (a task runs on either). */
  const auditEvents = (eventId: string) =>
    servers.replicas.flatMap(r => auditEventsInLog(r.log(), eventId));

  /** Waits (bounded) until `select` finds events: a replica writes its output a little later. */
  const auditedEvents = (
    what: string,
    eventId: string,
    select: (event: AuditLine) => boolean,
    count: number,
  ) =>
    eventually(what, 60_000, async () => {
      const found = auditEvents(eventId).filter(select);
      return found.length >= count ? found : undefined;
    });

  const stepStatus = (task: EndedTask, stepId: string) =>
    task.events
      .filter(e => e.body.stepId === stepId && e.body.status)
      .map(e => e.body.status)
      .pop();

  const tasksCreatedBy = (user: string) =>
    queryPostgres(
      servers.postgres,
      'backstage_plugin_scaffolder',
      `select count(*) from tasks where created_by = '${user}'`,
    )[0][0];

  it('signs the outsider in on the second replica as the catalog user, with its groups, on either replica', async () => {
    const userInfo = async (replica: number, token: string) => {
      const response = await fetch(
        `${servers.replicas[replica].url}/api/auth/v1/userinfo`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      return (await response.json()) as { claims: Record<string, unknown> };
    };
    // What the permission policy reads of a user (the user info service asks the auth
    // plugin): the groups the catalog gives, once it has read olga.
    outsiderToken = await eventually(
      "the outsider's sign-in through the catalog",
      2 * 60_000,
      async () => {
        const token = await servers.replicas[1].guestToken();
        const { claims } = await userInfo(1, token);
        return (claims.ent as string[]).includes('group:default/orders')
          ? token
          : undefined;
      },
    );
    for (const replica of [0, 1]) {
      const { claims } = await userInfo(replica, outsiderToken);
      expect({ sub: claims.sub, ent: sorted(claims.ent) }).toEqual({
        sub: OUTSIDER,
        ent: ['group:default/orders', OUTSIDER],
      });
    }
    const { claims } = await userInfo(1, memberToken);
    expect({ sub: claims.sub, ent: sorted(claims.ent) }).toEqual({
      sub: MEMBER,
      ent: ['group:default/data-platform', 'group:default/guests', MEMBER],
    });
  });

  it('refuses the outsider at task creation on both replicas, while a member completes a task through the other one, and audits both', async () => {
    const outsiderValues = clusterValues({
      name: 'governance-outsider',
      owner: 'group:default/orders',
    });
    for (const replica of servers.replicas) {
      const refused = await tasks.call(
        replica,
        'POST',
        '/v2/tasks',
        { templateRef: TEMPLATE_REF, values: outsiderValues },
        outsiderToken,
      );
      // The catalog hides the template from the outsider, so the scaffolder finds none.
      const { name, message } = refused.body.error ?? {};
      expect({ status: refused.status, error: { name, message } }).toEqual({
        status: 404,
        error: {
          name: 'NotFoundError',
          message: `Template ${TEMPLATE_REF} not found`,
        },
      });
    }

    // The refusal is the permission policy's: the catalog serves the template to the member only.
    const template = `${servers.replicas[0].url}/api/catalog/entities/by-name/template/default/kafka-connect-cluster`;
    const templateStatus = async (token: string) =>
      (await fetch(template, { headers: { authorization: `Bearer ${token}` } }))
        .status;
    expect({
      outsider: await templateStatus(outsiderToken),
      member: await templateStatus(memberToken),
    }).toEqual({ outsider: 404, member: 200 });

    const id = await tasks.create(
      servers.replicas[0],
      replicaClusterValues('governance-member'),
      memberToken,
    );
    const task = await tasks.waitForEnd(id);
    expect({ status: task.status, error: task.error }).toEqual({
      status: 'completed',
      error: undefined,
    });
    const branch = 'kafka-connect/governance-member';

    // No task row for the outsider in the shared database, no branch; the member's one of each.
    expect(tasksCreatedBy(OUTSIDER)).toBe('0');
    expect(tasksCreatedBy(MEMBER)).toBe('1');
    expect(
      servers.repo.branches().filter(b => b.startsWith('kafka-connect/')),
    ).toEqual([branch]);
    expect(servers.repo.commitCount(branch)).toBe(2);

    // Each replica that refused the outsider recorded it, naming the user (the scaffolder's
    // own task event: no cluster was changed).
    for (const replica of servers.replicas) {
      expect(
        auditEventsInLog(replica.log(), 'task').filter(
          e => e.actorId === OUTSIDER,
        ),
      ).toEqual([
        {
          plugin: 'scaffolder',
          eventId: 'task',
          status: 'initiated',
          severityLevel: 'medium',
          actorId: OUTSIDER,
          meta: { actionType: 'create', templateRef: TEMPLATE_REF },
          error: undefined,
        },
        {
          plugin: 'scaffolder',
          eventId: 'task',
          status: 'failed',
          severityLevel: 'medium',
          actorId: OUTSIDER,
          meta: { actionType: 'create', templateRef: TEMPLATE_REF },
          error: `Template ${TEMPLATE_REF} not found`,
        },
      ]);
    }
    expect(
      auditEvents(CHANGE_EVENT).filter(e => e.meta?.user === OUTSIDER),
    ).toEqual([]);

    // The member's cluster change: who, which cluster, where, which commit.
    const record = {
      user: MEMBER,
      taskId: id,
      templateRef: TEMPLATE_REF,
      cluster: {
        name: 'governance-member',
        namespace: 'streaming',
        owner: 'group:default/data-platform',
        folder: 'clusters/prod/governance-member',
      },
      destination: {
        type: 'local',
        repository: servers.repo.path,
        branch,
      },
    };
    const change = await auditedEvents(
      "the member's cluster change",
      CHANGE_EVENT,
      e => e.meta?.taskId === id,
      2,
    );
    expect(change).toEqual([
      {
        plugin: 'scaffolder',
        eventId: CHANGE_EVENT,
        status: 'initiated',
        severityLevel: 'medium',
        actorId: 'plugin:scaffolder',
        meta: record,
        error: undefined,
      },
      {
        plugin: 'scaffolder',
        eventId: CHANGE_EVENT,
        status: 'succeeded',
        severityLevel: 'medium',
        actorId: 'plugin:scaffolder',
        meta: {
          ...record,
          commit: servers.repo.head(branch),
          changed: true,
        },
        error: undefined,
      },
    ]);
  });

  it("fails the render step with the policy's message and pushes nothing, on whichever replica runs it", async () => {
    const snapshot = servers.repo.snapshot();
    // Sent to the second replica with the member's token from the first.
    const violating = await tasks.create(
      servers.replicas[1],
      {
        ...replicaClusterValues('governance-policy'),
        namespace: 'billing',
        replicas: 1,
      },
      memberToken,
    );
    const task = await tasks.waitForEnd(violating);
    const message = [
      `The Kafka Connect values break 2 rules of the platform's policy (${POLICY_PATH} on branch main of ${servers.repo.path}):`,
      'namespace: billing is not one of the namespaces the policy allows group:default/data-platform (policy namespaces[0].allowed): streaming',
      "replicas: 1 is below the policy's minimum of 2 for environment prod (policy environments.prod.replicas.min)",
    ];
    expect(task.status).toBe('failed');
    expect(task.error?.message.split('\n')).toEqual(message);
    expect(stepStatus(task, 'render')).toBe('failed');
    expect(stepStatus(task, 'push')).toBe('skipped');
    // The render step's own log shows each line, not a stack trace.
    const renderLog = task.events
      .filter(e => e.body.stepId === 'render')
      .map(e => e.body.message ?? '')
      .join('\n');
    for (const line of message) expect(renderLog).toContain(line);
    expect(renderLog).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
    expect(servers.repo.snapshot()).toEqual(snapshot);

    // Nothing was pushed, so no cluster change is recorded; the scaffolder's task event
    // records the failed run, who asked for it and the error.
    const [failed] = await auditedEvents(
      'the failed task',
      'task',
      e => e.meta?.taskId === violating && e.status === 'failed',
      1,
    );
    expect(failed).toMatchObject({
      plugin: 'scaffolder',
      actorId: 'plugin:scaffolder',
      meta: {
        actionType: 'execution',
        createdBy: MEMBER,
        taskId: violating,
        templateRef: TEMPLATE_REF,
        taskParameters: expect.objectContaining({
          name: 'governance-policy',
          namespace: 'billing',
        }),
      },
    });
    expect(failed.error?.split('\n')).toEqual(message);
    expect(
      auditEvents(CHANGE_EVENT).filter(e => e.meta?.taskId === violating),
    ).toEqual([]);
  });
});

function sorted(refs: unknown): string[] {
  return [...(refs as string[])].sort();
}
