import { ConfigReader } from '@backstage/config';
import fs from 'node:fs/promises';
import path from 'node:path';
import yaml from 'yaml';
import {
  CheckpointStore,
  createTestContext,
  TEST_USER,
  makeTempDir,
  removeTempDir,
} from '../__testUtils__/actionContext';
import { BareRepo } from '../__testUtils__/gitRepo';
import { createGitPushBranchAction, MAX_PUSH_ATTEMPTS } from './pushBranch';
import { examples } from './pushBranch.examples';
import { createKafkaConnectRenderAction } from './render';
import { MINIMAL_VALUES } from './render.examples';

const renderAction = createKafkaConnectRenderAction();
const FIXED_NOW = new Date('2025-01-02T03:04:05Z');

function pushActionFor(
  repository: string,
  extra: Record<string, unknown> = {},
  now: () => Date = () => FIXED_NOW,
) {
  return createGitPushBranchAction({
    config: new ConfigReader({
      kafkaConnect: { gitops: { repository, ...extra } },
    }),
    now,
  });
}
type PushAction = ReturnType<typeof pushActionFor>;
type PushInput = Parameters<PushAction['handler']>[0]['input'];

type TaskUser = Parameters<PushAction['handler']>[0]['user'];

const TARGET = 'clusters/prod/orders';

/** A signed-in user who is a direct member of `groups`. */
function member(name: string, groups: string[]): TaskUser {
  return {
    ref: `user:default/${name}`,
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name, namespace: 'default' },
      spec: { memberOf: groups },
      relations: groups.map(g => ({
        type: 'memberOf',
        targetRef: `group:default/${g}`,
      })),
    },
  };
}

/** The orders cluster as another team (payments) owns it on a branch of the repository. */
const ORDERS_OF_PAYMENTS =
  'name: orders\nnamespace: streaming\nowner: group:default/payments\n';
const BRANCH = 'kafka-connect/orders';

// Every case runs real git against real bare repositories: seconds each on a busy CI machine.
jest.setTimeout(60_000);

