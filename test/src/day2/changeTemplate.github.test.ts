import {
  clusterChangeEvents,
  initiatedForgeChange,
} from '../scaffolder/clusterChangeAudit';
import { expectCompleted } from '../scaffolder/taskExpectations';
import {
  GITHUB_TOKEN,
  stepStatus,
  TaskResult,
} from '../scaffolder/testBackend';
import { renderedFiles, touchedFiles } from './clusterFolder';
import {
  BRANCH,
  changedPaths,
  expectOnlyTouched,
  FILES,
  FOLDER,
  forgeChangeOf,
  succeededForgeChangeOf,
  touchedBy,
  VALUES,
  valuesOn,
} from './ordersSinkChange';
import {
  GITHUB_BLOB_URL,
  ordersSinkOnGitHub,
  useOrdersSinkOnForge,
} from './ordersSinkSuite';

/**
 * "Change a Kafka Connect cluster" for a cluster on GitHub, through the real scaffolder
 * backend: the cluster is read through Backstage's GitHub URL reader (raw file, commit status,
 * tarball), the change goes to a pull request from kafka-connect-change/<folder> holding only
 * the files that change, and the change is audited with the pull request GitHub answered with.
 */

jest.setTimeout(60_000);

const REPO_URL = 'github.com?owner=acme&repo=gitops';

describe('Change a Kafka Connect cluster on GitHub', () => {
  const github = ordersSinkOnGitHub();
  const { suite, change } = useOrdersSinkOnForge(github, GITHUB_BLOB_URL);

  /** The files the pull request's branch changes against main. */
  const proposed = () =>
    changedPaths(github.files('main'), github.files(BRANCH));

  /** The audit event's subject: orders-sink sent to GitHub by task `result`. */
  const forgeChange = (result: TaskResult) =>
    forgeChangeOf(result, 'github', REPO_URL);

  /** The events of a change of orders-sink that opened or updated `pullRequestUrl`. */
  const audited = (result: TaskResult, pullRequestUrl: string) =>
    succeededForgeChangeOf(result, 'github', REPO_URL, pullRequestUrl);

  it('reads the cluster from GitHub and opens a pull request holding only the files that change, audited with its URL', async () => {
    const seen = github.calls.length;
    const result = await change({ changes: 'replicas: 5\n' });
    expectCompleted(result);

    // Backstage's GitHub URL reader read connect-cluster.yaml raw, then the folder from the
    // tarball of main's commit (through GitHub's redirect to codeload).
    expect(github.calls.slice(seen, seen + 4)).toEqual([
      'repos/get-content',
      'repos/get-combined-status-for-ref',
      'repos/download-tarball-archive',
      'codeload',
    ]);
    expect(stepStatus(result, 'read')).toBe('completed');

    expect(github.pulls).toEqual([
      expect.objectContaining({
        number: 1,
        head: BRANCH,
        base: 'main',
        title: 'Change Kafka Connect cluster orders-sink in data-connect',
        state: 'open',
      }),
    ]);
    expect(github.pulls[0].body).toContain('- `replicas: 3 → 5`');
    expectOnlyTouched(proposed(), { replicas: 5 });
    expect(github.commit(BRANCH).parents).toEqual([github.refs.get('main')]);
    expect(valuesOn(github.files(BRANCH))).toMatchObject({
      replicas: 5,
      connect: { groupId: 'orders-sink' },
    });

    expect(result.output?.links?.[0]).toEqual({
      title: 'Pull request',
      url: github.pulls[0].html_url,
    });
    expect(stepStatus(result, 'push')).toBe('skipped');
    expect(suite.repo.branches()).toEqual(['main']);
    expect(clusterChangeEvents(suite.scaffolder.log, result.id)).toEqual(
      audited(result, github.pulls[0].html_url),
    );
    expect(JSON.stringify(result.events)).not.toContain(GITHUB_TOKEN);
  });

  it('updates the same pull request with the next change, still holding only what changes from main', async () => {
    const before = github.refs.get(BRANCH);
    const result = await change({ changes: 'replicas: 4\n' });
    expectCompleted(result);

    expect(github.pulls).toHaveLength(1);
    expect(github.refs.get(BRANCH)).not.toBe(before);
    expect(github.calls.slice(-3)).toEqual([
      'graphql',
      'git/update-ref',
      'pulls/update',
    ]);
    expect(github.pulls[0].body).toContain('- `replicas: 3 → 4`');
    expect(proposed()).toEqual(touchedBy({ replicas: 4 }));
    expect(clusterChangeEvents(suite.scaffolder.log, result.id)).toEqual(
      audited(result, github.pulls[0].html_url),
    );
  });

  it('proposes the files a change removes as removed', async () => {
    const result = await change({ changes: 'connectors: null\n' });
    expectCompleted(result);

    const after = renderedFiles({ ...VALUES, connectors: undefined });
    const removed = Object.keys(FILES).filter(file => !(file in after));
    expect(removed.length).toBeGreaterThan(0);
    for (const file of removed)
      expect(github.files(BRANCH).has(`${FOLDER}/${file}`)).toBe(false);
    expect(proposed()).toEqual(touchedFiles(FOLDER, FILES, after));
  });

  it('with no change, opens nothing and audits nothing', async () => {
    const refs = new Map(github.refs);
    const result = await change({ changes: '' });
    expectCompleted(result);
    expect(stepStatus(result, 'audit-github-initiated')).toBe('skipped');
    expect(stepStatus(result, 'pull-request')).toBe('skipped');
    expect(github.refs).toEqual(refs);
    expect(clusterChangeEvents(suite.scaffolder.log, result.id)).toEqual([]);
  });

  it('a pull request GitHub refuses fails the task and leaves the audit event initiated, without succeeded', async () => {
    const main = github.refs.get('main');
    const pull = { ...github.pulls[0] };
    github.faults.push({
      operation: 'pulls/update',
      status: 422,
      body: {
        message: 'Validation Failed',
        errors: [{ resource: 'PullRequest', code: 'custom', field: 'base' }],
        documentation_url:
          'https://docs.github.com/rest/pulls/pulls#update-a-pull-request',
      },
      times: 1,
    });
    const result = await change({ changes: 'replicas: 6\n' });

    expect(result.status).toBe('failed');
    expect(stepStatus(result, 'audit-github-initiated')).toBe('completed');
    expect(stepStatus(result, 'pull-request')).toBe('failed');
    // The steps after a failed one do not run: the scaffolder marks them skipped.
    expect(stepStatus(result, 'audit-github')).toBe('skipped');
    expect(result.error?.message).toContain('Validation Failed');
    expect(result.output).toBeUndefined();
    // Who, which cluster, where: recorded before anything was published.
    expect(clusterChangeEvents(suite.scaffolder.log, result.id)).toEqual(
      initiatedForgeChange(forgeChange(result)),
    );
    // publish:github:pull-request had moved the branch before GitHub refused the update;
    // nothing else was written: main, the pull request and the local repository are as before.
    expect(github.refs.get('main')).toBe(main);
    expect(github.pulls).toEqual([pull]);
    expect(valuesOn(github.files(BRANCH))).toMatchObject({ replicas: 6 });
    expect(suite.repo.branches()).toEqual(['main']);
  });
});
