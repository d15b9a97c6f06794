import { parse } from 'yaml';
import {
  clusterValues,
  ORDERS_BRANCH,
  ORDERS_FOLDER,
  ORDERS_SKELETON_FILES,
} from './clusterValues';
import { useScaffolderSuite } from './scaffolderSuite';
import { stepStatus } from './testBackend';

/**
 * The real template.yaml run by the real scaffolder backend, with values only: the default
 * destination is a branch of the portal's GitOps repository (a bare repository here).
 */

// main already holds another cluster in clusters/prod/payments, of a group the default user
// is in (so kafka-connect:check-ownership lets them on, and the push step's guard is shown).
const PAYMENTS =
  'name: payments\nnamespace: billing\nowner: group:default/data-platform\n';

jest.setTimeout(60_000);

describe('the template with the local GitOps repository', () => {
  const suite = useScaffolderSuite({
    seed: {
      'README.md': '# GitOps\n',
      'clusters/prod/payments/connect-cluster.yaml': PAYMENTS,
    },
  });

  it('pushes branch kafka-connect/<name> with the skeleton under clusters/<environment>/<name>, leaving main alone', async () => {
    const main = suite.repo.head('main');
    const result = await suite.scaffolder.run(clusterValues());

    expect({ status: result.status, error: result.error }).toEqual({
      status: 'completed',
      error: undefined,
    });
    expect(suite.repo.branches()).toEqual([ORDERS_BRANCH, 'main']);
    expect(suite.repo.head('main')).toBe(main);
    expect(suite.repo.commitCount(ORDERS_BRANCH)).toBe(
      suite.repo.commitCount('main') + 1,
    );

    const files = suite.repo.files(ORDERS_BRANCH, ORDERS_FOLDER);
    expect(files).toEqual(expect.arrayContaining(ORDERS_SKELETON_FILES));
    expect(
      files.filter(f => f.startsWith('templates/')).length,
    ).toBeGreaterThan(0);
    // Nothing outside the cluster's folder changed on the branch.
    const outside = [...suite.repo.contents(ORDERS_BRANCH)].filter(
      ([path]) => !path.startsWith(`${ORDERS_FOLDER}/`),
    );
    expect(new Map(outside)).toEqual(suite.repo.contents('main'));

    const committed = parse(
      suite.repo.read(ORDERS_BRANCH, `${ORDERS_FOLDER}/connect-cluster.yaml`),
    );
    expect(committed).toMatchObject({
      name: 'orders-cdc',
      namespace: 'streaming',
      environment: 'prod',
      kafka: { bootstrapServers: 'main-kafka-bootstrap.kafka.svc:9093' },
      replicas: 2,
    });
    const entity = parse(
      suite.repo.read(ORDERS_BRANCH, `${ORDERS_FOLDER}/catalog-info.yaml`),
    );
    expect(entity).toMatchObject({
      kind: 'Resource',
      spec: { owner: 'group:default/orders' },
    });

    expect(result.output?.links).toEqual([
      {
        title: 'The cluster in the catalog (there once the branch is merged)',
        icon: 'catalog',
        entityRef: expect.stringMatching(/^resource:default\/orders-cdc/),
      },
    ]);
    const text = Object.fromEntries(
      (result.output?.text ?? []).map(t => [t.title, t.content]),
    );
    expect(text['What was rendered']).toContain('orders-cdc');
    expect(text['How to get it deployed']).toContain(ORDERS_BRANCH);
    // Says when the catalog link starts to work.
    expect(text['How to get it deployed']).toContain(
      'Until then its catalog page says "Entity not found"',
    );
    // Only the local destination's text: one per title.
    expect(result.output?.text?.map(t => t.title)).toEqual([
      'How to get it deployed',
      'What was rendered',
    ]);
    expect(stepStatus(result, 'pull-request')).toBe('skipped');
    expect(stepStatus(result, 'push')).toBe('completed');
  });

  it('updates the same branch when run again with changed values: one more commit, still one branch', async () => {
    const before = suite.repo.commitCount(ORDERS_BRANCH);
    const result = await suite.scaffolder.run(clusterValues({ replicas: 3 }));

    expect({ status: result.status, error: result.error }).toEqual({
      status: 'completed',
      error: undefined,
    });
    expect(suite.repo.branches()).toEqual([ORDERS_BRANCH, 'main']);
    expect(suite.repo.commitCount(ORDERS_BRANCH)).toBe(before + 1);
    expect(
      parse(
        suite.repo.read(ORDERS_BRANCH, `${ORDERS_FOLDER}/connect-cluster.yaml`),
      ).replicas,
    ).toBe(3);

    // The same values once more: nothing new to commit.
    const again = await suite.scaffolder.run(clusterValues({ replicas: 3 }));
    expect(again.status).toBe('completed');
    expect(suite.repo.commitCount(ORDERS_BRANCH)).toBe(before + 1);
  });

  it('refuses a folder that main holds for another cluster, with a clear message, and changes nothing', async () => {
    const snapshot = suite.repo.snapshot();
    const result = await suite.scaffolder.run(
      clusterValues({ name: 'payments' }),
    );

    expect(result.status).toBe('failed');
    expect(result.error?.message).toContain(
      'The folder clusters/prod/payments on branch main already holds the Kafka Connect cluster billing/payments',
    );
    expect(stepStatus(result, 'render')).toBe('completed');
    expect(stepStatus(result, 'check-ownership')).toBe('completed');
    expect(stepStatus(result, 'push')).toBe('failed');
    expect(suite.repo.snapshot()).toEqual(snapshot);
  });

  it('fails at the render step with one line per bad field, and pushes nothing', async () => {
    const snapshot = suite.repo.snapshot();
    // Values the form accepts but the rules refuse: they reach the render step.
    const result = await suite.scaffolder.run(
      clusterValues({
        name: 'orders-bad',
        volumes: [{ name: 'data', mountPath: '/data', emptyDir: {} }],
        connect: { config: { 'bootstrap.servers': 'other:9092' } },
      }),
    );

    expect(result.status).toBe('failed');
    const lines = result.error?.message.split('\n') ?? [];
    expect(lines).toEqual(
      expect.arrayContaining([
        'The Kafka Connect values have 2 problems:',
        expect.stringMatching(/^volumes\[0\]\.mountPath: /),
        expect.stringMatching(/^connect\.config\["bootstrap\.servers"\]: /),
      ]),
    );
    expect(stepStatus(result, 'render')).toBe('failed');
    expect(stepStatus(result, 'push')).toBe('skipped');
    expect(suite.repo.snapshot()).toEqual(snapshot);
  });

  it('puts a cluster without an environment in clusters/<name>, on its own branch', async () => {
    const { environment, ...values } = clusterValues({ name: 'billing-sink' });
    expect(environment).toBe('prod');
    const result = await suite.scaffolder.run(values);

    expect({ status: result.status, error: result.error }).toEqual({
      status: 'completed',
      error: undefined,
    });
    expect(suite.repo.branches()).toContain('kafka-connect/billing-sink');
    expect(
      suite.repo.files('kafka-connect/billing-sink', 'clusters/billing-sink'),
    ).toContain('connect-cluster.yaml');
    expect(
      suite.repo.files('kafka-connect/billing-sink', 'clusters/prod'),
    ).not.toContain('billing-sink/connect-cluster.yaml');
  });

  it('reads no GitHub or GitLab repository the form still holds from before the switch to local', async () => {
    // The form keeps what was typed for a forge when the user goes back to the local destination.
    const result = await suite.scaffolder.run({
      ...clusterValues({ name: 'switched-back' }),
      destination: {
        type: 'local',
        githubRepoUrl: 'github.com?owner=acme&repo=gitops',
        gitlabRepoUrl: 'gitlab.com?owner=acme&repo=gitops',
      },
    });

    expect({ status: result.status, error: result.error }).toEqual({
      status: 'completed',
      error: undefined,
    });
    expect(suite.repo.branches()).toContain('kafka-connect/switched-back');
    expect(stepStatus(result, 'check-ownership')).toBe('completed');
    // The ownership check was handed no repository it would have to ignore.
    expect(result.log).not.toContain('is not read');
  });

  it('refuses values that break the form constraints before any step runs', async () => {
    const snapshot = suite.repo.snapshot();
    const created = await suite.scaffolder.createTask(
      clusterValues({ name: 'Orders_CDC' }),
    );
    expect(created.status).toBe(400);
    expect(JSON.stringify(created.body)).toContain('name');
    expect(suite.repo.snapshot()).toEqual(snapshot);
  });
});
