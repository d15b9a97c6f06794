import yaml from 'yaml';
import { CheckpointStore } from '../__testUtils__/actionContext';
import { failure, runExampleSteps, Step } from '../__testUtils__/exampleSteps';
import {
  BRANCH,
  PROJECT,
  REPO_URL,
  TOKEN,
  USER_TOKEN,
} from '../__testUtils__/fakeGitLab';
import { useGitLabActionSuite } from '../__testUtils__/gitlabActionSuite';
import {
  expectUserTokenOnly,
  GitLabErrorCase,
  itFailsOnEachGitLabError,
  itNamesTheProjectNotARefusedToken,
  itRequiresTheUserToken,
} from '../__testUtils__/gitlabActionTests';
import { createGitlabDeleteFilesAction } from './gitlabDeleteFiles';
import { examples } from './gitlabDeleteFiles.examples';

const FOLDER = 'clusters/prod/orders';
const KEPT = [
  `${FOLDER}/connect-cluster.yaml`,
  `${FOLDER}/templates/kafka-connect.yaml`,
  'README.md',
];
const CONNECTORS = [
  `${FOLDER}/templates/kafka-connector-orders-audit.yaml`,
  `${FOLDER}/templates/kafka-connector-orders-sink.yaml`,
];
const MESSAGE =
  'Change Kafka Connect cluster orders: delete the files it drops';
const BRANCH_ROUTE = `/projects/${PROJECT}/repository/branches/${BRANCH}`;
const fileRoute = (file: string) =>
  `/projects/${PROJECT}/repository/files/${file}`;

