import {
  clusterChangeEvents,
  initiatedForgeChange,
} from '../scaffolder/clusterChangeAudit';
import { expectCompleted } from '../scaffolder/taskExpectations';
import {
  GITLAB_TOKEN,
  stepStatus,
  TaskResult,
} from '../scaffolder/testBackend';
import { inFolder, renderedFiles, touchedFiles } from './clusterFolder';
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
  GITLAB_BLOB_URL,
  ordersSinkOnGitLab,
  useOrdersSinkOnForge,
} from './ordersSinkSuite';

/**
 * "Change a Kafka Connect cluster" for a cluster on GitLab, through the real scaffolder
 * backend: the cluster is read through Backstage's GitLab URL reader (raw file, project,
 * commits, archive), the change goes to a merge request from kafka-connect-change/<folder>
 * holding only the files that change (the files it removes deleted in one commit of their
 * own), and the change is audited with the merge request; a merge request GitLab refuses
 * leaves the audit event initiated, without succeeded.
 */

jest.setTimeout(60_000);

const REPO_URL = 'gitlab.com?owner=acme&repo=gitops';
const PROJECT = 'GET /projects/acme%2Fgitops';
const COMMIT = 'POST /projects/acme%2Fgitops/repository/commits';

/** The audit event's subject: orders-sink sent to GitLab by task `result`. */
const forgeChange = (result: TaskResult) =>
  forgeChangeOf(result, 'gitlab', REPO_URL);

/** The events of a change of orders-sink that opened or updated `mergeRequestUrl`. */
const audited = (result: TaskResult, mergeRequestUrl: string) =>
  succeededForgeChangeOf(result, 'gitlab', REPO_URL, mergeRequestUrl);

