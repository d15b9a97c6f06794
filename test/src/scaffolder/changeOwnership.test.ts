import { parse } from 'yaml';
import { clusterValues } from './clusterValues';
import { GitHubDescription } from './githubDescription';
import { GitHubFake } from './githubFake';
import { GitLabFake } from './gitlabFake';
import { useScaffolderSuite } from './scaffolderSuite';
import {
  GITHUB_TOKEN,
  GITLAB_TOKEN,
  stepStatus,
  TaskResult,
  userEntity,
} from './testBackend';

/**
 * Issue 15: changing a cluster that is already in the GitOps repository needs the right to act
 * for its owner. Another team's cluster sits on the default branch; a user outside that team
 * runs the real template with its name and namespace and an owner of their own, through the
 * real backend, for each destination: the task fails before anything is pushed, and nothing
 * reaches the repository or the forge. A member of the owning team changes it as before; a
 * member of both teams moves it to the other.
 */

jest.setTimeout(60_000);

const ALICE = 'user:default/alice'; // in orders only
const PAM = 'user:default/pam'; // in payments
const BOB = 'user:default/bob'; // in payments and orders
const USERS = [
  userEntity(ALICE, ['orders']),
  userEntity(PAM, ['payments']),
  userEntity(BOB, ['payments', 'orders']),
];

/** The payments team's cluster, as its values file sits on main. */
const FOLDER = 'clusters/prod/payments-cdc';
const BRANCH = 'kafka-connect/payments-cdc';
const SEED = {
  'README.md': '# GitOps\n',
  [`${FOLDER}/connect-cluster.yaml`]:
    'name: payments-cdc\nnamespace: billing\nowner: group:default/payments\nreplicas: 1\n',
};

/** The same cluster, as the form sends it, with the owner the caller picks. */
const paymentsCluster = (owner: string, more: Record<string, unknown> = {}) =>
  clusterValues({ name: 'payments-cdc', namespace: 'billing', owner, ...more });

const REFUSAL = (repository: string) =>
  `The Kafka Connect cluster billing/payments-cdc in ${FOLDER} on branch main of ${repository} is owned by group:default/payments, and user:default/alice is not a member of group:default/payments, so it cannot change that cluster: ask a member of group:default/payments to make the change, or a platform engineer`;

function expectRefusedBeforePublishing(
  result: TaskResult,
  repository: string,
  publishSteps: string[],
) {
  expect(result.status).toBe('failed');
  expect(result.error?.name).toBe('NotAllowedError');
  expect(result.error?.message).toBe(REFUSAL(repository));
  expect(stepStatus(result, 'render')).toBe('completed');
  expect(stepStatus(result, 'check-ownership')).toBe('failed');
  for (const step of publishSteps)
    expect([undefined, 'skipped']).toContain(stepStatus(result, step));
}

function expectCompleted(result: TaskResult) {
  expect({ status: result.status, error: result.error }).toEqual({
    status: 'completed',
    error: undefined,
  });
}

describe('changing an existing cluster, local GitOps repository', () => {
  const suite = useScaffolderSuite({ seed: SEED, users: USERS });

  it("refuses another team's cluster under an owner of one's own, before any push", async () => {
    const snapshot = suite.repo.snapshot();
    const result = await suite.scaffolder.run(
      paymentsCluster('group:default/orders'),
      { as: ALICE },
    );
    expectRefusedBeforePublishing(result, suite.repo.path, ['push']);
    expect(suite.repo.snapshot()).toEqual(snapshot);
  });

  it('refuses the same in a dry run (the template editor)', async () => {
    const { status, body } = await suite.scaffolder.dryRun(
      paymentsCluster('group:default/orders'),
      { as: ALICE },
    );
    expect(status).toBe(403);
    expect(body.error?.message).toBe(REFUSAL(suite.repo.path));
  });

  it('lets a member of the owning team change it as before', async () => {
    const result = await suite.scaffolder.run(
      paymentsCluster('group:default/payments', { replicas: 3 }),
      { as: PAM },
    );
    expectCompleted(result);
    const values = parse(
      suite.repo.read(BRANCH, `${FOLDER}/connect-cluster.yaml`),
    );
    expect(values).toMatchObject({
      owner: 'group:default/payments',
      replicas: 3,
    });
  });

  it('lets a member of both teams move it to the other', async () => {
    const result = await suite.scaffolder.run(
      paymentsCluster('group:default/orders'),
      { as: BOB },
    );
    expectCompleted(result);
    expect(
      parse(suite.repo.read(BRANCH, `${FOLDER}/connect-cluster.yaml`)).owner,
    ).toBe('group:default/orders');
  });
});

