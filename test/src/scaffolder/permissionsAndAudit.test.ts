import { eventually } from '../e2e/eventually';
import { BareRepo } from './bareRepo';
import { writeFileSync } from 'fs';
import { join } from 'path';
import {
  clusterChangeEvents,
  succeededClusterChange,
} from './clusterChangeAudit';
import { clusterValues, ORDERS_BRANCH, ORDERS_FOLDER } from './clusterValues';
import {
  OTHER_TEMPLATE_REF,
  PermissionBackend,
  startPermissionBackend,
} from './permissionBackend';
import { stepStatus } from './scaffolderClient';

/**
 * kafkaConnect.permissions.templateGroups with the demo portal's policy module, the real
 * permission backend, the real catalog and the real scaffolder: only members of the named
 * groups may run the Kafka Connect templates; the rest of the portal is as before. And the
 * audit event kafka-connect-cluster-change, as Backstage's default auditor writes it to the
 * backend's log.
 */

const ALICE = 'user:default/alice'; // in data-platform and orders: may run them
const OLGA = 'user:default/olga'; // in orders only: may not
const KAFKA_CONNECT_TEMPLATE =
  '/entities/by-name/template/default/kafka-connect-cluster';

jest.setTimeout(120_000);

describe('who may run the Kafka Connect templates (kafkaConnect.permissions.templateGroups)', () => {
  let repo: BareRepo;
  let backend: PermissionBackend;

  beforeAll(async () => {
    repo = BareRepo.create();
    backend = await startPermissionBackend({
      repository: repo.path,
      users: { alice: ['data-platform', 'orders'], olga: ['orders'] },
      templateGroups: ['group:default/data-platform'],
    });
    // The catalog reads its locations once started: wait until it serves what the tests use.
    await eventually(
      'the catalog serving the users and templates',
      60_000,
      async () => {
        const served = await Promise.all([
          backend.catalogGet(KAFKA_CONNECT_TEMPLATE, ALICE),
          backend.catalogGet('/entities/by-name/template/default/hello', OLGA),
          backend.catalogGet('/entities/by-name/user/default/olga', OLGA),
          backend.catalogGet('/entities/by-name/user/default/alice', ALICE),
        ]);
        return served.every(status => status === 200) || undefined;
      },
    );
  });

  afterAll(async () => {
    await backend?.stop();
    repo?.remove();
  });

  it('refuses a user outside the groups at task creation: no task, nothing pushed', async () => {
    const snapshot = repo.snapshot();
    const created = await backend.createTask(
      clusterValues({ owner: 'group:default/orders' }),
      { as: OLGA },
    );
    // The catalog does not show the template to this user, so the scaffolder cannot find it.
    expect({ status: created.status, error: created.body.error }).toEqual({
      status: 404,
      error: {
        name: 'NotFoundError',
        message: 'Template template:default/kafka-connect-cluster not found',
      },
    });
    const tasks = await backend.get(
      `/v2/tasks?createdBy=${encodeURIComponent(OLGA)}`,
    );
    expect(tasks.status).toBe(200);
    expect(tasks.body.tasks).toEqual([]);
    // The scaffolder's own audit event says who was refused which template.
    expect(
      backend.log
        .auditEvents('task')
        .filter(e => e.actorId === OLGA && e.status === 'failed'),
    ).toEqual([
      expect.objectContaining({
        plugin: 'scaffolder',
        meta: {
          actionType: 'create',
          templateRef: 'template:default/kafka-connect-cluster',
        },
        error: 'Template template:default/kafka-connect-cluster not found',
      }),
    ]);
    expect(repo.snapshot()).toEqual(snapshot);
  });

  it('hides the Kafka Connect templates from that user in the catalog, not the others', async () => {
    expect(await backend.catalogGet(KAFKA_CONNECT_TEMPLATE, OLGA)).toBe(404);
    expect(
      await backend.catalogGet(
        '/entities/by-name/template/default/hello',
        OLGA,
      ),
    ).toBe(200);
  });

  it('lets that user run any other template', async () => {
    const result = await backend.run(
      { name: 'Olga' },
      { as: OLGA, templateRef: OTHER_TEMPLATE_REF },
    );
    expect(result.status).toBe('completed');
    expect(result.log).toContain('Hello Olga');
  });

  it("refuses the module's actions to that user in a template sent with the request (dry run)", async () => {
    const { status, body } = await backend.dryRun(clusterValues(), {
      as: OLGA,
    });
    expect({ status, error: body.error }).toEqual({
      status: 403,
      error: {
        name: 'NotAllowedError',
        message:
          'Unauthorized action: kafka-connect:render. The action is not allowed.',
      },
    });
  });

  it('lets a member run the Kafka Connect template, and audits who pushed which cluster where', async () => {
    const result = await backend.run(clusterValues(), { as: ALICE });
    expect({ status: result.status, error: result.error }).toEqual({
      status: 'completed',
      error: undefined,
    });
    expect(repo.branches()).toContain(ORDERS_BRANCH);

    const record = {
      user: ALICE,
      taskId: result.id,
      templateRef: 'template:default/kafka-connect-cluster',
      cluster: {
        name: 'orders-cdc',
        namespace: 'streaming',
        owner: 'group:default/orders',
        folder: ORDERS_FOLDER,
      },
      destination: {
        type: 'local',
        repository: repo.path,
        branch: ORDERS_BRANCH,
      },
    };
    expect(clusterChangeEvents(backend.log, result.id)).toEqual(
      succeededClusterChange(record, {
        commit: repo.head(ORDERS_BRANCH),
        changed: true,
      }),
    );
  });

  it('audits a push the repository refuses as a failure', async () => {
    const hook = join(repo.path, 'hooks', 'pre-receive');
    writeFileSync(
      hook,
      '#!/bin/sh\necho "frozen for the audit" >&2\nexit 1\n',
      {
        mode: 0o755,
      },
    );
    const result = await backend.run(clusterValues({ name: 'refused-cdc' }), {
      as: ALICE,
    });
    writeFileSync(hook, '#!/bin/sh\nexit 0\n', { mode: 0o755 });

    expect(result.status).toBe('failed');
    expect(stepStatus(result, 'push')).toBe('failed');
    const events = clusterChangeEvents(backend.log, result.id);
    expect(events.map(e => e.status)).toEqual(['initiated', 'failed']);
    expect(events[1]).toMatchObject({
      meta: {
        user: ALICE,
        cluster: { name: 'refused-cdc', namespace: 'streaming' },
        destination: { type: 'local', branch: 'kafka-connect/refused-cdc' },
      },
      error: expect.stringContaining('frozen for the audit'),
    });
  });

  it("still refuses a member's forged owner at the render step, posted straight to the API", async () => {
    const snapshot = repo.snapshot();
    const result = await backend.run(
      clusterValues({ name: 'claimed', owner: 'group:default/payments' }),
      { as: ALICE },
    );
    expect(result.status).toBe('failed');
    expect(stepStatus(result, 'render')).toBe('failed');
    expect(stepStatus(result, 'push')).toBe('skipped');
    expect(result.error?.message).toMatch(
      /^owner: user:default\/alice is not a member of group:default\/payments, /,
    );
    expect(repo.snapshot()).toEqual(snapshot);
    // Nothing was pushed, so no cluster change was audited.
    expect(clusterChangeEvents(backend.log, result.id)).toEqual([]);
  });
});
