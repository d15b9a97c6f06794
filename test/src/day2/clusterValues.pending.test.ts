import { mockCredentials } from '@backstage/backend-test-utils';
import {
  ClusterValues,
  kafkaConnectClusterValuesPlugin,
} from '@connect-skeleton/plugin-scaffolder-backend-module-kafka-connect';
import { CHANGE_BRANCH_PREFIX } from '@connect-skeleton/plugin-kafka-connect-common';
import { execFileSync } from 'node:child_process';
import {
  ScaffolderSuite,
  useScaffolderSuite,
} from '../scaffolder/scaffolderSuite';
import { expectCompleted } from '../scaffolder/taskExpectations';
import { DEFAULT_USER, userEntity } from '../scaffolder/testBackend';
import { CHANGE_TEMPLATE, clusterEntity, DAY2_FEATURES } from './clusterFolder';
import {
  BRANCH,
  changeOrdersSink,
  ENTITY,
  FILES,
  FOLDER,
  SEED,
} from './ordersSinkChange';
import {
  GITHUB_BLOB_URL,
  GITLAB_BLOB_URL,
  ordersSinkOnGitHub,
  ordersSinkOnGitLab,
  useOrdersSinkOnForge,
} from './ordersSinkSuite';
import { FIRST_CHANGE, FIRST_RENDER } from './pendingChange';

/**
 * The change form's backend says, before Create, when a change of the cluster is pending on
 * its change branch (not merged), which the change made now will replace: GET
 * /api/kafka-connect/clusters/values reads the branch as kafka-connect:read-pending-change
 * does, on each destination. The pending change here is a real one, made by the change
 * template on the same backend.
 */

jest.setTimeout(90_000);

const ALICE = 'user:default/alice'; // in orders only, not in data-platform (the owner)
const USERS = [
  userEntity(DEFAULT_USER, ['orders', 'data-platform']),
  userEntity(ALICE, ['orders']),
];

type Answer = ClusterValues & { error?: { name: string; message: string } };

async function clusterValues(
  suite: ScaffolderSuite,
  as: string = DEFAULT_USER,
): Promise<{ status: number; body: Answer }> {
  const response = await fetch(
    `${
      suite.scaffolder.baseUrl
    }/api/kafka-connect/clusters/values?entityRef=${encodeURIComponent(
      ENTITY,
    )}`,
    { headers: { Authorization: mockCredentials.user.header(as) } },
  );
  return { status: response.status, body: (await response.json()) as Answer };
}

/** The change template's first change of orders-sink: it leaves the branch unmerged. */
async function firstChange(suite: ScaffolderSuite) {
  expectCompleted(
    await changeOrdersSink(suite.scaffolder, { changes: FIRST_CHANGE }),
  );
}

function pendingTests(suite: () => ScaffolderSuite) {
  it('says nothing of a pending change while the cluster has no change branch', async () => {
    const { status, body } = await clusterValues(suite());
    expect(status).toBe(200);
    expect(body.repositoryPath).toBe(FOLDER);
    expect(body.pending).toBeUndefined();
    expect(body.pendingNotChecked).toBeUndefined();
  });

  it("names the change branch and its files once a change is pending there, from the same branch rule as the template's", async () => {
    await firstChange(suite());
    const { status, body } = await clusterValues(suite());
    expect(status).toBe(200);
    expect(BRANCH.startsWith(CHANGE_BRANCH_PREFIX)).toBe(true);
    expect(body.pending).toEqual({
      branch: BRANCH,
      files: Object.keys(FIRST_RENDER).sort(),
    });
    expect(body.pendingNotChecked).toBeUndefined();
  });

  it('tells a user who may not change the cluster nothing of its branch', async () => {
    const { status, body } = await clusterValues(suite(), ALICE);
    expect(status).toBe(403);
    expect(body.pending).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain(BRANCH);
  });
}

describe('GET /api/kafka-connect/clusters/values: a pending change, local GitOps repository', () => {
  const suite = useScaffolderSuite({
    seed: SEED,
    users: USERS,
    features: [kafkaConnectClusterValuesPlugin, ...DAY2_FEATURES],
    templatePaths: [CHANGE_TEMPLATE],
    entities: repository => [
      clusterEntity(repository, FOLDER, FILES['catalog-info.yaml']),
    ],
  });
  pendingTests(() => suite);

  it('says nothing again once the branch is gone (merged, its branch removed)', async () => {
    execFileSync('git', ['branch', '-D', BRANCH], { cwd: suite.repo.path });
    const { status, body } = await clusterValues(suite);
    expect(status).toBe(200);
    expect(body.pending).toBeUndefined();
  });
});

describe('GET /api/kafka-connect/clusters/values: a pending change, GitHub', () => {
  const github = ordersSinkOnGitHub();
  const { suite } = useOrdersSinkOnForge(github, GITHUB_BLOB_URL, {
    users: USERS,
    features: [kafkaConnectClusterValuesPlugin],
  });
  pendingTests(() => suite);
});

describe('GET /api/kafka-connect/clusters/values: a pending change, GitLab', () => {
  const gitlab = ordersSinkOnGitLab();
  const { suite } = useOrdersSinkOnForge(gitlab, GITLAB_BLOB_URL, {
    users: USERS,
    features: [kafkaConnectClusterValuesPlugin],
  });
  pendingTests(() => suite);
});

describe('GET /api/kafka-connect/clusters/values with scaffolder.requireScmUserCredentials on, GitHub', () => {
  const github = ordersSinkOnGitHub();
  // A change branch is there (as main): the form, which has no token of the user's, must not
  // read it with the integration's.
  github.refs.set(BRANCH, github.refs.get('main')!);
  const { suite } = useOrdersSinkOnForge(github, GITHUB_BLOB_URL, {
    config: { scaffolder: { requireScmUserCredentials: true } },
    features: [kafkaConnectClusterValuesPlugin],
  });

  it('does not read the change branch, and says so', async () => {
    const seen = github.calls.length;
    const { status, body } = await clusterValues(suite);
    expect(status).toBe(200);
    expect(body.pending).toBeUndefined();
    expect(body.pendingNotChecked).toBe(
      `Whether a change of the cluster is pending on branch ${BRANCH} was not checked: scaffolder.requireScmUserCredentials is on, and the form has no token of yours to read the repository with. The task checks it with your access token, and its request says whether it replaces a pending change.`,
    );
    // The values only: connect-cluster.yaml, Chart.yaml (raw, with the commit's status).
    expect(
      github.calls.slice(seen).filter(c => c === 'repos/get-content'),
    ).toHaveLength(2);
  });
});
