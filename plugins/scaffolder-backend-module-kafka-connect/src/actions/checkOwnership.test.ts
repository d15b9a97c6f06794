import { ConfigReader } from '@backstage/config';
import fs from 'node:fs/promises';
import path from 'node:path';
import yaml from 'yaml';
import {
  createTestContext,
  makeTempDir,
  removeTempDir,
} from '../__testUtils__/actionContext';
import { failure } from '../__testUtils__/exampleSteps';
import { BareRepo } from '../__testUtils__/gitRepo';
import { createCheckOwnershipAction } from './checkOwnership';
import { examples } from './checkOwnership.examples';
import { createGitPushBranchAction } from './pushBranch';
import { createKafkaConnectRenderAction } from './render';
import { MINIMAL_VALUES } from './render.examples';

const renderAction = createKafkaConnectRenderAction();
const TARGET = 'clusters/prod/orders';
const BRANCH = 'kafka-connect/orders';
const ORDERS_OF_PAYMENTS =
  'name: orders\nnamespace: streaming\nowner: group:default/payments\n';

/**
 * kafka-connect:check-ownership against a local GitOps repository (a bare repository in a
 * temporary folder). The GitHub and GitLab sources are shown through the real backend, with
 * forge fakes that answer to the published contracts (test/src/scaffolder/ownership*.test.ts).
 */