describe('Change a Kafka Connect cluster on GitLab', () => {
  const gitlab = ordersSinkOnGitLab();
  const { suite, change } = useOrdersSinkOnForge(gitlab, GITLAB_BLOB_URL);
  afterEach(() => {
    gitlab.faults.length = 0;
  });

  /** The files the merge request's branch changes against main. */
  const proposed = () =>
    changedPaths(gitlab.files('main'), gitlab.files(BRANCH));

  it('a merge request GitLab refuses fails the task and leaves the audit event initiated, without succeeded', async () => {
    const main = gitlab.files('main');
    gitlab.faults.push({
      route: 'POST /merge_requests',
      status: 422,
      body: { message: ['Validation failed'] },
      times: 1,
    });
    const result = await change({ changes: 'replicas: 5\n' });

    expect(result.status).toBe('failed');
    expect(stepStatus(result, 'audit-gitlab-initiated')).toBe('completed');
    expect(stepStatus(result, 'merge-request')).toBe('failed');
    // The steps after a failed one do not run: the scaffolder marks them skipped.
    expect(stepStatus(result, 'audit-gitlab')).toBe('skipped');
    expect(result.error?.message).toContain('Validation failed');
    // Who, which cluster, where: before anything was published; no request to name.
    expect(clusterChangeEvents(suite.scaffolder.log, result.id)).toEqual(
      initiatedForgeChange(forgeChange(result)),
    );
    // What gitlab:repo:push did stays (the branch and its commit); nothing else was written.
    expect(gitlab.mergeRequests).toEqual([]);
    expect(gitlab.files('main')).toEqual(main);
    expect(gitlab.branches.get(BRANCH)).toHaveLength(2);
    expect(suite.repo.branches()).toEqual(['main']);
  });

  it('reads the cluster from GitLab and opens a merge request holding only the files that change, audited with its URL', async () => {
    const seen = gitlab.calls.length;
    const result = await change({ changes: 'replicas: 5\n' });
    expectCompleted(result);

    // Backstage's GitLab URL reader read connect-cluster.yaml raw, then the folder: the
    // project (its default branch), the folder's newest commit, its archive.
    expect(gitlab.calls.slice(seen, seen + 4)).toEqual([
      `GET /projects/acme%2Fgitops/repository/files/${encodeURIComponent(
        `${FOLDER}/connect-cluster.yaml`,
      )}/raw`,
      PROJECT,
      `${PROJECT}/repository/commits`,
      `${PROJECT}/repository/archive`,
    ]);

    expect(gitlab.mergeRequests).toEqual([
      expect.objectContaining({
        iid: 1,
        source_branch: BRANCH,
        target_branch: 'main',
        title: 'Change Kafka Connect cluster orders-sink in data-connect',
        state: 'opened',
      }),
    ]);
    expect(gitlab.mergeRequests[0].description).toContain(
      '- `replicas: 3 → 5`',
    );
    expectOnlyTouched(proposed(), { replicas: 5 });
    // The first run's commit already held the change: no second commit, nothing to update.
    expect(gitlab.branches.get(BRANCH)).toHaveLength(2);
    expect(valuesOn(gitlab.files(BRANCH))).toMatchObject({
      replicas: 5,
      connect: { groupId: 'orders-sink' },
    });

    expect(result.output?.links?.[0]).toEqual({
      title: 'Merge request',
      url: gitlab.mergeRequests[0].web_url,
    });
    expect(suite.repo.branches()).toEqual(['main']);
    expect(clusterChangeEvents(suite.scaffolder.log, result.id)).toEqual(
      audited(result, gitlab.mergeRequests[0].web_url),
    );
    expect(JSON.stringify(result.events)).not.toContain(GITLAB_TOKEN);
  });

  it('updates the same merge request with the next change, committing only the files that differ', async () => {
    const commits = gitlab.branches.get(BRANCH)!.length;
    const result = await change({ changes: 'replicas: 4\n' });
    expectCompleted(result);

    expect(gitlab.mergeRequests).toHaveLength(1);
    expect(gitlab.calls.at(-1)).toBe(
      `PUT /projects/acme%2Fgitops/merge_requests/1`,
    );
    expect(gitlab.mergeRequests[0].description).toContain(
      '- `replicas: 3 → 4`',
    );
    expect(gitlab.branches.get(BRANCH)).toHaveLength(commits + 1);
    expect(
      gitlab.branches
        .get(BRANCH)!
        .at(-1)!
        .actions.every(a => a.action === 'update'),
    ).toBe(true);
    expect(proposed()).toEqual(touchedBy({ replicas: 4 }));
    expect(clusterChangeEvents(suite.scaffolder.log, result.id)).toEqual(
      audited(result, gitlab.mergeRequests[0].web_url),
    );
  });

  describe('a change that removes files', () => {
    const after = renderedFiles({ ...VALUES, connectors: undefined });
    const removed = Object.keys(FILES)
      .filter(file => !(file in after))
      .map(file => `${FOLDER}/${file}`)
      .sort();

    it("deletes them from the merge request's branch in one commit", async () => {
      expect(removed.length).toBeGreaterThan(1);
      const commits = gitlab.branches.get(BRANCH)!.length;
      const seen = gitlab.calls.length;
      const result = await change({ changes: 'connectors: null\n' });
      expectCompleted(result);

      expect(stepStatus(result, 'delete-gitlab-files')).toBe('completed');
      const branch = gitlab.files(BRANCH);
      for (const file of removed) expect(branch.has(file)).toBe(false);
      expect(proposed()).toEqual(touchedFiles(FOLDER, FILES, after));
      // gitlab:repo:push's commit of the changed files, then one commit deleting them all.
      const made = gitlab.branches.get(BRANCH)!.slice(commits);
      expect(made).toHaveLength(2);
      expect(made[0].actions.some(a => a.action === 'delete')).toBe(false);
      expect(made[1].message).toBe(
        'Change Kafka Connect cluster orders-sink in data-connect: delete the files it drops',
      );
      expect(
        made[1].actions
          .map(a => ({ ...a }))
          .sort((a, b) => a.file_path.localeCompare(b.file_path)),
      ).toEqual(removed.map(file_path => ({ action: 'delete', file_path })));
      expect(gitlab.calls.slice(seen).filter(c => c === COMMIT)).toHaveLength(
        2,
      );
      // The same merge request, updated after the deletion.
      expect(gitlab.mergeRequests).toHaveLength(1);
      expect(gitlab.calls.at(-1)).toBe(
        `PUT /projects/acme%2Fgitops/merge_requests/1`,
      );
      expect(clusterChangeEvents(suite.scaffolder.log, result.id)).toEqual(
        audited(result, gitlab.mergeRequests[0].web_url),
      );
    });

    it('run again, commits nothing more: the files are gone', async () => {
      const commits = gitlab.branches.get(BRANCH)!.length;
      const seen = gitlab.calls.length;
      const result = await change({ changes: 'connectors: null\n' });
      expectCompleted(result);

      expect(stepStatus(result, 'delete-gitlab-files')).toBe('completed');
      expect(gitlab.branches.get(BRANCH)).toHaveLength(commits);
      expect(gitlab.calls.slice(seen)).not.toContain(COMMIT);
      // It looked each file up on the branch, and found none.
      expect(
        gitlab.calls.slice(seen).filter(c => c.startsWith('HEAD ')),
      ).toEqual(
        removed.map(
          file =>
            `HEAD /projects/acme%2Fgitops/repository/files/${encodeURIComponent(
              file,
            )}`,
        ),
      );
      expect(proposed()).toEqual(touchedFiles(FOLDER, FILES, after));
    });

    it("once merged, the cluster's folder on main is the change's render, without the removed files", () => {
      gitlab.merge(1);
      const main = gitlab.files('main');
      for (const file of removed) expect(main.has(file)).toBe(false);
      expect(
        Object.fromEntries(
          [...main].filter(([path]) => path.startsWith(`${FOLDER}/`)),
        ),
      ).toEqual(inFolder(FOLDER, after));
    });
  });
});