describe('kafka-connect:git:push-branch', () => {
  let root: string;
  let repo: BareRepo;
  let workspace: string;
  let action: PushAction;
  /** Where the step's temporary folders go: empty again once a step ended. */
  let tempRoot: string;
  const leftoverTempDirs = () => fs.readdir(tempRoot);

  beforeEach(async () => {
    root = await makeTempDir();
    tempRoot = path.join(root, 'tmp');
    await fs.mkdir(tempRoot);
    repo = BareRepo.create(root);
    workspace = path.join(root, 'workspace');
    await fs.mkdir(workspace);
    action = pushActionFor(repo.dir);
  });
  afterEach(async () => {
    await removeTempDir(root);
  });

  /** Renders into a fresh workspace folder, as the template's render step does. */
  async function render(
    values: Record<string, unknown> = MINIMAL_VALUES,
    extra: { layout?: 'helm' | 'kustomize'; targetPath?: string } = {},
  ) {
    await fs.rm(workspace, { recursive: true, force: true });
    await fs.mkdir(workspace);
    const { ctx, outputs } = createTestContext(renderAction, {
      input: { values, ...extra },
      workspacePath: workspace,
    });
    await renderAction.handler(ctx);
    return outputs.files ?? [];
  }

  async function push(
    input: Partial<PushInput> = {},
    options: {
      isDryRun?: boolean;
      checkpoints?: CheckpointStore;
      pushAction?: PushAction;
      user?: TaskUser;
    } = {},
  ) {
    const used = options.pushAction ?? action;
    const test = createTestContext(used, {
      ...('user' in options ? { user: options.user } : {}),
      input: {
        targetPath: TARGET,
        branch: BRANCH,
        commitMessage: 'Add orders',
        ...input,
      },
      workspacePath: workspace,
      tempRoot,
      isDryRun: options.isDryRun,
      checkpoints: options.checkpoints,
    });
    await used.handler(test.ctx);
    return test;
  }

  async function failure(promise: Promise<unknown>): Promise<Error> {
    return promise.then(
      () => {
        throw new Error('expected a failure');
      },
      (e: Error) => e,
    );
  }

  it('first push creates the branch with the rendered files under targetPath', async () => {
    const rendered = await render();
    const mainBefore = repo.refs()['refs/heads/main'];

    const { outputs, checkpointKeys } = await push();

    expect(repo.filesAt(`refs/heads/${BRANCH}`, TARGET)).toEqual(
      [...rendered].sort(),
    );
    expect(
      repo.show(`refs/heads/${BRANCH}`, `${TARGET}/connect-cluster.yaml`),
    ).toBe(
      await fs.readFile(path.join(workspace, 'connect-cluster.yaml'), 'utf8'),
    );
    // The branch starts from main, which is left alone.
    expect(repo.refs()['refs/heads/main']).toBe(mainBefore);
    expect(repo.show(`refs/heads/${BRANCH}`, 'README.md')).toBe('# GitOps\n');
    const info = repo.commitInfo(`refs/heads/${BRANCH}`);
    expect(info.parents).toEqual([mainBefore]);
    expect(info.author).toBe(
      'Backstage Scaffolder <scaffolder@backstage.local>',
    );
    expect(info.committer).toBe(info.author);
    expect(info.message).toBe('Add orders');

    expect(outputs).toEqual({
      remote: repo.dir,
      branch: BRANCH,
      commit: repo.refs()[`refs/heads/${BRANCH}`],
      defaultBranch: 'main',
      changed: true,
      instructions: expect.stringContaining(
        `git -C ${repo.dir} log --stat main..${BRANCH}`,
      ),
    });
    expect(outputs.instructions).toContain(
      `git merge --no-ff origin/${BRANCH}`,
    );
    expect(checkpointKeys).toEqual([
      expect.stringMatching(new RegExp(`^push-branch-${BRANCH}-[0-9a-f]{40}$`)),
    ]);
    // The temporary clone is gone.
    expect(await leftoverTempDirs()).toEqual([]);
  });

  it('a second run with changed values updates the same branch with one commit on top', async () => {
    await render();
    const first = await push();
    // Another layout and another replica count: files appear, change and disappear.
    const rendered = await render(
      { ...MINIMAL_VALUES, replicas: 2 },
      { layout: 'kustomize' },
    );
    const second = await push({ commitMessage: 'Two replicas' });

    expect(second.outputs.changed).toBe(true);
    expect(second.outputs.commit).not.toBe(first.outputs.commit);
    expect(Object.keys(repo.refs()).sort()).toEqual([
      'refs/heads/kafka-connect/orders',
      'refs/heads/main',
    ]);
    expect(repo.commitInfo(`refs/heads/${BRANCH}`).parents).toEqual([
      first.outputs.commit,
    ]);
    expect(repo.log(`main..${BRANCH}`)).toHaveLength(2);
    expect(repo.filesAt(`refs/heads/${BRANCH}`, TARGET)).toEqual(
      [...rendered].sort(),
    );
    expect(repo.filesAt(`refs/heads/${BRANCH}`, TARGET)).not.toContain(
      'Chart.yaml',
    );
    expect(
      yaml.parse(
        repo.show(`refs/heads/${BRANCH}`, `${TARGET}/connect-cluster.yaml`),
      ).replicas,
    ).toBe(2);
  });

  it('an unchanged re-run makes no commit and pushes nothing', async () => {
    await render();
    const first = await push();
    const refsBefore = repo.refs();

    const again = await push({ commitMessage: 'Same again' });

    expect(repo.refs()).toEqual(refsBefore);
    expect(again.outputs.changed).toBe(false);
    expect(again.outputs.commit).toBe(first.outputs.commit);
    expect(again.checkpointKeys).toEqual([]);
    expect(again.outputs.instructions).toMatch(/already held these files/);
  });

  it('pushes nothing when main already holds exactly these files', async () => {
    await render();
    await push();
    const files = Object.fromEntries(
      repo
        .filesAt(`refs/heads/${BRANCH}`, TARGET)
        .map(f => [
          `${TARGET}/${f}`,
          repo.show(`refs/heads/${BRANCH}`, `${TARGET}/${f}`),
        ]),
    );
    repo.git(repo.dir, 'update-ref', '-d', `refs/heads/${BRANCH}`);
    const merged = repo.commitFiles('main', files, 'Merged');
    const refsBefore = repo.refs();

    const { outputs } = await push({ branch: 'kafka-connect/orders-again' });

    expect(repo.refs()).toEqual(refsBefore);
    expect(outputs.changed).toBe(false);
    expect(outputs.commit).toBe(merged);
    expect(outputs.instructions).toMatch(/nothing to push or merge/);
  });

  it('refuses a folder that holds another cluster on main, and leaves the remote untouched', async () => {
    repo.commitFiles(
      'main',
      {
        [`${TARGET}/connect-cluster.yaml`]:
          'name: payments\nnamespace: streaming\n',
      },
      'Payments',
    );
    await render();
    const refsBefore = repo.refs();

    const error = await failure(push());

    expect(error.name).toBe('ConflictError');
    expect(error.message).toContain(
      `The folder ${TARGET} on branch main already holds the Kafka Connect cluster streaming/payments`,
    );
    expect(error.message).toContain('streaming/orders');
    expect(error.stack).toBe(`ConflictError: ${error.message}`);
    expect(repo.refs()).toEqual(refsBefore);
  });

  it('refuses the same name in another namespace', async () => {
    repo.commitFiles(
      'main',
      {
        [`${TARGET}/connect-cluster.yaml`]:
          'name: orders\nnamespace: billing\n',
      },
      'Billing orders',
    );
    await render();
    const refsBefore = repo.refs();
    await expect(push()).rejects.toThrow(
      /already holds the Kafka Connect cluster billing\/orders/,
    );
    expect(repo.refs()).toEqual(refsBefore);
  });

  it('refuses a folder with files that are not a cluster', async () => {
    repo.commitFiles(
      'main',
      { [`${TARGET}/deployment.yaml`]: 'kind: Deployment\n' },
      'Something else',
    );
    await render();
    const refsBefore = repo.refs();
    await expect(push()).rejects.toThrow(
      /holds files but no connect-cluster\.yaml/,
    );
    expect(repo.refs()).toEqual(refsBefore);
  });

  it('refuses when the existing branch holds another cluster in the folder', async () => {
    repo.commitFiles(
      BRANCH,
      {
        [`${TARGET}/connect-cluster.yaml`]:
          'name: payments\nnamespace: streaming\n',
      },
      'Pending payments',
    );
    await render();
    const refsBefore = repo.refs();
    await expect(push()).rejects.toThrow(
      `on branch ${BRANCH} already holds the Kafka Connect cluster streaming/payments`,
    );
    expect(repo.refs()).toEqual(refsBefore);
  });

  it('updates the folder of the same cluster on main (a day-2 change)', async () => {
    repo.commitFiles(
      'main',
      {
        [`${TARGET}/connect-cluster.yaml`]:
          'name: orders\nnamespace: streaming\nowner: group:default/orders\nreplicas: 1\n',
        [`${TARGET}/stale.yaml`]: 'kind: Old\n',
      },
      'Orders as merged',
    );
    const rendered = await render();
    await push();
    expect(repo.filesAt(`refs/heads/${BRANCH}`, TARGET)).toEqual(
      [...rendered].sort(),
    );
  });

  describe('who may change a cluster already in the repository', () => {
    const ownedByPayments = (branch = 'main') =>
      repo.commitFiles(
        branch,
        { [`${TARGET}/connect-cluster.yaml`]: ORDERS_OF_PAYMENTS },
        'Orders, owned by payments',
      );

    it("refuses a user outside the cluster's owner, naming the cluster, its owner and who can change it", async () => {
      ownedByPayments();
      await render();
      const refsBefore = repo.refs();

      const error = await failure(push());

      expect(error.name).toBe('NotAllowedError');
      expect(error.message).toBe(
        `The Kafka Connect cluster streaming/orders in ${TARGET} on branch main of ${repo.dir} is owned by group:default/payments, and user:default/test-user is not a member of group:default/payments, so it cannot change that cluster: ask a member of group:default/payments to make the change, or a platform engineer`,
      );
      expect(error.stack).toBe(`NotAllowedError: ${error.message}`);
      expect(repo.refs()).toEqual(refsBefore);
      // The same in a dry run.
      await expect(push({}, { isDryRun: true })).rejects.toThrow(
        /is owned by group:default\/payments, and user:default\/test-user is not a member/,
      );
    });

    it("refuses to overwrite another team's pending change of the cluster on the existing branch", async () => {
      ownedByPayments(BRANCH);
      await render();
      const refsBefore = repo.refs();
      await expect(push()).rejects.toThrow(
        `The Kafka Connect cluster streaming/orders in ${TARGET} on branch ${BRANCH} of ${repo.dir} is owned by group:default/payments`,
      );
      expect(repo.refs()).toEqual(refsBefore);
    });

    it('lets a member of both owners move the cluster, and refuses a member of the old owner alone', async () => {
      ownedByPayments();
      await render(); // owner group:default/orders
      const refsBefore = repo.refs();

      const error = await failure(
        push({}, { user: member('pat', ['payments']) }),
      );
      expect(error.name).toBe('InputError');
      expect(error.message).toBe(
        'owner: user:default/pat is not a member of group:default/orders, so it cannot move the cluster of group:default/payments to it; pick one of your groups (group:default/payments), or ask a member of group:default/orders to take the cluster over',
      );
      expect(repo.refs()).toEqual(refsBefore);

      const { outputs } = await push(
        {},
        { user: member('bo', ['payments', 'orders']) },
      );
      expect(outputs.changed).toBe(true);
      expect(
        yaml.parse(
          repo.show(`refs/heads/${BRANCH}`, `${TARGET}/connect-cluster.yaml`),
        ).owner,
      ).toBe('group:default/orders');
    });

    it('lets members of kafkaConnect.ownership.anyOwnerFor change any cluster, and logs it', async () => {
      ownedByPayments();
      await render();
      const platform = createGitPushBranchAction({
        config: new ConfigReader({
          kafkaConnect: {
            gitops: { repository: repo.dir },
            ownership: { anyOwnerFor: ['group:default/platform'] },
          },
        }),
        now: () => FIXED_NOW,
      });
      const { outputs, logger } = await push(
        {},
        { pushAction: platform, user: member('pia', ['platform', 'orders']) },
      );
      expect(outputs.changed).toBe(true);
      expect(logger.info).toHaveBeenCalledWith(
        `user:default/pia may change the cluster of group:default/payments in ${TARGET} on branch main of ${repo.dir}: group:default/platform is in kafkaConnect.ownership.anyOwnerFor`,
      );
    });

    it('fails closed on a cluster file whose owner cannot be read', async () => {
      for (const [content, why] of [
        ['name: orders\nnamespace: streaming\n', 'names no owner'],
        [
          'name: orders\nnamespace: streaming\nowner: "::"\n',
          'has an owner that is no entity ref ("::")',
        ],
      ]) {
        repo.commitFiles(
          'main',
          { [`${TARGET}/connect-cluster.yaml`]: content },
          'Orders',
        );
        await render();
        const refsBefore = repo.refs();
        const error = await failure(push());
        expect(error.name).toBe('ConflictError');
        expect(error.message).toBe(
          `${TARGET}/connect-cluster.yaml on branch main of ${repo.dir} ${why}, so who owns the cluster there cannot be checked and it is not replaced: fix that file on branch main (owner must be a group or user such as group:default/orders), or ask a platform engineer to look at it`,
        );
        expect(repo.refs()).toEqual(refsBefore);
      }
    });

    it('refuses a task that no signed-in user started', async () => {
      ownedByPayments();
      await render();
      await expect(push({}, { user: undefined })).rejects.toThrow(
        /is owned by group:default\/payments, which cannot be checked because no signed-in user started this task/,
      );
    });

    it("lets the owner's members change it as before", async () => {
      repo.commitFiles(
        'main',
        {
          [`${TARGET}/connect-cluster.yaml`]:
            'name: orders\nnamespace: streaming\nowner: Orders\n',
        },
        'Orders',
      );
      await render();
      const { outputs } = await push({}, { user: TEST_USER });
      expect(outputs.changed).toBe(true);
    });
  });

  it('in a dry run checks everything and pushes nothing', async () => {
    await render();
    const refsBefore = repo.refs();

    const { outputs, checkpointKeys } = await push({}, { isDryRun: true });

    expect(repo.refs()).toEqual(refsBefore);
    expect(checkpointKeys).toEqual([]);
    expect(outputs.changed).toBe(true);
    expect(outputs.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(outputs.instructions).toMatch(
      /^Dry run: .*would be pushed to branch `kafka-connect\/orders`.*Nothing was pushed/,
    );
  });

  it('does the guard in a dry run too', async () => {
    repo.commitFiles(
      'main',
      {
        [`${TARGET}/connect-cluster.yaml`]:
          'name: payments\nnamespace: streaming\n',
      },
      'Payments',
    );
    await render();
    await expect(push({}, { isDryRun: true })).rejects.toThrow(
      /already holds the Kafka Connect cluster streaming\/payments/,
    );
  });

  it('fails with what git said when the remote has vanished, naming the setting and the fix', async () => {
    await render();
    await fs.rm(repo.dir, { recursive: true, force: true });

    const error = await failure(push());

    expect(error.message).toContain(
      `The GitOps repository ${repo.dir} (kafkaConnect.gitops.repository) cannot be read, so nothing was pushed: fatal: '${repo.dir}' does not appear to be a git repository`,
    );
    expect(error.message).toContain(
      "Set kafkaConnect.gitops.repository to a repository the backend's git can read",
    );
    expect(error.message).not.toMatch(/^\s*at /m);
    expect(error.stack).toBe(`GitopsRepositoryError: ${error.message}`);
    expect(await leftoverTempDirs()).toEqual([]);
  });

  it('fails with what the remote said when it refuses the push', async () => {
    const hook = path.join(repo.dir, 'hooks', 'pre-receive');
    await fs.writeFile(
      hook,
      `#!/bin/sh\necho run >> "${path.join(
        root,
        'hook-runs',
      )}"\necho "branch protection: pushes need a ticket" >&2\nexit 1\n`,
      { mode: 0o755 },
    );
    await render();
    const refsBefore = repo.refs();

    const error = await failure(push());

    expect(error.message).toMatch(
      new RegExp(
        `^The GitOps repository ${repo.dir} refused branch ${BRANCH}: `,
      ),
    );
    expect(error.message).toContain(
      'remote: branch protection: pushes need a ticket',
    );
    expect(error.message).toContain('pre-receive hook declined');
    expect(repo.refs()).toEqual(refsBefore);
    // A refusal is an answer: it is not retried.
    expect(await fs.readFile(path.join(root, 'hook-runs'), 'utf8')).toBe(
      'run\n',
    );
  });

  /**
   * The action reads the clock once per commit, between reading the remote and pushing: the
   * moment at which another task's push lands in a race. These tests move the branch there.
   */
  function actionMovingBranchAtCommit(move: (commitNumber: number) => void) {
    let commits = 0;
    return pushActionFor(repo.dir, {}, () => {
      commits += 1;
      move(commits);
      return FIXED_NOW;
    });
  }

  /** A commit on top of main with `files`, not on any branch: another task's work. */
  function commitOnMain(files: Record<string, string>, message: string) {
    repo.git(repo.dir, 'branch', 'scratch', 'main');
    const sha = repo.commitFiles('scratch', files, message);
    repo.git(repo.dir, 'update-ref', '-d', 'refs/heads/scratch');
    return sha;
  }

  it('when another task pushed the same files meanwhile, takes its branch: one commit, no failure', async () => {
    await render();
    // The other task's commit: the same files, made a minute earlier.
    const twin = await push(
      {},
      {
        pushAction: pushActionFor(
          repo.dir,
          {},
          () => new Date(FIXED_NOW.getTime() - 60_000),
        ),
      },
    );
    const twinCommit = twin.outputs.commit!;
    repo.git(repo.dir, 'update-ref', '-d', `refs/heads/${BRANCH}`);
    const mainBefore = repo.refs()['refs/heads/main'];

    // This task reads the remote before the twin's push lands, and pushes after it.
    const raced = actionMovingBranchAtCommit(n => {
      if (n === 1)
        repo.git(repo.dir, 'update-ref', `refs/heads/${BRANCH}`, twinCommit);
    });
    const { outputs, logger } = await push({}, { pushAction: raced });

    expect(repo.refs()).toEqual({
      'refs/heads/main': mainBefore,
      [`refs/heads/${BRANCH}`]: twinCommit,
    });
    expect(repo.log(`main..${BRANCH}`)).toEqual([twinCommit]);
    expect(outputs).toMatchObject({ changed: false, commit: twinCommit });
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining(
        `Branch ${BRANCH} changed in ${repo.dir} while this task pushed it (another task pushed it meanwhile); reading it again (attempt 2 of ${MAX_PUSH_ATTEMPTS})`,
      ),
    );
  });

  it('when another task pushed other files of the same cluster meanwhile, commits on top of them', async () => {
    const rendered = await render();
    const ours = await fs.readFile(
      path.join(workspace, 'connect-cluster.yaml'),
      'utf8',
    );
    const other = commitOnMain(
      {
        [`${TARGET}/connect-cluster.yaml`]: `${ours}# the other task's values\n`,
        [`${TARGET}/old-file.yaml`]: 'kind: Old\n',
      },
      'The other task',
    );
    const raced = actionMovingBranchAtCommit(n => {
      if (n === 1)
        repo.git(repo.dir, 'update-ref', `refs/heads/${BRANCH}`, other);
    });

    const { outputs } = await push({}, { pushAction: raced });

    // The other task's commit stays; ours replaces the folder on top of it, as a re-run would.
    expect(repo.commitInfo(`refs/heads/${BRANCH}`).parents).toEqual([other]);
    expect(repo.log(`main..${BRANCH}`)).toHaveLength(2);
    expect(repo.filesAt(`refs/heads/${BRANCH}`, TARGET)).toEqual(
      [...rendered].sort(),
    );
    expect(
      repo.show(`refs/heads/${BRANCH}`, `${TARGET}/connect-cluster.yaml`),
    ).toBe(ours);
    expect(outputs).toMatchObject({
      changed: true,
      commit: repo.refs()[`refs/heads/${BRANCH}`],
    });
  });

  it('gives up with a clear message when the branch keeps moving, having pushed nothing of its own', async () => {
    await render();
    const ours = await fs.readFile(
      path.join(workspace, 'connect-cluster.yaml'),
      'utf8',
    );
    const others: string[] = [];
    const busy = actionMovingBranchAtCommit(n => {
      const sha = commitOnMain(
        { [`${TARGET}/connect-cluster.yaml`]: `${ours}# other task ${n}\n` },
        `Other task ${n}`,
      );
      repo.git(repo.dir, 'update-ref', `refs/heads/${BRANCH}`, sha);
      others.push(sha);
    });

    const error = await failure(push({}, { pushAction: busy }));

    expect(error.name).toBe('ConflictError');
    expect(error.message).toContain(
      `Branch ${BRANCH} of the GitOps repository ${repo.dir} kept changing while this task pushed it (${MAX_PUSH_ATTEMPTS} attempts): another task is pushing the same branch. Nothing of this task was pushed; run it again once the other one is done.`,
    );
    expect(error.stack).toBe(`ConflictError: ${error.message}`);
    expect(others).toHaveLength(MAX_PUSH_ATTEMPTS);
    expect(repo.refs()[`refs/heads/${BRANCH}`]).toBe(others.at(-1));
    expect(await leftoverTempDirs()).toEqual([]);
  });

  it('uses a checkpoint key that follows the content, so a resumed task does not push twice', async () => {
    await render();
    const store: CheckpointStore = new Map();
    const first = await push({}, { checkpoints: store });

    // Another repository with the same content: the key is the same, and the stored result is
    // used instead of pushing again (as when the scaffolder resumes a task after its push).
    const otherRoot = await makeTempDir();
    try {
      const other = BareRepo.create(otherRoot);
      const otherBefore = other.refs();
      const resumed = await push(
        {},
        { checkpoints: store, pushAction: pushActionFor(other.dir) },
      );
      expect(resumed.checkpointKeys).toEqual(first.checkpointKeys);
      expect(other.refs()).toEqual(otherBefore);
      expect(resumed.outputs.commit).toBe(first.outputs.commit);
    } finally {
      await removeTempDir(otherRoot);
    }

    // Other content, other key.
    await render({ ...MINIMAL_VALUES, replicas: 3 });
    const changed = await push({}, { checkpoints: store });
    expect(changed.checkpointKeys).toHaveLength(1);
    expect(changed.checkpointKeys[0]).not.toBe(first.checkpointKeys[0]);
  });

  it('commits with the given author and a default message naming the cluster', async () => {
    await render();
    await push({
      commitMessage: undefined,
      authorName: 'Orders team',
      authorEmail: 'orders@example.com',
    });
    const info = repo.commitInfo(`refs/heads/${BRANCH}`);
    expect(info.author).toBe('Orders team <orders@example.com>');
    expect(info.committer).toBe('Orders team <orders@example.com>');
    expect(info.message).toBe(
      `Kafka Connect cluster streaming/orders in ${TARGET}`,
    );
  });

  it('honours kafkaConnect.gitops.defaultBranch', async () => {
    repo.commitFiles('trunk', { 'README.md': '# trunk\n' }, 'Trunk');
    await render();
    const { outputs } = await push(
      {},
      { pushAction: pushActionFor(repo.dir, { defaultBranch: 'trunk' }) },
    );
    expect(outputs.defaultBranch).toBe('trunk');
    expect(repo.show(`refs/heads/${BRANCH}`, 'README.md')).toBe('# trunk\n');
  });

  describe('a GitOps repository that cannot take a cluster yet', () => {
    it('refuses a repository without the default branch, naming its branches and the setting, and pushes nothing', async () => {
      await render();
      const refsBefore = repo.refs();
      const error = await failure(
        push(
          {},
          { pushAction: pushActionFor(repo.dir, { defaultBranch: 'trunk' }) },
        ),
      );
      expect(error.message).toBe(
        `The GitOps repository ${repo.dir} (kafkaConnect.gitops.repository) has no branch trunk, so nothing was pushed; its branches are main. Set kafkaConnect.gitops.defaultBranch to the branch clusters are merged into, or push a branch trunk`,
      );
      expect(error.stack).toBe(`GitopsRepositoryError: ${error.message}`);
      expect(repo.refs()).toEqual(refsBefore);
    });

    it('refuses an empty repository, saying to push a first commit or set initializeEmptyRepository, and pushes nothing', async () => {
      const empty = BareRepo.createEmpty(root, 'empty.git');
      await render();
      for (const isDryRun of [false, true]) {
        const error = await failure(
          push({}, { pushAction: pushActionFor(empty.dir), isDryRun }),
        );
        expect(error.message).toBe(
          `The GitOps repository ${empty.dir} (kafkaConnect.gitops.repository) is empty, so nothing was pushed: it needs a first commit on its default branch main (kafkaConnect.gitops.defaultBranch), which new branches start from. Push one (a README is enough), or set kafkaConnect.gitops.initializeEmptyRepository: true and the first push makes it`,
        );
      }
      expect(empty.refs()).toEqual({});
      expect(await leftoverTempDirs()).toEqual([]);
    });

    it('with initializeEmptyRepository, gives an empty repository its first commit on the default branch, then pushes the branch on it', async () => {
      const empty = BareRepo.createEmpty(root, 'empty.git');
      const initializing = pushActionFor(empty.dir, {
        defaultBranch: 'trunk',
        initializeEmptyRepository: true,
      });
      const rendered = await render();

      const { outputs, logger } = await push({}, { pushAction: initializing });

      const refs = empty.refs();
      expect(Object.keys(refs).sort()).toEqual([
        `refs/heads/${BRANCH}`,
        'refs/heads/trunk',
      ]);
      expect(
        empty.git(empty.dir, 'ls-tree', '--name-only', 'refs/heads/trunk'),
      ).toBe('.gitignore\nREADME.md\n');
      expect(empty.show('refs/heads/trunk', 'README.md')).toContain(
        'Review a branch and merge it into `trunk`',
      );
      const first = empty.commitInfo('refs/heads/trunk');
      expect(first.parents).toEqual([]);
      expect(first.message).toBe(
        'Initialise the GitOps repository (kafkaConnect.gitops.initializeEmptyRepository)',
      );
      expect(empty.commitInfo(`refs/heads/${BRANCH}`).parents).toEqual([
        refs['refs/heads/trunk'],
      ]);
      expect(empty.filesAt(`refs/heads/${BRANCH}`, TARGET)).toEqual(
        [...rendered].sort(),
      );
      expect(outputs.commit).toBe(refs[`refs/heads/${BRANCH}`]);
      expect(logger.info).toHaveBeenCalledWith(
        `The GitOps repository ${empty.dir} was empty: pushed its first commit ${refs['refs/heads/trunk']} to trunk (a README and a .gitignore)`,
      );

      // The next run finds the branch and leaves the first commit alone.
      const again = await push({}, { pushAction: initializing });
      expect(again.outputs.changed).toBe(false);
      expect(empty.refs()).toEqual(refs);
    });

    it('with initializeEmptyRepository, a dry run makes the first commit in its clone only', async () => {
      const empty = BareRepo.createEmpty(root, 'empty.git');
      await render();
      const { outputs } = await push(
        {},
        {
          pushAction: pushActionFor(empty.dir, {
            initializeEmptyRepository: true,
          }),
          isDryRun: true,
        },
      );
      expect(outputs.changed).toBe(true);
      expect(empty.refs()).toEqual({});
      expect(await leftoverTempDirs()).toEqual([]);
    });

    it('never initialises a repository that has other branches', async () => {
      const other = BareRepo.createEmpty(root, 'other.git');
      other.commitFiles('develop', { 'README.md': '# develop\n' }, 'Develop');
      const refsBefore = other.refs();
      await render();
      const error = await failure(
        push(
          {},
          {
            pushAction: pushActionFor(other.dir, {
              initializeEmptyRepository: true,
            }),
          },
        ),
      );
      expect(error.message).toMatch(
        /has no branch main, so nothing was pushed; its branches are develop\./,
      );
      expect(other.refs()).toEqual(refsBefore);
    });
  });

  it.each([
    [{ branch: '../main' }, /^branch /],
    [{ branch: '-f' }, /^branch /],
    [{ branch: 'with space' }, /^branch /],
    [{ branch: 'a..b' }, /^branch /],
    [{ branch: 'x.lock' }, /^branch /],
    [{ branch: 'main' }, /default branch main/],
    [{ targetPath: '.' }, /^targetPath: must name a folder below the top/],
    [{ targetPath: '/clusters/prod' }, /^targetPath: must be a relative path/],
    [{ targetPath: 'clusters/../../x' }, /^targetPath: must not climb out/],
    [
      { targetPath: '.git/hooks' },
      /^targetPath: must not name a "\.git" folder/,
    ],
    [{ sourcePath: '../' }, /^sourcePath: must not climb out/],
    [{ sourcePath: 'nowhere' }, /^sourcePath: nowhere is not a folder/],
    [{ authorEmail: 'not an address' }, /^authorEmail /],
    [{ authorName: 'Evil\nName' }, /^authorName /],
  ] as Array<[Partial<PushInput>, RegExp]>)(
    'refuses %j before touching the remote',
    async (input, says) => {
      await render();
      const refsBefore = repo.refs();
      const error = await failure(push(input));
      expect(error.name).toBe('InputError');
      expect(error.message).toMatch(says);
      expect(repo.refs()).toEqual(refsBefore);
    },
  );

  it('refuses a workspace folder without connect-cluster.yaml', async () => {
    await fs.writeFile(path.join(workspace, 'README.md'), 'hello\n');
    await expect(push()).rejects.toThrow(
      /connect-cluster\.yaml was not found in the workspace: run kafka-connect:render first/,
    );
  });

  it('refuses symbolic links in the workspace folder', async () => {
    await render();
    await fs.symlink('/etc/hostname', path.join(workspace, 'leak.txt'));
    const refsBefore = repo.refs();
    await expect(push()).rejects.toThrow(/leak\.txt is not a regular file/);
    expect(repo.refs()).toEqual(refsBefore);
  });

  it('says so when the repository is not configured', async () => {
    const unconfigured = createGitPushBranchAction({
      config: new ConfigReader({}),
    });
    await render();
    await expect(push({}, { pushAction: unconfigured })).rejects.toThrow(
      /kafkaConnect\.gitops\.repository is not configured/,
    );
  });

  describe('with scaffolder.requireScmUserCredentials on', () => {
    const requiring = (repository: string) =>
      createGitPushBranchAction({
        config: new ConfigReader({
          scaffolder: { requireScmUserCredentials: true },
          kafkaConnect: { gitops: { repository } },
          integrations: {
            github: [{ host: 'github.com', token: 'ghp_unitTest' }],
            gitlab: [{ host: 'gitlab.com', token: 'glpat-unitTest' }],
          },
        }),
        now: () => FIXED_NOW,
      });

    it('pushes to a repository on the backend machine as before: no SCM host is reached', async () => {
      await render();
      const { outputs } = await push({}, { pushAction: requiring(repo.dir) });
      expect(outputs.changed).toBe(true);
      expect(repo.refs()[`refs/heads/${BRANCH}`]).toBe(outputs.commit);
    });

    it.each([
      [
        'https://x-access-token:ghp_platform@github.com/acme/gitops.git',
        'github.com',
        'https://***@github.com/acme/gitops.git',
        'GitHub',
      ],
      [
        'git@gitlab.com:acme/gitops.git',
        'gitlab.com',
        'git@gitlab.com:acme/gitops.git',
        'GitLab',
      ],
    ])(
      "refuses %s, which it would reach with the backend's own credentials, before running git",
      async (repository, host, shown, forge) => {
        await render();
        const error = await failure(
          push({}, { pushAction: requiring(repository) }),
        );
        expect(error.name).toBe('InputError');
        expect(error.message).toBe(
          `No user credentials can be used for host ${host}, and scaffolder.requireScmUserCredentials is enabled: kafka-connect:git:push-branch reaches the GitOps repository ${shown} (kafkaConnect.gitops.repository), on a ${forge} host of integrations.${forge.toLowerCase()}, with the backend's own git credentials, and takes no user token. Choose the template's ${forge} destination (the pull or merge request is then made with the user's token), set kafkaConnect.gitops.repository to a repository on no GitHub or GitLab integration host, or turn scaffolder.requireScmUserCredentials off`,
        );
        expect(error.stack).toBe(`InputError: ${error.message}`);
        expect(await leftoverTempDirs()).toEqual([]);
      },
    );
  });

  it('resolves a relative repository path against the working directory', async () => {
    const relative = createGitPushBranchAction({
      config: new ConfigReader({
        kafkaConnect: { gitops: { repository: 'gitops.git' } },
      }),
      workingDirectory: root,
    });
    await render();
    const { outputs } = await push({}, { pushAction: relative });
    expect(outputs.remote).toBe('gitops.git');
    expect(outputs.instructions).toContain(`git -C ${repo.dir} log`);
    expect(repo.refs()[`refs/heads/${BRANCH}`]).toBe(outputs.commit);
  });

  describe('examples', () => {
    type RenderInput = Parameters<typeof renderAction.handler>[0]['input'];
    type Step = { action: string; input: Record<string, unknown> };

    async function runStep(step: Step) {
      if (step.action === renderAction.id) {
        const { ctx } = createTestContext(renderAction, {
          input: step.input as RenderInput,
          workspacePath: workspace,
        });
        await renderAction.handler(ctx);
      } else if (step.action === action.id) {
        const { ctx } = createTestContext(action, {
          input: step.input as PushInput,
          workspacePath: workspace,
        });
        await action.handler(ctx);
      } else {
        throw new Error(`no action ${step.action}`);
      }
    }

    it.each(examples.map(e => [e.description, e] as const))(
      '%s',
      async (_d, example) => {
        const steps = yaml.parse(example.example).steps as Step[];
        expect(steps.map(s => s.action)).toContain(action.id);
        for (const step of steps) await runStep(step);
        const pushInput = steps.find(s => s.action === action.id)!
          .input as PushInput;
        expect(
          repo.filesAt(`refs/heads/${pushInput.branch}`, pushInput.targetPath),
        ).toContain('connect-cluster.yaml');
      },
    );
  });
});