describe('kafka-connect:check-ownership', () => {
  let root: string;
  let repo: BareRepo;
  let workspace: string;
  let tempRoot: string;
  let action: ReturnType<typeof createCheckOwnershipAction>;
  type Input = Parameters<typeof action.handler>[0]['input'];

  const actionFor = (extra: Record<string, unknown> = {}) =>
    createCheckOwnershipAction({
      config: new ConfigReader({
        kafkaConnect: { gitops: { repository: repo.dir }, ...extra },
        integrations: {
          github: [{ host: 'github.com', token: 'ghp_unitTest' }],
        },
      }),
    });

  beforeEach(async () => {
    root = await makeTempDir();
    tempRoot = path.join(root, 'tmp');
    workspace = path.join(root, 'workspace');
    await fs.mkdir(tempRoot);
    await fs.mkdir(workspace);
    repo = BareRepo.create(root);
    action = actionFor();
    const { ctx } = createTestContext(renderAction, {
      input: { values: MINIMAL_VALUES, targetPath: 'cluster' },
      workspacePath: workspace,
    });
    await renderAction.handler(ctx);
  });
  afterEach(async () => {
    await removeTempDir(root);
  });

  async function run(
    input: Partial<Input> = {},
    options: { isDryRun?: boolean; using?: typeof action } = {},
  ) {
    const used = options.using ?? action;
    const test = createTestContext(used, {
      input: {
        sourcePath: 'cluster',
        targetPath: TARGET,
        branch: BRANCH,
        ...input,
      },
      workspacePath: workspace,
      tempRoot,
      isDryRun: options.isDryRun,
    });
    await used.handler(test.ctx);
    return test;
  }

  it('lets a new cluster through, saying so, and leaves no temporary folder', async () => {
    const { outputs, logger } = await run();
    expect(outputs).toEqual({ existing: false });
    expect(logger.info).toHaveBeenCalledWith(
      `${TARGET} holds no cluster on branch main or branch ${BRANCH} of ${repo.dir}: a new cluster`,
    );
    expect(await fs.readdir(tempRoot)).toEqual([]);
  });

  it("lets a member of the cluster's owner change it, and gives the owner", async () => {
    repo.commitFiles(
      'main',
      {
        [`${TARGET}/connect-cluster.yaml`]:
          'name: orders\nnamespace: streaming\nowner: orders\n',
      },
      'Orders',
    );
    const { outputs } = await run();
    expect(outputs).toEqual({
      existing: true,
      currentOwner: 'group:default/orders',
    });
  });

  it.each([false, true])(
    "refuses to change another team's cluster on the default branch (dry run: %s), before anything is pushed",
    async isDryRun => {
      repo.commitFiles(
        'main',
        { [`${TARGET}/connect-cluster.yaml`]: ORDERS_OF_PAYMENTS },
        'Orders of payments',
      );
      const refsBefore = repo.refs();
      const error = await failure(run({}, { isDryRun }));
      expect(error.name).toBe('NotAllowedError');
      expect(error.message).toBe(
        `The Kafka Connect cluster streaming/orders in ${TARGET} on branch main of ${repo.dir} is owned by group:default/payments, and user:default/test-user is not a member of group:default/payments, so it cannot change that cluster: ask a member of group:default/payments to make the change, or a platform engineer`,
      );
      expect(repo.refs()).toEqual(refsBefore);
      expect(await fs.readdir(tempRoot)).toEqual([]);
    },
  );

  it("refuses to overwrite another team's pending change on the change's branch", async () => {
    repo.commitFiles(
      BRANCH,
      { [`${TARGET}/connect-cluster.yaml`]: ORDERS_OF_PAYMENTS },
      'Pending',
    );
    await expect(run()).rejects.toThrow(
      `in ${TARGET} on branch ${BRANCH} of ${repo.dir} is owned by group:default/payments`,
    );
    // Without the branch input, only the default branch is read.
    const { outputs } = await run({ branch: undefined });
    expect(outputs).toEqual({ existing: false });
  });

  it('fails closed on a cluster file that is not YAML, or a path that is no file', async () => {
    repo.commitFiles(
      'main',
      { [`${TARGET}/connect-cluster.yaml`]: 'name: [orders\n' },
      'Broken',
    );
    const error = await failure(run());
    expect(error.name).toBe('ConflictError');
    expect(error.message).toMatch(
      new RegExp(
        `^${TARGET}/connect-cluster\\.yaml on branch main of .* is not valid YAML \\(.*\\), so who owns the cluster there cannot be checked and it is not replaced`,
      ),
    );

    repo.commitFiles(
      'main',
      { [`clusters/prod/other/connect-cluster.yaml/x`]: 'x\n' },
      'A folder named like the file',
    );
    await expect(run({ targetPath: 'clusters/prod/other' })).rejects.toThrow(
      `clusters/prod/other/connect-cluster.yaml on branch main of ${repo.dir} is a tree, not a file`,
    );
  });

  describe('input it refuses before reading the repository', () => {
    it.each([
      [
        'a rendered folder without connect-cluster.yaml',
        { sourcePath: 'nothing' },
        /^sourcePath: nothing is not a folder of the workspace: run kafka-connect:render first/,
      ],
      [
        'a target path that leaves the repository',
        { targetPath: '../x' },
        /^targetPath: must not climb out/,
      ],
      [
        'the top of the repository',
        { targetPath: '.' },
        /^targetPath: must name a folder below the top/,
      ],
      ['a branch that is no branch name', { branch: 'a b' }, /^branch must be/],
      [
        'github without repoUrl',
        { destination: 'github' as const },
        /^repoUrl is required for destination github/,
      ],
      [
        'a host that is no GitHub integration',
        {
          destination: 'github' as const,
          repoUrl: 'gitlab.example.com?owner=a&repo=b',
        },
        /No matching integration configuration for host gitlab\.example\.com/,
      ],
    ])('%s', async (_name, input, message) => {
      const error = await failure(run(input));
      expect(error.name).toBe('InputError');
      expect(error.message).toMatch(message);
    });

    it('says so when the local repository is not configured', async () => {
      const unconfigured = createCheckOwnershipAction({
        config: new ConfigReader({}),
      });
      await expect(run({}, { using: unconfigured })).rejects.toThrow(
        /^kafkaConnect\.gitops\.repository is not configured/,
      );
    });
  });

  describe('with scaffolder.requireScmUserCredentials on', () => {
    const requiring = (repository: string) =>
      createCheckOwnershipAction({
        config: new ConfigReader({
          scaffolder: { requireScmUserCredentials: true },
          kafkaConnect: { gitops: { repository } },
          integrations: {
            github: [{ host: 'github.com', token: 'ghp_unitTest' }],
          },
        }),
      });

    it('reads a repository on the backend machine as before', async () => {
      const { outputs } = await run({}, { using: requiring(repo.dir) });
      expect(outputs).toEqual({ existing: false });
    });

    it("refuses GitHub without the user's token, naming the setting, the host and the fix", async () => {
      const error = await failure(
        run(
          {
            destination: 'github',
            repoUrl: 'github.com?owner=acme&repo=gitops',
            token: '',
          },
          { using: requiring(repo.dir) },
        ),
      );
      expect(error.name).toBe('InputError');
      expect(error.message).toMatch(
        /^No user credentials provided for host github\.com, but scaffolder\.requireScmUserCredentials is enabled: kafka-connect:check-ownership does not fall back to the integration's token\. .*ui:options\.requestUserCredentials.*, or turn scaffolder\.requireScmUserCredentials off$/,
      );
      expect(await fs.readdir(tempRoot)).toEqual([]);
    });

    it("refuses the local destination on a GitHub remote, which git reaches with the backend's credentials", async () => {
      const error = await failure(
        run({}, { using: requiring('https://github.com/acme/gitops.git') }),
      );
      expect(error.message).toMatch(
        /^No user credentials can be used for host github\.com, and scaffolder\.requireScmUserCredentials is enabled: kafka-connect:check-ownership reaches the GitOps repository https:\/\/github\.com\/acme\/gitops\.git/,
      );
      expect(await fs.readdir(tempRoot)).toEqual([]);
    });
  });

  describe('a GitOps repository that cannot be read as configured', () => {
    const localAction = (repository: string, gitops = {}) =>
      createCheckOwnershipAction({
        config: new ConfigReader({
          kafkaConnect: { gitops: { repository, ...gitops } },
        }),
      });

    it('fails on a repository that is not there, naming the setting and the fix', async () => {
      const missing = path.join(root, 'missing.git');
      const error = await failure(run({}, { using: localAction(missing) }));
      expect(error.message).toMatch(
        /^The GitOps repository .*missing\.git \(kafkaConnect\.gitops\.repository\) cannot be read, so nothing was pushed: fatal: .*Set kafkaConnect\.gitops\.repository to a repository the backend's git can read/s,
      );
      expect(await fs.readdir(tempRoot)).toEqual([]);
    });

    it('fails on an empty repository instead of calling the cluster new', async () => {
      const empty = BareRepo.createEmpty(root, 'empty.git');
      const error = await failure(run({}, { using: localAction(empty.dir) }));
      expect(error.message).toMatch(
        /is empty, so nothing was pushed: it needs a first commit on its default branch main \(kafkaConnect\.gitops\.defaultBranch\).*kafkaConnect\.gitops\.initializeEmptyRepository: true/,
      );
      expect(empty.refs()).toEqual({});
    });

    it('with initializeEmptyRepository, reads an empty repository as holding no cluster, and writes nothing', async () => {
      const empty = BareRepo.createEmpty(root, 'empty.git');
      const { outputs } = await run(
        {},
        {
          using: localAction(empty.dir, { initializeEmptyRepository: true }),
        },
      );
      expect(outputs).toEqual({ existing: false });
      expect(empty.refs()).toEqual({});
    });
  });

  describe('examples', () => {
    it('runs the local example: the check, then the push, and refuses once another team owns the folder', async () => {
      const steps = yaml.parse(examples[0].example).steps as {
        action: string;
        input: Record<string, unknown>;
      }[];
      const push = createGitPushBranchAction({
        config: new ConfigReader({
          kafkaConnect: { gitops: { repository: repo.dir } },
        }),
      });
      const runSteps = async () => {
        for (const step of steps) {
          const byId: Record<string, typeof action> = {
            [action.id]: action,
            [push.id]: push as never,
            [renderAction.id]: renderAction as never,
          };
          const used = byId[step.action];
          const test = createTestContext(used as typeof action, {
            input: step.input as Input,
            workspacePath: workspace,
            tempRoot,
          });
          await used.handler(test.ctx as never);
        }
      };
      await runSteps();
      expect(repo.refs()[`refs/heads/${BRANCH}`]).toBeDefined();

      repo.commitFiles(
        'main',
        { [`${TARGET}/connect-cluster.yaml`]: ORDERS_OF_PAYMENTS },
        'Orders of payments',
      );
      const refsBefore = repo.refs();
      await expect(runSteps()).rejects.toThrow(
        /owned by group:default\/payments/,
      );
      expect(repo.refs()).toEqual(refsBefore);
    });

    it.each(examples.slice(1).map(e => [e.description, e] as const))(
      'names the action with a destination and repoUrl: %s',
      (_d, example) => {
        const step = (
          yaml.parse(example.example).steps as {
            action: string;
            input: Record<string, unknown>;
          }[]
        ).find(s => s.action === action.id)!;
        expect(['github', 'gitlab']).toContain(step.input.destination);
        expect(step.input.repoUrl).toMatch(
          /^git(hub|lab)\.com\?owner=acme&repo=gitops$/,
        );
      },
    );
  });
});
