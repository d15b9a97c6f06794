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
  itRequiresTheUserToken,
} from '../__testUtils__/gitlabActionTests';
import { createGitlabMergeRequestAction } from './gitlabMergeRequest';
import { examples } from './gitlabMergeRequest.examples';

describe('kafka-connect:gitlab:merge-request', () => {
  // The project has the branch already: gitlab:repo:push made it before this action runs.
  const suite = useGitLabActionSuite({
    create: config => createGitlabMergeRequestAction({ config }),
    fake: { branches: ['main', BRANCH] },
    input: {
      repoUrl: REPO_URL,
      sourceBranch: BRANCH,
      title: 'Kafka Connect cluster orders in streaming',
      description: 'The summary',
    },
  });
  const { gitlab, run, actionWith } = suite;

  it("opens a merge request into the project's default branch when none is open", async () => {
    const { outputs, checkpointKeys, logger } = await run({
      removeSourceBranch: true,
    });

    expect(outputs).toEqual({
      mergeRequestUrl: 'https://gitlab.com/acme/gitops/-/merge_requests/1',
      iid: 1,
      created: true,
      targetBranch: 'main',
    });
    expect(gitlab.mergeRequests).toEqual([
      expect.objectContaining({
        iid: 1,
        source_branch: BRANCH,
        target_branch: 'main',
        title: 'Kafka Connect cluster orders in streaming',
        description: 'The summary',
        remove_source_branch: true,
        state: 'opened',
      }),
    ]);
    expect(gitlab.routes()).toEqual([
      `GET /projects/${PROJECT}`,
      `GET /projects/${PROJECT}/merge_requests`,
      `POST /projects/${PROJECT}/merge_requests`,
    ]);
    expect(gitlab.requests[1].query).toEqual({
      source_branch: BRANCH,
      state: 'opened',
      per_page: '100',
    });
    expect(gitlab.requests[2].body).toEqual({
      source_branch: BRANCH,
      target_branch: 'main',
      title: 'Kafka Connect cluster orders in streaming',
      description: 'The summary',
      remove_source_branch: true,
    });
    // The integration's access token, as GitLab's PRIVATE-TOKEN header.
    for (const request of gitlab.requests) {
      expect(request.headers['private-token']).toBe(TOKEN);
      expect(request.headers.authorization).toBeUndefined();
    }
    expect(checkpointKeys).toEqual([
      `kafka-connect.gitlab.merge-request.open.${PROJECT}.${BRANCH}`,
    ]);
    expect(logger.info).toHaveBeenCalledWith(
      `Opened merge request !1 of GitLab project ${PROJECT} from ${BRANCH} into main: https://gitlab.com/acme/gitops/-/merge_requests/1`,
    );
  });

  it('updates the title and description of the merge request open from the branch, and opens no other', async () => {
    await run();
    gitlab.requests.length = 0;

    const { outputs, checkpointKeys } = await run({
      title: 'Kafka Connect cluster orders in streaming-eu',
      description: 'The new summary',
    });

    expect(outputs).toEqual({
      mergeRequestUrl: 'https://gitlab.com/acme/gitops/-/merge_requests/1',
      iid: 1,
      created: false,
      targetBranch: 'main',
    });
    expect(gitlab.mergeRequests).toHaveLength(1);
    expect(gitlab.mergeRequests[0]).toMatchObject({
      iid: 1,
      target_branch: 'main',
      title: 'Kafka Connect cluster orders in streaming-eu',
      description: 'The new summary',
    });
    expect(gitlab.routes()).toEqual([
      `GET /projects/${PROJECT}`,
      `GET /projects/${PROJECT}/merge_requests`,
      `PUT /projects/${PROJECT}/merge_requests/1`,
    ]);
    // Neither the target (not asked for) nor remove_source_branch (not given) is sent.
    expect(gitlab.requests[2].body).toEqual({
      title: 'Kafka Connect cluster orders in streaming-eu',
      description: 'The new summary',
    });
    expect(checkpointKeys).toEqual([
      `kafka-connect.gitlab.merge-request.open.${PROJECT}.${BRANCH}`,
      `kafka-connect.gitlab.merge-request.update.${PROJECT}.${BRANCH}.1`,
    ]);
  });

  it('sends nothing again when a resumed task had opened or updated the merge request already', async () => {
    const checkpoints: CheckpointStore = new Map();
    const first = await run({}, { checkpoints });
    const resumed = await run({}, { checkpoints });
    expect(resumed.outputs).toEqual(first.outputs);
    expect(resumed.outputs.created).toBe(true);
    expect(gitlab.writes()).toHaveLength(1);

    // A task that updated: its resumption does not update twice either.
    const updating: CheckpointStore = new Map();
    await run({ title: 'Second' }, { checkpoints: updating });
    await run({ title: 'Second' }, { checkpoints: updating });
    expect(gitlab.writes().map(r => r.method)).toEqual(['POST', 'PUT']);
  });

  it('takes the merge request GitLab opened although it answered 5xx, and opens no second one', async () => {
    gitlab.failures.push({
      route: /^POST /,
      reply: {
        status: 502,
        body: '<html><head><title>502 Bad Gateway</title></head></html>',
        raw: true,
      },
      // GitLab opened it; the proxy in front of it timed out and answered 502.
      meanwhile: () =>
        gitlab.addMergeRequest({ source_branch: BRANCH, title: 'Opened' }),
    });
    const { outputs, logger } = await run();

    expect(outputs).toMatchObject({ iid: 1, created: true });
    expect(gitlab.mergeRequests).toHaveLength(1);
    expect(gitlab.writes().map(r => r.method)).toEqual(['POST']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Could not open a merge request into main of GitLab project acme\/gitops \(source branch kafka-connect\/orders\): GitLab answered 502 Bad Gateway: an HTML page "502 Bad Gateway" \(a failure on GitLab's side: run the template again once GitLab answers\); yet the merge request is open: !1 \(https:\/\/gitlab\.com\/acme\/gitops\/-\/merge_requests\/1\)$/,
      ),
    );
  });

  it('fails on a 5xx when GitLab did not open the merge request, and a run after it opens exactly one', async () => {
    gitlab.failures.push({
      route: /^POST /,
      reply: { status: 500, body: { message: '500 Internal Server Error' } },
    });
    const checkpoints: CheckpointStore = new Map();
    const error = await failure(run({}, { checkpoints }));

    expect(error.message).toMatch(
      /^Could not open a merge request into main of GitLab project acme\/gitops \(source branch kafka-connect\/orders\): GitLab answered 500 Internal Server Error: 500 Internal Server Error \(a failure on GitLab's side/,
    );
    expect(gitlab.mergeRequests).toEqual([]);
    // The failed checkpoint is not kept: the run after it (or the task retried) opens one.
    expect([...checkpoints.keys()]).toEqual([]);
    const again = await run({}, { checkpoints });
    expect(again.outputs).toMatchObject({ iid: 1, created: true });
    expect(gitlab.mergeRequests).toHaveLength(1);
  });

  it('leaves closed and merged merge requests and those from forks alone', async () => {
    gitlab.addMergeRequest({ source_branch: BRANCH, state: 'merged' });
    gitlab.addMergeRequest({ source_branch: BRANCH, state: 'closed' });
    gitlab.addMergeRequest({ source_branch: BRANCH, source_project_id: 99 });
    gitlab.addMergeRequest({ source_branch: 'kafka-connect/other' });

    const { outputs } = await run();

    expect(outputs).toMatchObject({ iid: 5, created: true });
    expect(gitlab.mergeRequests.map(mr => mr.title)).toEqual([
      'an older title',
      'an older title',
      'an older title',
      'an older title',
      'Kafka Connect cluster orders in streaming',
    ]);
  });

  it('keeps the target of an open merge request that someone retargeted, unless targetBranch is given', async () => {
    gitlab.project().branches.set('release', 'release-tip');
    gitlab.addMergeRequest({ source_branch: BRANCH, target_branch: 'release' });

    const kept = await run();
    expect(kept.outputs).toMatchObject({
      iid: 1,
      created: false,
      targetBranch: 'release',
    });
    expect(gitlab.mergeRequests[0].target_branch).toBe('release');

    // Asked for another target: that is another merge request (GitLab allows one per target).
    const other = await run({ targetBranch: 'main' });
    expect(other.outputs).toMatchObject({
      iid: 2,
      created: true,
      targetBranch: 'main',
    });
    // Asked for the target it has: updated, target sent.
    gitlab.requests.length = 0;
    await run({ targetBranch: 'release', title: 'Retitled' });
    expect(gitlab.requests.at(-1)).toMatchObject({
      method: 'PUT',
      route: `/projects/${PROJECT}/merge_requests/1`,
      body: { title: 'Retitled', target_branch: 'release' },
    });
  });

  it("sends a token given as input as the user's Bearer token instead of the integration's", async () => {
    await run({ token: USER_TOKEN });
    expectUserTokenOnly(gitlab.requests);
    expect(gitlab.mergeRequests).toHaveLength(1);
  });

  describe('with scaffolder.requireScmUserCredentials on', () => {
    const mergeRequestOpened = () => {
      expect(gitlab.mergeRequests).toHaveLength(1);
    };
    itRequiresTheUserToken(suite, mergeRequestOpened);
  });

  it('finds a project of a subgroup, or one given by its id', async () => {
    gitlab.addProject('acme/platform/gitops', 43, 'main', ['main', BRANCH]);
    const { outputs } = await run({
      repoUrl: 'gitlab.com?owner=acme/platform&repo=gitops',
    });
    expect(outputs.mergeRequestUrl).toBe(
      'https://gitlab.com/acme/platform/gitops/-/merge_requests/1',
    );
    expect(gitlab.requests[0].route).toBe('/projects/acme/platform/gitops');
    expect(gitlab.requests[0].method).toBe('GET');

    gitlab.requests.length = 0;
    const byId = await run({ repoUrl: 'gitlab.com?project=42' });
    expect(gitlab.requests[0].route).toBe('/projects/42');
    expect(byId.outputs.mergeRequestUrl).toBe(
      'https://gitlab.com/acme/gitops/-/merge_requests/1',
    );
  });

  describe('dry run', () => {
    it('reads, reports the merge request it would open, and changes nothing', async () => {
      const { outputs, checkpointKeys, logger } = await run(
        {},
        { isDryRun: true },
      );
      expect(gitlab.writes()).toEqual([]);
      expect(gitlab.mergeRequests).toEqual([]);
      expect(checkpointKeys).toEqual([]);
      expect(outputs).toEqual({
        mergeRequestUrl:
          'https://gitlab.com/acme/gitops/-/merge_requests/new?merge_request%5Bsource_branch%5D=kafka-connect%2Forders&merge_request%5Btarget_branch%5D=main',
        iid: 0,
        created: true,
        targetBranch: 'main',
      });
      expect(logger.info).toHaveBeenCalledWith(
        `Dry run: would open a merge request of GitLab project ${PROJECT} from ${BRANCH} into main`,
      );
    });

    it('reports the open merge request it would update', async () => {
      gitlab.addMergeRequest({ source_branch: BRANCH });
      const { outputs, logger } = await run(
        { title: 'New' },
        { isDryRun: true },
      );
      expect(gitlab.writes()).toEqual([]);
      expect(gitlab.mergeRequests[0].title).toBe('an older title');
      expect(outputs).toEqual({
        mergeRequestUrl: 'https://gitlab.com/acme/gitops/-/merge_requests/1',
        iid: 1,
        created: false,
        targetBranch: 'main',
      });
      expect(logger.info).toHaveBeenCalledWith(
        expect.stringMatching(/^Dry run: would update merge request !1 /),
      );
    });
  });

  describe("GitLab's errors", () => {
    const cases: GitLabErrorCase[] = [
      {
        name: '401 on reading the project',
        route: /^GET \/projects\/acme\/gitops$/,
        reply: { status: 401, body: { message: '401 Unauthorized' } },
        error: 'AuthenticationError',
        message:
          /^Could not read the project of GitLab project acme\/gitops \(source branch kafka-connect\/orders\): GitLab answered 401 Unauthorized: 401 Unauthorized \(the token is missing, expired or revoked\)$/,
      },
      {
        name: '404 for a project that is not there',
        route: /^GET \/projects\/acme\/gitops$/,
        reply: { status: 404, body: { message: '404 Project Not Found' } },
        error: 'NotFoundError',
        message:
          /GitLab project acme\/gitops \(source branch kafka-connect\/orders\): GitLab answered 404 Not Found: 404 Project Not Found \(the project does not exist, or the token cannot see it\)$/,
      },
      {
        name: '403 on opening',
        route: /^POST /,
        reply: { status: 403, body: { message: '403 Forbidden' } },
        error: 'NotAllowedError',
        message:
          /^Could not open a merge request into main of GitLab project acme\/gitops \(source branch kafka-connect\/orders\): GitLab answered 403 Forbidden: 403 Forbidden \(the token needs the api scope/,
      },
      {
        name: '422 with a list of messages',
        route: /^POST /,
        reply: {
          status: 422,
          body: {
            message: [
              'Validation failed',
              'Source branch or target branch does not exist',
            ],
          },
        },
        error: 'InputError',
        message:
          /GitLab answered 422 Unprocessable Entity: Validation failed; Source branch or target branch does not exist$/,
      },
      {
        name: '409 with a message per field',
        route: /^POST /,
        reply: {
          status: 409,
          body: { message: { base: ['Another open merge request'] } },
        },
        error: 'ConflictError',
        message:
          /GitLab answered 409 Conflict: base: Another open merge request$/,
      },
      {
        name: '500 on updating',
        route: /^PUT /,
        setUp: () => gitlab.addMergeRequest({ source_branch: BRANCH }),
        reply: {
          status: 500,
          body: { message: '500 Internal Server Error' },
        },
        error: 'Error',
        message:
          /^Could not update merge request !1 of GitLab project acme\/gitops \(source branch kafka-connect\/orders\): GitLab answered 500 Internal Server Error: 500 Internal Server Error \(a failure on GitLab's side: run the template again once GitLab answers\)$/,
      },
      {
        name: 'a proxy page instead of JSON',
        route: /^GET \/projects\/acme\/gitops\/merge_requests$/,
        reply: {
          status: 502,
          body: '<html>\n<h1>502 Bad Gateway</h1>\n</html>',
          raw: true,
        },
        error: 'Error',
        message:
          /^Could not list the open merge requests of GitLab project acme\/gitops \(source branch kafka-connect\/orders\): GitLab answered 502 Bad Gateway: an HTML page "502 Bad Gateway" \(a failure on GitLab's side: run the template again once GitLab answers\)$/,
      },
    ];

    const noMergeRequestTitledT = () => {
      expect(gitlab.mergeRequests.filter(mr => mr.title === 'T')).toEqual([]);
    };
    itFailsOnEachGitLabError(suite, cases, {
      input: { title: 'T', description: 'D' },
      nothingChanged: noMergeRequestTitledT,
    });

    it('names GitLab and the project when GitLab cannot be reached, without the token', async () => {
      const { apiBaseUrl, port } = await unreachableApiBaseUrl();
      const unreachable = createGitlabMergeRequestAction({
        config: gitlabConfig({ token: TOKEN, apiBaseUrl }),
      });
      const error = await failure(run({}, { using: unreachable }));
      expect(error.message).toMatch(
        new RegExp(
          `^Could not read the project of GitLab project acme/gitops \\(source branch kafka-connect/orders\\): GitLab at http://127\\.0\\.0\\.1:${port}/api/v4 could not be reached: .*ECONNREFUSED`,
        ),
      );
      expect(error.message).not.toContain(TOKEN);
    });
  });

  describe('input it refuses before calling GitLab', () => {
    it.each([
      [
        'a source branch that is no branch name',
        { sourceBranch: 'kafka connect' },
        /^sourceBranch must be parts of letters/,
      ],
      [
        'a target branch that is no branch name',
        { targetBranch: '-main' },
        /^targetBranch must be parts of letters/,
      ],
      ['an empty title', { title: '  ' }, /^title must not be empty$/],
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

    it('refuses the default branch as the source, and a project without default branch', async () => {
      const same = await failure(run({ sourceBranch: 'main' }));
      expect(same.message).toBe(
        'sourceBranch main is the branch to merge into: use a branch of its own',
      );
      gitlab.projects.get(PROJECT)!.default_branch = null;
      const empty = await failure(run());
      expect(empty.message).toBe(
        'GitLab project acme/gitops has no default branch (is it empty?): push a first commit to it, or set targetBranch',
      );
      expect(gitlab.writes()).toEqual([]);
    });
  });

  describe('examples', () => {
    /** Runs the example's steps; gitlab:repo:push (another module) is played by the fake. */
    const runSteps = (steps: Step[]) =>
      runExampleSteps(steps, {
        action: suite.action,
        workspacePath: suite.workspace,
        push: ({ repoUrl, branchName }) => {
          const owner = new URL(`https://${repoUrl}`).searchParams;
          gitlab
            .project(`${owner.get('owner')}/${owner.get('repo')}`)
            .branches.set(branchName, `${branchName}-pushed`);
        },
      });

    it.each(examples.map(e => [e.description, e] as const))(
      '%s',
      async (_d, example) => {
        gitlab.projects.clear();
        gitlab.addProject('acme/gitops', 42, 'main', ['main']);
        gitlab.addProject('acme/platform/gitops', 43, 'main', [
          'main',
          'release',
          BRANCH,
        ]);
        const steps = yaml.parse(example.example).steps as Step[];
        expect(steps.map(s => s.action)).toContain(suite.action.id);

        const [first] = await runSteps(steps);
        expect(first).toMatchObject({ iid: 1, created: true });
        // Run again: the same merge request, updated.
        const [second] = await runSteps(steps);
        expect(second).toEqual({ ...first, created: false });
        expect(gitlab.mergeRequests).toHaveLength(1);
        const input = steps.find(s => s.action === suite.action.id)!.input;
        expect(gitlab.mergeRequests[0]).toMatchObject({
          source_branch: input.sourceBranch,
          target_branch: input.targetBranch ?? 'main',
          title: input.title,
          description: input.description,
        });
      },
    );
  });
});
