import { CapturedLog } from './capturedLog';
import { clusterChangeEvents } from './clusterChangeAudit';
import { clusterValues } from './clusterValues';
import { GitHubDescription } from './githubDescription';
import { GitHubFake } from './githubFake';
import { GitLabFake } from './gitlabFake';
import { useScaffolderSuite } from './scaffolderSuite';
import {
  DEFAULT_USER,
  GITHUB_TOKEN,
  GITLAB_TOKEN,
  stepStatus,
  TaskResult,
} from './testBackend';

/**
 * The real template and backend against forges that fail: GitHub (Backstage's
 * publish:github:pull-request) and GitLab (this repository's kafka-connect:gitlab:merge-request)
 * answering 5xx or 422 where the pull or merge request is opened. A failed task must say what
 * happened and offer no link, and a run once the fault is gone opens exactly one request.
 */

jest.setTimeout(90_000);

const STACK_LINE = /^\s+at /m;
const branchOf = (name: string) => `kafka-connect/${name}`;

/**
 * Failed at `step`, with no output (so no link to a request). Our own actions' failures are
 * logged without a stack trace; Backstage's publish:github:pull-request logs its
 * GithubResponseError with the stack, which is not this repository's to change.
 */
function expectFailedWithoutLink(
  result: TaskResult,
  step: string,
  { ownAction }: { ownAction: boolean },
) {
  expect(result.status).toBe('failed');
  expect(stepStatus(result, step)).toBe('failed');
  expect(result.output).toBeUndefined();
  if (ownAction) expect(result.log).not.toMatch(STACK_LINE);
}

/**
 * The audit event of a failed publish: initiated (who, which cluster, where) by the step
 * before the publish steps; the step after them, which records succeeded, never ran.
 */
function expectInitiatedOnly(
  log: CapturedLog,
  result: TaskResult,
  forge: 'github' | 'gitlab',
  name: string,
) {
  expect(
    clusterChangeEvents(log, result.id).map(e => [e.status, e.meta]),
  ).toEqual([
    [
      'initiated',
      expect.objectContaining({
        user: DEFAULT_USER,
        cluster: expect.objectContaining({ name, namespace: 'streaming' }),
        destination: {
          type: forge,
          repository: `${forge}.com?owner=acme&repo=gitops`,
          branch: branchOf(name),
        },
      }),
    ],
  ]);
}

function expectCompleted(result: TaskResult) {
  expect({ status: result.status, error: result.error }).toEqual({
    status: 'completed',
    error: undefined,
  });
}