describe('kafka-connect:gitlab:delete-files', () => {
  const suite = useGitLabActionSuite({
    create: config => createGitlabDeleteFilesAction({ config }),
    fake: { branches: ['main', BRANCH] },
    // The input of the change template's step: the connectors' files, relative to the folder.
    input: {
      repoUrl: REPO_URL,
      branch: BRANCH,
      targetPath: FOLDER,
      filesToDelete: CONNECTORS.map(f => f.slice(FOLDER.length + 1)),
      commitMessage: MESSAGE,
    },
  });
  const { gitlab, run } = suite;
  type Input = Parameters<typeof suite.action.handler>[0]['input'];
  const filesOf = (branch: string) => [...gitlab.project().files.get(branch)!];

  beforeEach(() => {
    for (const branch of ['main', BRANCH])
      gitlab.project().files.set(branch, new Set([...KEPT, ...CONNECTORS]));
  });

  it('deletes the files on the branch in one commit', async () => {
    const { outputs, checkpointKeys, logger } = await run();

    expect(outputs).toEqual({
      deleted: CONNECTORS,
      commitHash: `${BRANCH}-commit-1`,
    });
    expect(gitlab.routes()).toEqual([
      `GET ${BRANCH_ROUTE}`,
      `HEAD ${fileRoute(CONNECTORS[0])}`,
      `HEAD ${fileRoute(CONNECTORS[1])}`,
      `POST /projects/${PROJECT}/repository/commits`,
    ]);
    // The file path is one URL-encoded segment, looked up on the branch.
    expect(gitlab.requests[1]).toMatchObject({
      rawPath: `/api/v4/projects/acme%2Fgitops/repository/files/${encodeURIComponent(
        CONNECTORS[0],
      )}`,
      query: { ref: BRANCH },
    });
    expect(gitlab.requests[3].body).toEqual({
      branch: BRANCH,
      commit_message: MESSAGE,
      actions: CONNECTORS.map(file_path => ({ action: 'delete', file_path })),
    });
    expect(gitlab.project().commits).toHaveLength(1);
    expect(filesOf(BRANCH)).toEqual(KEPT);
    // The other branches are left as they are.
    expect(filesOf('main')).toEqual([...KEPT, ...CONNECTORS]);
    for (const request of gitlab.requests) {
      expect(request.headers['private-token']).toBe(TOKEN);
      expect(request.headers.authorization).toBeUndefined();
    }
    expect(checkpointKeys).toEqual([
      `kafka-connect.gitlab.delete-files.${PROJECT}.${BRANCH}.${FOLDER}`,
    ]);
    expect(logger.info).toHaveBeenCalledWith(
      `Deleted 2 files on branch ${BRANCH} of GitLab project ${PROJECT} in commit ${BRANCH}-commit-1: ${CONNECTORS.join(
        ', ',
      )}`,
    );
  });

  it('commits nothing when run again: the files are gone', async () => {
    await run();
    const { outputs, logger } = await run();

    expect(outputs).toEqual({ deleted: [] });
    expect(gitlab.project().commits).toHaveLength(1);
    expect(gitlab.writes()).toHaveLength(1);
    expect(logger.info).toHaveBeenCalledWith(
      `None of the 2 files to delete is on branch ${BRANCH} of GitLab project ${PROJECT}: nothing to commit`,
    );
  });

  it('leaves out the files that are not on the branch, and names each once', async () => {
    gitlab.project().files.get(BRANCH)!.delete(CONNECTORS[0]);
    const { outputs } = await run({
      filesToDelete: [
        'templates/kafka-connector-orders-audit.yaml',
        'templates/kafka-connector-orders-sink.yaml',
        './templates//kafka-connector-orders-sink.yaml',
        'templates/never-there.yaml',
      ],
    });
    expect(outputs.deleted).toEqual([CONNECTORS[1]]);
    expect(gitlab.requests.filter(r => r.method === 'HEAD')).toHaveLength(3);
    expect(gitlab.project().commits[0].actions).toEqual([
      { action: 'delete', file_path: CONNECTORS[1] },
    ]);
  });

  it('sends nothing to GitLab for an empty list', async () => {
    const { outputs } = await run({ filesToDelete: [] });
    expect(outputs).toEqual({ deleted: [] });
    expect(gitlab.requests).toEqual([]);
  });

  it('takes paths from the top of the repository without targetPath', async () => {
    const { outputs } = await run({
      targetPath: undefined,
      filesToDelete: ['README.md'],
    });
    expect(outputs.deleted).toEqual(['README.md']);
    expect(filesOf(BRANCH)).not.toContain('README.md');
  });

  it('sends nothing again when a resumed task had deleted the files already', async () => {
    const checkpoints: CheckpointStore = new Map();
    const first = await run({}, { checkpoints });
    const seen = gitlab.requests.length;
    const resumed = await run({}, { checkpoints });
    expect(resumed.outputs).toEqual(first.outputs);
    expect(gitlab.requests).toHaveLength(seen);
  });

  it("sends a token given as input as the user's Bearer token instead of the integration's", async () => {
    await run({ token: USER_TOKEN });
    expect(gitlab.project().commits).toHaveLength(1);
    expectUserTokenOnly(gitlab.requests);
  });

  describe('with scaffolder.requireScmUserCredentials on', () => {
    const deletedInOneCommit = () => {
      expect(gitlab.project().commits).toHaveLength(1);
    };
    itRequiresTheUserToken(suite, deletedInOneCommit);

    it('refuses also when there is nothing to delete: the step lacks the token on every run', async () => {
      await expect(
        run({ filesToDelete: [] }, { using: suite.requiring() }),
      ).rejects.toThrow(/^No user credentials provided for host gitlab\.com/);
      expect(gitlab.requests).toEqual([]);
    });
  });

  it('takes a commit that GitLab made though it answered 502 as made', async () => {
    gitlab.failures.push({
      route: /^POST /,
      reply: { status: 502, body: { message: '502 Bad Gateway' } },
      meanwhile: () => gitlab.project().files.set(BRANCH, new Set(KEPT)),
    });
    const { outputs, logger } = await run();
    expect(outputs).toEqual({ deleted: CONNECTORS });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /GitLab answered 502 Bad Gateway: 502 Bad Gateway .*; yet none of the files is on the branch any more$/,
      ),
    );
  });

  describe('dry run', () => {
    it('reports the files it would delete, and changes nothing', async () => {
      const { outputs, checkpointKeys, logger } = await run(
        {},
        { isDryRun: true },
      );
      expect(outputs).toEqual({ deleted: CONNECTORS });
      expect(gitlab.writes()).toEqual([]);
      expect(filesOf(BRANCH)).toEqual([...KEPT, ...CONNECTORS]);
      expect(checkpointKeys).toEqual([]);
      expect(logger.info).toHaveBeenCalledWith(
        `Dry run: would delete 2 files on branch ${BRANCH} of GitLab project ${PROJECT} in one commit: ${CONNECTORS.join(
          ', ',
        )}`,
      );
    });
  });

  describe("GitLab's errors", () => {
    it('fails, naming the branch and what to run first, when the branch is missing', async () => {
      const error = await failure(run({ branch: 'kafka-connect/other' }));
      expect(error.name).toBe('NotFoundError');
      expect(error.message).toBe(
        `Branch kafka-connect/other of GitLab project ${PROJECT} does not exist, so no file can be deleted on it: make sure it exists (kafka-connect:gitlab:branch, then gitlab:repo:push) before this step`,
      );
      expect(error.stack).toBe(`${error.name}: ${error.message}`);
      expect(gitlab.writes()).toEqual([]);
    });

    const cases: GitLabErrorCase[] = [
      {
        name: '401 on reading the branch',
        route: /^GET \/projects\/acme\/gitops\/repository\/branches\//,
        reply: { status: 401, body: { message: '401 Unauthorized' } },
        error: 'AuthenticationError',
        message:
          /^Could not read the branch of GitLab project acme\/gitops \(branch kafka-connect\/orders\): GitLab answered 401 Unauthorized: 401 Unauthorized \(the token is missing, expired or revoked\)$/,
      },
      {
        name: '404 for a project that is not there (the branch read says 404 too)',
        route: /^GET \/projects\/acme\/gitops$/,
        reply: { status: 404, body: { message: '404 Project Not Found' } },
        setUp: () => gitlab.project().branches.delete(BRANCH),
        error: 'NotFoundError',
        message:
          /^Could not read the project of GitLab project acme\/gitops \(branch kafka-connect\/orders\): GitLab answered 404 Not Found: 404 Project Not Found \(the project does not exist, or the token cannot see it\)$/,
      },
      {
        name: '403 on looking up a file (no body to a HEAD request)',
        route: /^HEAD /,
        reply: { status: 403, body: '', raw: true },
        error: 'NotAllowedError',
        message:
          /^Could not look up clusters\/prod\/orders\/templates\/kafka-connector-orders-audit\.yaml of GitLab project acme\/gitops \(branch kafka-connect\/orders\): GitLab answered 403 Forbidden \(the token needs the api scope and at least the Developer role in the project\)$/,
      },
      {
        name: '403 on committing to a protected branch',
        route: /^POST /,
        reply: {
          status: 403,
          body: { message: 'You are not allowed to push into this branch' },
        },
        error: 'NotAllowedError',
        message:
          /^Could not commit the deletion of 2 files of GitLab project acme\/gitops \(branch kafka-connect\/orders\): GitLab answered 403 Forbidden: You are not allowed to push into this branch \(the token needs the api scope and at least the Developer role in the project\)$/,
      },
      {
        name: '502 on committing, the files still there',
        route: /^POST /,
        reply: { status: 502, body: { message: '502 Bad Gateway' } },
        error: 'Error',
        message:
          /^Could not commit the deletion of 2 files of GitLab project acme\/gitops \(branch kafka-connect\/orders\): GitLab answered 502 Bad Gateway: 502 Bad Gateway \(a failure on GitLab's side: run the template again once GitLab answers\)$/,
      },
    ];

    const noCommit = () => {
      expect(gitlab.project().commits).toEqual([]);
    };
    itFailsOnEachGitLabError(suite, cases, { nothingChanged: noCommit });

    itNamesTheProjectNotARefusedToken(suite);
  });

  describe('input it refuses before calling GitLab', () => {
    it.each([
      [
        'a file that climbs out of targetPath',
        { filesToDelete: ['../other/connect-cluster.yaml'] },
        'filesToDelete[0]: must not climb out of its folder with ".." (got "../other/connect-cluster.yaml")',
      ],
      [
        'an absolute file path',
        { filesToDelete: ['ok.yaml', '/etc/passwd'] },
        'filesToDelete[1]: must be a relative path, not an absolute one (got "/etc/passwd")',
      ],
      [
        'a file in .git',
        { filesToDelete: ['.git/config'] },
        'filesToDelete[0]: must not name a ".git" folder (got ".git/config")',
      ],
      [
        'a targetPath that climbs out',
        { targetPath: 'clusters/../..' },
        'targetPath: must not climb out of its folder with ".." (got "clusters/../..")',
      ],
      [
        'a branch that is no branch name',
        { branch: 'kafka connect' },
        expect.stringMatching(/^branch must be parts of letters/),
      ],
      [
        'an empty commit message',
        { commitMessage: '  ' },
        'commitMessage must not be empty',
      ],
      [
        'a host that is not configured',
        { repoUrl: 'gitlab.example.com?owner=acme&repo=gitops' },
        expect.stringMatching(
          /No matching integration configuration for host gitlab\.example\.com/,
        ),
      ],
    ] as const)('%s', async (_name, input, message) => {
      const error = await failure(run(input as Partial<Input>));
      expect(error.name).toBe('InputError');
      expect(error.message).toEqual(message);
      expect(gitlab.requests).toEqual([]);
    });
  });

  describe('examples', () => {
    it.each(examples.map(e => [e.description, e] as const))(
      '%s',
      async (_d, example) => {
        const steps = yaml.parse(example.example).steps as Step[];
        const step = steps.find(s => s.action === suite.action.id)!;
        // The template's expression for the user's token, as the scaffolder fills it in.
        if (step.input.token) step.input.token = USER_TOKEN;
        const query = new URL(`https://${step.input.repoUrl}`).searchParams;
        const project =
          gitlab.projects.get(`${query.get('owner')}/${query.get('repo')}`) ??
          gitlab.addProject(
            `${query.get('owner')}/${query.get('repo')}`,
            43,
            'main',
            ['main', BRANCH],
          );
        const targetPath = (step.input.targetPath as string | undefined) ?? '';
        const toDelete = (step.input.filesToDelete as string[]).map(f =>
          targetPath ? `${targetPath}/${f}` : f,
        );
        project.files.set(BRANCH, new Set(['README.md', ...toDelete]));

        const runSteps = () =>
          runExampleSteps(steps, {
            action: suite.action,
            workspacePath: suite.workspace,
            // gitlab:repo:push (another module) is played by the fake: the branch is there.
            push: ({ branchName }) =>
              expect(project.branches.has(branchName)).toBe(true),
          });
        const [first] = await runSteps();
        expect(first).toEqual({
          deleted: toDelete,
          commitHash: `${BRANCH}-commit-1`,
        });
        expect([...project.files.get(BRANCH)!]).toEqual(['README.md']);
        // Run again: nothing is left to delete, nothing is committed.
        const [second] = await runSteps();
        expect(second).toEqual({ deleted: [] });
        expect(project.commits).toHaveLength(1);
      },
    );
  });
});
