import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  ClusterValues,
  gitopsUrlReaderServiceFactory,
  kafkaConnectClusterValuesPlugin,
} from '@connect-skeleton/plugin-scaffolder-backend-module-kafka-connect';
import { parse } from 'yaml';
import { fullValues } from '../fixtures/fullValues';
import { BareRepo } from '../scaffolder/bareRepo';
import { fakeCatalog } from '../scaffolder/fakeCatalog';
import { userEntity } from '../scaffolder/testBackend';
import { clusterEntity, inFolder, renderedFiles } from './clusterFolder';

/**
 * The change form's backend: GET /api/kafka-connect/clusters/values?entityRef=… reads a
 * cluster's connect-cluster.yaml from the GitOps repository through Backstage's URL reader (as
 * kafka-connect:read-cluster does), for a signed-in user who may act for its owner.
 */

jest.setTimeout(60_000);

const HELM = 'clusters/staging/orders-sink';
const KUSTOMIZE = 'clusters/prod/billing';
const VALUES = fullValues('0.51.0');
const HELM_FILES = renderedFiles(VALUES);
const KUSTOMIZE_FILES = renderedFiles(
  { ...VALUES, name: 'billing', namespace: 'prod' },
  'kustomize',
);
const HELM_REF = 'resource:default/orders-sink-staging';
const KUSTOMIZE_REF = 'resource:default/billing-staging'; // the environment is staging

const MEMBER = 'user:default/mock';
const ALICE = 'user:default/alice'; // in orders only, not in data-platform (the owner)

describe('GET /api/kafka-connect/clusters/values', () => {
  let repo: BareRepo;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  const get = async (entityRef: string | undefined, as?: string | null) => {
    const query = entityRef
      ? `?entityRef=${encodeURIComponent(entityRef)}`
      : '';
    const headers: Record<string, string> = {};
    // null: a caller with no credentials (the test backend takes no header as the mock user).
    headers.Authorization =
      as === null
        ? mockCredentials.none.header()
        : mockCredentials.user.header(as ?? MEMBER);
    const response = await fetch(
      `http://localhost:${backend.server.port()}/api/kafka-connect/clusters/values${query}`,
      { headers },
    );
    return {
      status: response.status,
      body: (await response.json()) as ClusterValues & {
        error?: { name: string; message: string };
      },
    };
  };

  beforeAll(async () => {
    repo = BareRepo.create({
      'README.md': '# GitOps\n',
      ...inFolder(HELM, HELM_FILES),
      ...inFolder(KUSTOMIZE, KUSTOMIZE_FILES),
    });
    const catalog = fakeCatalog([
      userEntity(MEMBER, ['orders', 'data-platform']),
      userEntity(ALICE, ['orders']),
      clusterEntity(repo.path, HELM, HELM_FILES['catalog-info.yaml']),
      clusterEntity(repo.path, KUSTOMIZE, KUSTOMIZE_FILES['catalog-info.yaml']),
    ]);
    backend = await startTestBackend({
      features: [
        kafkaConnectClusterValuesPlugin,
        gitopsUrlReaderServiceFactory,
        catalog.feature,
        mockServices.rootConfig.factory({
          data: {
            kafkaConnect: {
              gitops: { repository: repo.path, defaultBranch: 'main' },
            },
          },
        }),
      ],
    });
  });

  afterAll(async () => {
    await backend?.stop();
    repo?.remove();
  });

  it("gives a member of the owner the cluster's connect-cluster.yaml as the repository holds it, and where it is", async () => {
    const { status, body } = await get(HELM_REF);
    expect(status).toBe(200);
    expect(body.values).toEqual(parse(HELM_FILES['connect-cluster.yaml']));
    expect(body).toMatchObject({
      entityRef: HELM_REF,
      layout: 'helm',
      repositoryPath: HELM,
      destination: 'local',
      owner: 'group:default/data-platform',
    });
    expect(body.valuesUrl).toMatch(
      new RegExp(`^file://.*/${HELM}/connect-cluster\\.yaml$`),
    );
  });

  it("tells the folder's layout by the file only that layout writes", async () => {
    const { status, body } = await get(KUSTOMIZE_REF);
    expect(status).toBe(200);
    expect(body.layout).toBe('kustomize');
    expect(body.values.name).toBe('billing');
  });

  it("refuses a user who may not act for the cluster's owner, naming the owner", async () => {
    const { status, body } = await get(HELM_REF, ALICE);
    expect(status).toBe(403);
    expect(body.error?.name).toBe('NotAllowedError');
    expect(body.error?.message).toContain(
      'is owned by group:default/data-platform, and user:default/alice is not a member of group:default/data-platform',
    );
    expect(body.values).toBeUndefined();
  });

  it('refuses an entity that is no Kafka Connect cluster, an unknown one, and a missing ref', async () => {
    const user = await get(MEMBER);
    expect(user.status).toBe(400);
    expect(user.body.error?.message).toBe(
      'user:default/mock is not a Kafka Connect cluster (a Resource of type kafka-connect-cluster)',
    );
    const unknown = await get('resource:default/nowhere');
    expect(unknown.status).toBe(404);
    const none = await get(undefined);
    expect(none.status).toBe(400);
    expect(none.body.error?.message).toContain('entityRef is required');
  });

  it('answers no one who is not signed in', async () => {
    const { status } = await get(HELM_REF, null);
    expect(status).toBe(401);
  });
});