describe('faults of the forge', () => {
  const github = new GitHubFake(
    GitHubDescription.load(),
    'acme',
    'gitops',
    GITHUB_TOKEN,
    { 'README.md': '# GitOps\n' },
  );
  const gitlab = new GitLabFake('acme/gitops', GITLAB_TOKEN, {
    'README.md': '# GitOps\n',
  });
  const suite = useScaffolderSuite({
    handlers: [...github.handlers(), ...gitlab.handlers()],
  });

  afterEach(() => {
    // Requests off the published contracts make the test that sent them fail.
    const violations = [...github.violations, ...gitlab.violations];
    github.violations.length = 0;
    gitlab.violations.length = 0;
    github.faults.length = 0;
    gitlab.faults.length = 0;
    if (violations.length)
      throw new Error(`requests off the contract:\n${violations.join('\n')}`);
  });

  describe('GitHub', () => {
    const toGitHub = (name: string) => ({
      ...clusterValues({ name }),
      destination: {
        type: 'github',
        githubRepoUrl: 'github.com?owner=acme&repo=gitops',
      },
    });
    const pullsOf = (name: string) =>
      github.pulls.filter(p => p.head === branchOf(name));

    it('a 500 before GitHub acted is retried by the GitHub client: the task completes with one pull request', async () => {
      github.faults.push({
        operation: 'pulls/create',
        status: 500,
        body: { message: 'Server Error' },
        times: 1,
      });
      const result = await suite.scaffolder.run(toGitHub('gh-transient'));

      expectCompleted(result);
      expect(github.faults[0].times).toBe(0);
      expect(pullsOf('gh-transient')).toHaveLength(1);
      expect(result.output?.links?.[0]).toEqual({
        title: `Pull request #${pullsOf('gh-transient')[0].number} on GitHub`,
        url: pullsOf('gh-transient')[0].html_url,
      });
    });

    it('a 502 after GitHub opened the pull request fails the task saying so; a run after it updates that one: one pull request', async () => {
      github.faults.push({
        operation: 'pulls/create',
        status: 502,
        body: { message: 'Server Error' },
        times: 1,
        afterServing: true,
      });
      const failed = await suite.scaffolder.run(toGitHub('gh-late-502'));

      expectFailedWithoutLink(failed, 'pull-request', { ownAction: false });
      // The client's retry met the pull request the first call had opened.
      expect(failed.error?.message).toContain('Pull request creation failed');
      expect(failed.error?.message).toContain(
        `A pull request already exists for acme:${branchOf('gh-late-502')}.`,
      );
      expect(pullsOf('gh-late-502')).toHaveLength(1);

      const again = await suite.scaffolder.run(toGitHub('gh-late-502'));
      expectCompleted(again);
      expect(pullsOf('gh-late-502')).toHaveLength(1);
      expect(again.output?.links?.[0]).toEqual({
        title: `Pull request #${pullsOf('gh-late-502')[0].number} on GitHub`,
        url: pullsOf('gh-late-502')[0].html_url,
      });
    });

    it("a 422 fails the task with GitHub's message and no link; the branch left behind gets exactly one pull request on the next run", async () => {
      github.faults.push({
        operation: 'pulls/create',
        status: 422,
        body: {
          message: 'Validation Failed',
          errors: [{ resource: 'PullRequest', code: 'custom', field: 'base' }],
          documentation_url:
            'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
        },
        times: 1,
      });
      const failed = await suite.scaffolder.run(toGitHub('gh-422'));

      expectFailedWithoutLink(failed, 'pull-request', { ownAction: false });
      expect(failed.error?.message).toContain('Pull request creation failed');
      expect(failed.error?.message).toContain('Validation Failed');
      expect(pullsOf('gh-422')).toEqual([]);
      // The branch and its commit were made before the pull request was refused.
      expect(github.refs.has(branchOf('gh-422'))).toBe(true);
      expectInitiatedOnly(suite.scaffolder.log, failed, 'github', 'gh-422');

      const again = await suite.scaffolder.run(toGitHub('gh-422'));
      expectCompleted(again);
      expect(pullsOf('gh-422')).toHaveLength(1);
      expect(github.commit(branchOf('gh-422')).parents).toEqual([
        github.refs.get('main'),
      ]);
    });
  });

  describe('GitLab', () => {
    const toGitLab = (name: string) => ({
      ...clusterValues({ name }),
      destination: {
        type: 'gitlab',
        gitlabRepoUrl: 'gitlab.com?owner=acme&repo=gitops',
      },
    });
    const mergeRequestsOf = (name: string) =>
      gitlab.mergeRequests.filter(mr => mr.source_branch === branchOf(name));
    const project = 'GitLab project acme/gitops';

    it("a 500 fails the task with the status and GitLab's message, and no link; the next run opens exactly one merge request", async () => {
      gitlab.faults.push({
        route: 'POST /merge_requests',
        status: 500,
        body: { message: '500 Internal Server Error' },
        times: 1,
      });
      const failed = await suite.scaffolder.run(toGitLab('gl-500'));

      expectFailedWithoutLink(failed, 'merge-request', { ownAction: true });
      expect(failed.error?.message).toMatch(
        new RegExp(
          `^Could not open a merge request into main of ${project} \\(source branch ${branchOf(
            'gl-500',
          )}\\): GitLab answered 500( Internal Server Error)?: 500 Internal Server Error \\(a failure on GitLab's side: run the template again once GitLab answers\\)$`,
        ),
      );
      expect(mergeRequestsOf('gl-500')).toEqual([]);

      const again = await suite.scaffolder.run(toGitLab('gl-500'));
      expectCompleted(again);
      expect(mergeRequestsOf('gl-500')).toHaveLength(1);
      expect(again.output?.links?.[0]).toEqual({
        title: `Merge request !${mergeRequestsOf('gl-500')[0].iid} on GitLab`,
        url: mergeRequestsOf('gl-500')[0].web_url,
      });
    });

    it('a 502 after GitLab opened the merge request: the task finds it and completes, with one merge request', async () => {
      gitlab.faults.push({
        route: 'POST /merge_requests',
        status: 502,
        body: { message: '502 Bad Gateway' },
        times: 1,
        afterServing: true,
      });
      const result = await suite.scaffolder.run(toGitLab('gl-late-502'));

      expectCompleted(result);
      expect(mergeRequestsOf('gl-late-502')).toHaveLength(1);
      expect(result.output?.links?.[0]).toEqual({
        title: `Merge request !${
          mergeRequestsOf('gl-late-502')[0].iid
        } on GitLab`,
        url: mergeRequestsOf('gl-late-502')[0].web_url,
      });
      expect(result.log).toContain(
        `; yet the merge request is open: !${
          mergeRequestsOf('gl-late-502')[0].iid
        }`,
      );
    });

    it("a 422 fails the task with GitLab's reasons and no link; the next run opens exactly one merge request", async () => {
      gitlab.faults.push({
        route: 'POST /merge_requests',
        status: 422,
        body: {
          message: ['Validation failed', 'Title is too long'],
        },
        times: 1,
      });
      const failed = await suite.scaffolder.run(toGitLab('gl-422'));

      expectFailedWithoutLink(failed, 'merge-request', { ownAction: true });
      expect(failed.error?.name).toBe('InputError');
      expect(failed.error?.message).toMatch(
        /GitLab answered 422( Unprocessable Entity)?: Validation failed; Title is too long$/,
      );
      expect(mergeRequestsOf('gl-422')).toEqual([]);
      // The branch holds the commit; only the merge request is missing.
      expect(gitlab.branches.get(branchOf('gl-422'))).toHaveLength(2);
      expectInitiatedOnly(suite.scaffolder.log, failed, 'gitlab', 'gl-422');

      const again = await suite.scaffolder.run(toGitLab('gl-422'));
      expectCompleted(again);
      expect(mergeRequestsOf('gl-422')).toHaveLength(1);
      // The re-run found the branch's files unchanged: no second commit.
      expect(gitlab.branches.get(branchOf('gl-422'))).toHaveLength(2);
    });
  });
});