describe('changing an existing cluster, GitHub destination', () => {
  const github = new GitHubFake(
    GitHubDescription.load(),
    'acme',
    'gitops',
    GITHUB_TOKEN,
    SEED,
  );
  const suite = useScaffolderSuite({
    handlers: github.handlers(),
    users: USERS,
  });
  const toGitHub = (values: Record<string, unknown>) => ({
    ...values,
    destination: {
      type: 'github',
      githubRepoUrl: 'github.com?owner=acme&repo=gitops',
    },
  });

  it("refuses another team's cluster under an owner of one's own: only reads reach GitHub", async () => {
    const refs = new Map(github.refs);
    const result = await suite.scaffolder.run(
      toGitHub(paymentsCluster('group:default/orders')),
      { as: ALICE },
    );
    expectRefusedBeforePublishing(result, 'github.com/acme/gitops', [
      'pull-request',
      'register-github',
    ]);
    // The repository, then the file on main and on the (missing) branch.
    expect(github.calls).toEqual(['repos/get', 'repos/get-content']);
    expect(github.refs).toEqual(refs);
    expect(github.pulls).toEqual([]);
    expect(github.violations).toEqual([]);
    expect(suite.unhandled).toEqual([]);
    expect(suite.scaffolder.locations).toEqual([]);
  });

  it('fails closed when GitHub cannot say what is there, and pushes nothing', async () => {
    const refs = new Map(github.refs);
    github.faults.push({
      operation: 'repos/get-content',
      status: 500,
      body: { message: 'Server Error' },
      times: 1,
    });
    const result = await suite.scaffolder.run(
      toGitHub(paymentsCluster('group:default/payments')),
      { as: PAM },
    );
    expect(result.status).toBe('failed');
    expect(stepStatus(result, 'check-ownership')).toBe('failed');
    expect(result.error?.message).toBe(
      `Could not read ${FOLDER}/connect-cluster.yaml on branch main of GitHub repository github.com/acme/gitops: GitHub answered 500: Server Error`,
    );
    expect(github.refs).toEqual(refs);
    expect(github.pulls).toEqual([]);
  });

  it('lets a member of the owning team change it, and a member of both move it', async () => {
    const change = await suite.scaffolder.run(
      toGitHub(paymentsCluster('group:default/payments', { replicas: 3 })),
      { as: PAM },
    );
    expectCompleted(change);
    expect(github.pulls).toHaveLength(1);
    // With the payments team's pull request open, Alice is still refused; Bob may move it.
    const refused = await suite.scaffolder.run(
      toGitHub(paymentsCluster('group:default/orders')),
      { as: ALICE },
    );
    expect(refused.error?.message).toBe(REFUSAL('github.com/acme/gitops'));
    const move = await suite.scaffolder.run(
      toGitHub(paymentsCluster('group:default/orders')),
      { as: BOB },
    );
    expectCompleted(move);
    expect(
      parse(github.files(BRANCH).get(`${FOLDER}/connect-cluster.yaml`)!).owner,
    ).toBe('group:default/orders');
    expect(github.violations).toEqual([]);
  });
});

describe('changing an existing cluster, GitLab destination', () => {
  const gitlab = new GitLabFake('acme/gitops', GITLAB_TOKEN, SEED);
  const suite = useScaffolderSuite({
    handlers: gitlab.handlers(),
    users: USERS,
  });
  const toGitLab = (values: Record<string, unknown>) => ({
    ...values,
    destination: {
      type: 'gitlab',
      gitlabRepoUrl: 'gitlab.com?owner=acme&repo=gitops',
    },
  });

  it("refuses another team's cluster under an owner of one's own: only reads reach GitLab", async () => {
    const result = await suite.scaffolder.run(
      toGitLab(paymentsCluster('group:default/orders')),
      { as: ALICE },
    );
    expectRefusedBeforePublishing(result, 'GitLab project acme/gitops', [
      'ensure-gitlab-branch',
      'push-gitlab',
      'merge-request',
      'register-gitlab',
    ]);
    expect(gitlab.calls).toEqual([
      'GET /projects/acme%2Fgitops',
      `GET /projects/acme%2Fgitops/repository/files/${encodeURIComponent(
        `${FOLDER}/connect-cluster.yaml`,
      )}`,
    ]);
    expect([...gitlab.branches.keys()]).toEqual(['main']);
    expect(gitlab.branches.get('main')).toHaveLength(1);
    expect(gitlab.mergeRequests).toEqual([]);
    expect(gitlab.violations).toEqual([]);
    expect(suite.unhandled).toEqual([]);
  });

  it('fails closed when GitLab refuses the read, and pushes nothing', async () => {
    gitlab.faults.push({
      route: `GET /repository/files/${encodeURIComponent(
        `${FOLDER}/connect-cluster.yaml`,
      )}`,
      status: 403,
      body: { message: '403 Forbidden' },
      times: 1,
    });
    const result = await suite.scaffolder.run(
      toGitLab(paymentsCluster('group:default/payments')),
      { as: PAM },
    );
    expect(result.status).toBe('failed');
    expect(stepStatus(result, 'check-ownership')).toBe('failed');
    expect(result.error?.name).toBe('NotAllowedError');
    expect(result.error?.message).toMatch(
      new RegExp(
        `^Could not read ${FOLDER}/connect-cluster\\.yaml on branch main of GitLab project acme/gitops: GitLab answered 403 Forbidden: 403 Forbidden`,
      ),
    );
    expect([...gitlab.branches.keys()]).toEqual(['main']);
    expect(gitlab.mergeRequests).toEqual([]);
  });

  it('lets a member of the owning team change it, and a member of both move it', async () => {
    const change = await suite.scaffolder.run(
      toGitLab(paymentsCluster('group:default/payments', { replicas: 3 })),
      { as: PAM },
    );
    expectCompleted(change);
    expect(gitlab.mergeRequests).toHaveLength(1);
    const refused = await suite.scaffolder.run(
      toGitLab(paymentsCluster('group:default/orders')),
      { as: ALICE },
    );
    expect(refused.error?.message).toBe(REFUSAL('GitLab project acme/gitops'));
    const move = await suite.scaffolder.run(
      toGitLab(paymentsCluster('group:default/orders')),
      { as: BOB },
    );
    expectCompleted(move);
    expect(
      parse(gitlab.files(BRANCH).get(`${FOLDER}/connect-cluster.yaml`)!).owner,
    ).toBe('group:default/orders');
    expect(gitlab.violations).toEqual([]);
  });
});
