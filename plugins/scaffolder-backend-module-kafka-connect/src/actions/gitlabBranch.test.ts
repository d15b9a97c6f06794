import yaml from 'yaml';
import { CheckpointStore } from '../__testUtils__/actionContext';
import { failure, runExampleSteps, Step } from '../__testUtils__/exampleSteps';
import {
  BRANCH,
  gitlabConfig,
  PROJECT,
  REPO_URL,
  TOKEN,
  unreachableApiBaseUrl,
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
import { createGitlabBranchAction } from './gitlabBranch';
import { examples } from './gitlabBranch.examples';

/** The branch's API path, decoded (the raw one is checked once below). */
const BRANCH_ROUTE = `/projects/${PROJECT}/repository/branches/${BRANCH}`;

describe('kafka-connect:gitlab:branch', () => {
  const suite = useGitLabActionSuite({
    create: config => createGitlabBranchAction({ config }),
    input: { repoUrl: REPO_URL, branch: BRANCH },
  });
  const { gitlab, run, actionWith } = suite;

  it('creates nothing when the branch exists', async () => {
    gitlab.project().branches.set(BRANCH, 'branch-tip');

    const { outputs, checkpointKeys, logger } = await run();

    expect(outputs).toEqual({
      branch: BRANCH,
      created: false,
      defaultBranch: 'main',
    });
    expect(gitlab.routes()).toEqual([
      `GET ${BRANCH_ROUTE}`,
      `GET /projects/${PROJECT}`,
    ]);
    expect(gitlab.writes()).toEqual([]);
    expect(gitlab.project().branches.get(BRANCH)).toBe('branch-tip');
    expect(checkpointKeys).toEqual([
      `kafka-connect.gitlab.branch.ensure.${PROJECT}.${BRANCH}`,
    ]);
    expect(logger.info).toHaveBeenCalledWith(
      `Branch ${BRANCH} of GitLab project ${PROJECT} exists`,
    );
  });

  it("creates a missing branch from the project's default branch", async () => {
    const { outputs, checkpointKeys, logger } = await run();

    expect(outputs).toEqual({
      branch: BRANCH,
      created: true,
      defaultBranch: 'main',
    });
    expect(gitlab.routes()).toEqual([
      `GET ${BRANCH_ROUTE}`,
      `GET /projects/${PROJECT}`,
      `POST /projects/${PROJECT}/repository/branches`,
    ]);
    // The project and the branch are one URL-encoded path segment each.
    expect(gitlab.requests[0].rawPath).toBe(
      '/api/v4/projects/acme%2Fgitops/repository/branches/kafka-connect%2Forders',
    );
    expect(gitlab.requests[2].query).toEqual({ branch: BRANCH, ref: 'main' });
    expect(gitlab.requests[2].body).toBeUndefined();
    // At the default branch's commit.
    expect(gitlab.project().branches.get(BRANCH)).toBe('main-tip');
    // The integration's access token, as GitLab's PRIVATE-TOKEN header.
    for (const request of gitlab.requests) {
      expect(request.headers['private-token']).toBe(TOKEN);
      expect(request.headers.authorization).toBeUndefined();
    }
    expect(checkpointKeys).toEqual([
      `kafka-connect.gitlab.branch.ensure.${PROJECT}.${BRANCH}`,
    ]);
    expect(logger.info).toHaveBeenCalledWith(
      `Created branch ${BRANCH} of GitLab project ${PROJECT} from main`,
    );

    // Run again: it exists now.
    const again = await run();
    expect(again.outputs.created).toBe(false);
    expect(gitlab.writes()).toHaveLength(1);
  });

  it('creates it from a default branch other than main, in a project of a subgroup or given by id', async () => {
    const project = gitlab.addProject('acme/platform/gitops', 43, 'develop', [
      'develop',
      'main',
    ]);
    const { outputs } = await run({
      repoUrl: 'gitlab.com?owner=acme/platform&repo=gitops',
    });
    expect(outputs).toEqual({
      branch: BRANCH,
      created: true,
      defaultBranch: 'develop',
    });
    expect(project.branches.get(BRANCH)).toBe('develop-tip');
    expect(gitlab.requests[2]).toMatchObject({
      rawPath: '/api/v4/projects/acme%2Fplatform%2Fgitops/repository/branches',
      query: { branch: BRANCH, ref: 'develop' },
    });

    gitlab.requests.length = 0;
    const byId = await run({
      repoUrl: 'gitlab.com?project=43',
      branch: 'kafka-connect/other',
    });
    expect(byId.outputs.created).toBe(true);
    expect(gitlab.requests.map(r => r.route)).toEqual([
      '/projects/43/repository/branches/kafka-connect/other',
      '/projects/43',
      '/projects/43/repository/branches',
    ]);
  });

  it('sends nothing again when a resumed task had created the branch already', async () => {
    const checkpoints: CheckpointStore = new Map();
    const first = await run({}, { checkpoints });
    const seen = gitlab.requests.length;
    const resumed = await run({}, { checkpoints });
    expect(resumed.outputs).toEqual(first.outputs);
    expect(resumed.outputs.created).toBe(true);
    expect(gitlab.requests).toHaveLength(seen);
  });

  it('takes a branch that someone created between reading and creating it as existing', async () => {
    gitlab.failures.push({
      route: /^POST /,
      reply: { status: 400, body: { message: 'Branch already exists' } },
      meanwhile: () => gitlab.project().branches.set(BRANCH, 'theirs'),
    });
    const { outputs } = await run();
    expect(outputs).toEqual({
      branch: BRANCH,
      created: false,
      defaultBranch: 'main',
    });
    expect(gitlab.routes()).toEqual([
      `GET ${BRANCH_ROUTE}`,
      `GET /projects/${PROJECT}`,
      `POST /projects/${PROJECT}/repository/branches`,
      `GET ${BRANCH_ROUTE}`,
    ]);
    expect(gitlab.project().branches.get(BRANCH)).toBe('theirs');
  });

  it("sends a token given as input as the user's Bearer token instead of the integration's", async () => {
    const { outputs } = await run({ token: USER_TOKEN });
    expect(outputs.created).toBe(true);
    expectUserTokenOnly(gitlab.requests);
  });

  describe('with scaffolder.requireScmUserCredentials on', () => {
    const branchCreated = () => {
      expect(gitlab.project().branches.get(BRANCH)).toBe('main-tip');
    };
    itRequiresTheUserToken(suite, branchCreated);
  });

  describe('dry run', () => {
    it('reads, reports the branch it would create, and changes nothing', async () => {
      const { outputs, checkpointKeys, logger } = await run(
        {},
        { isDryRun: true },
      );
      expect(outputs).toEqual({
        branch: BRANCH,
        created: true,
        defaultBranch: 'main',
      });
      expect(gitlab.routes()).toEqual([
        `GET ${BRANCH_ROUTE}`,
        `GET /projects/${PROJECT}`,
      ]);
      expect(gitlab.project().branches.has(BRANCH)).toBe(false);
      expect(checkpointKeys).toEqual([]);
      expect(logger.info).toHaveBeenCalledWith(
        `Dry run: would create branch ${BRANCH} of GitLab project ${PROJECT} from main`,
      );
    });

    it('reports a branch that exists', async () => {
      gitlab.project().branches.set(BRANCH, 'branch-tip');
      const { outputs, logger } = await run({}, { isDryRun: true });
      expect(outputs).toEqual({
        branch: BRANCH,
        created: false,
        defaultBranch: 'main',
      });
      expect(gitlab.writes()).toEqual([]);
      expect(logger.info).toHaveBeenCalledWith(
        `Dry run: branch ${BRANCH} of GitLab project ${PROJECT} exists`,
      );
    });
  });

  describe("GitLab's errors", () => {
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
        error: 'NotFoundError',
        message:
          /^Could not read the project of GitLab project acme\/gitops \(branch kafka-connect\/orders\): GitLab answered 404 Not Found: 404 Project Not Found \(the project does not exist, or the token cannot see it\)$/,
      },
      {
        name: '403 on creating',
        route: /^POST /,
        reply: { status: 403, body: { message: '403 Forbidden' } },
        error: 'NotAllowedError',
        message:
          /^Could not create the branch from main of GitLab project acme\/gitops \(branch kafka-connect\/orders\): GitLab answered 403 Forbidden: 403 Forbidden \(the token needs the api scope/,
      },
      {
        name: '400 on creating, the branch still missing',
        route: /^POST /,
        reply: { status: 400, body: { message: 'Invalid reference name' } },
        error: 'InputError',
        message:
          /^Could not create the branch from main of GitLab project acme\/gitops \(branch kafka-connect\/orders\): GitLab answered 400 Bad Request: Invalid reference name$/,
      },
      {
        name: '500 on reading the branch',
        route: /^GET \/projects\/acme\/gitops\/repository\/branches\//,
        reply: {
          status: 500,
          body: { message: '500 Internal Server Error' },
        },
        error: 'Error',
        message:
          /^Could not read the branch of GitLab project acme\/gitops \(branch kafka-connect\/orders\): GitLab answered 500 Internal Server Error: 500 Internal Server Error \(a failure on GitLab's side: run the template again once GitLab answers\)$/,
      },
      {
        name: 'a proxy page instead of JSON',
        route: /^GET \/projects\/acme\/gitops$/,
        reply: {
          status: 502,
          body: '<html>\n<h1>502 Bad Gateway</h1>\n</html>',
          raw: true,
        },
        error: 'Error',
        message:
          /^Could not read the project of GitLab project acme\/gitops \(branch kafka-connect\/orders\): GitLab answered 502 Bad Gateway: an HTML page "502 Bad Gateway" \(a failure on GitLab's side: run the template again once GitLab answers\)$/,
      },
    ];

    const noBranch = () => {
      expect(gitlab.project().branches.has(BRANCH)).toBe(false);
    };
    itFailsOnEachGitLabError(suite, cases, { nothingChanged: noBranch });

    itNamesTheProjectNotARefusedToken(suite);

    it('names GitLab and the project when GitLab cannot be reached, without the token', async () => {
      const { apiBaseUrl, port } = await unreachableApiBaseUrl();
      const unreachable = createGitlabBranchAction({
        config: gitlabConfig({ token: TOKEN, apiBaseUrl }),
      });
      const error = await failure(run({}, { using: unreachable }));
      expect(error.message).toMatch(
        new RegExp(
          `^Could not read the branch of GitLab project acme/gitops \\(branch kafka-connect/orders\\): GitLab at http://127\\.0\\.0\\.1:${port}/api/v4 could not be reached: .*ECONNREFUSED`,
        ),
      );
      expect(error.message).not.toContain(TOKEN);
    });

    it('refuses to create a branch in a project without default branch', async () => {
      gitlab.project().default_branch = null;
      const error = await failure(run());
      expect(error.name).toBe('InputError');
      expect(error.message).toBe(
        `GitLab project acme/gitops has no default branch (is it empty?) to create branch ${BRANCH} from: push a first commit to it`,
      );
      expect(gitlab.writes()).toEqual([]);
    });
  });

  describe('input it refuses before calling GitLab', () => {
    it.each([
      [
        'a branch that is no branch name',
        { branch: 'kafka connect' },
        /^branch must be parts of letters/,
      ],
      ['an empty branch', { branch: '' }, /^branch must not be empty/],
      [
        'a repoUrl without owner',
        { repoUrl: 'gitlab.com?repo=gitops' },
        /missing owner/,
      ],
      [
        'a host that is not configured',
        { repoUrl: 'gitlab.example.com?owner=acme&repo=gitops' },
        /No matching integration configuration for host gitlab\.example\.com/,
      ],
    ] as const)('%s', async (_name, input, message) => {
      const error = await failure(run(input));
      expect(error.name).toBe('InputError');
      expect(error.message).toMatch(message);
      expect(gitlab.requests).toEqual([]);
    });

    it('refuses a host without token, and no token given', async () => {
      const error = await failure(run({}, { using: actionWith({}) }));
      expect(error.message).toBe(
        "No GitLab token for gitlab.com: set integrations.gitlab[].token for it, or pass the user's token as input token",
      );
      expect(gitlab.requests).toEqual([]);
    });
  });

  describe('examples', () => {
    /**
     * Runs the example's steps; gitlab:repo:push (another module) is played by the fake: it
     * needs the branch to be there already, which is what the action is for.
     */
    const runSteps = (steps: Step[]) =>
      runExampleSteps(steps, {
        action: suite.action,
        workspacePath: suite.workspace,
        push: ({ repoUrl, branchName }) => {
          const query = new URL(`https://${repoUrl}`).searchParams;
          const project = gitlab.project(
            `${query.get('owner')}/${query.get('repo')}`,
          );
          expect(project.branches.has(branchName)).toBe(true);
          project.branches.set(branchName, `${branchName}-pushed`);
        },
      });

    it.each(examples.map(e => [e.description, e] as const))(
      '%s',
      async (_d, example) => {
        gitlab.addProject('acme/platform/gitops', 43, 'develop', ['develop']);
        const steps = yaml.parse(example.example).steps as Step[];
        const input = steps.find(s => s.action === suite.action.id)!.input;
        const query = new URL(`https://${input.repoUrl}`).searchParams;
        const project = gitlab.project(
          `${query.get('owner')}/${query.get('repo')}`,
        );

        const [first] = await runSteps(steps);
        expect(first).toEqual({
          branch: input.branch,
          created: true,
          defaultBranch: project.default_branch,
        });
        expect(project.branches.has(input.branch as string)).toBe(true);
        // Run again: the branch is there and is left as it is.
        const writes = gitlab.writes().length;
        const [second] = await runSteps(steps);
        expect(second).toEqual({ ...first, created: false });
        expect(gitlab.writes()).toHaveLength(writes);
      },
    );
  });
});
