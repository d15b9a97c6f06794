import { parse } from 'yaml';
import {
  clusterChangeEvents,
  CLUSTER_CHANGE_EVENT,
} from './clusterChangeAudit';
import { ORDERS_BRANCH, ORDERS_FOLDER } from './clusterValues';
import {
  expectRequestOutput,
  expectSkeletonAdded,
  ordersOnForge,
  registeredAt,
} from './forgeDestination';
import { GitLabFake } from './gitlabFake';
import { useScaffolderSuite } from './scaffolderSuite';
import { expectCompleted } from './taskExpectations';
import { GITLAB_TOKEN, stepStatus } from './testBackend';

/**
 * The real template with the real gitlab:repo:push (Backstage's GitLab module),
 * kafka-connect:gitlab:branch and kafka-connect:gitlab:merge-request (this repository's module)
 * actions, against a GitLab project that answers as GitLab's REST API documentation says.
 */

jest.setTimeout(60_000);

const MR_URL = 'https://gitlab.com/acme/gitops/-/merge_requests/1';
const BRANCH_CALL = `GET /projects/acme%2Fgitops/repository/branches/${encodeURIComponent(
  ORDERS_BRANCH,
)}`;
const FILE_CALL = `GET /projects/acme%2Fgitops/repository/files/${encodeURIComponent(
  `${ORDERS_FOLDER}/connect-cluster.yaml`,
)}`;
/**
 * kafka-connect:check-ownership's reads, before any other step: the project (its default
 * branch), then the cluster's connect-cluster.yaml on main and on the change's branch.
 */
const CHECK_CALLS = ['GET /projects/acme%2Fgitops', FILE_CALL, FILE_CALL];
const CATALOG_INFO = `https://gitlab.com/acme/gitops/-/blob/main/${ORDERS_FOLDER}/catalog-info.yaml`;

const REPO_URL = 'gitlab.com?owner=acme&repo=gitops';

const { values: toGitLab, auditedChange } = ordersOnForge('gitlab', REPO_URL);

describe('the template with a GitLab destination', () => {
  const gitlab = new GitLabFake('acme/gitops', GITLAB_TOKEN, {
    'README.md': '# GitOps\n',
  });
  const suite = useScaffolderSuite({ handlers: gitlab.handlers() });

  it('opens a merge request from kafka-connect/<name> into main with the skeleton under clusters/<environment>/<name>', async () => {
    const result = await suite.scaffolder.run(toGitLab());
    const calls = [...gitlab.calls];

    expectCompleted(result);
    expect(gitlab.violations).toEqual([]);
    expect(suite.unhandled).toEqual([]);
    expect(gitlab.mergeRequests).toEqual([
      expect.objectContaining({
        iid: 1,
        source_branch: ORDERS_BRANCH,
        target_branch: 'main',
        title: 'Kafka Connect cluster orders-cdc in streaming',
        remove_source_branch: true,
        state: 'opened',
      }),
    ]);
    expect(gitlab.mergeRequests[0].description).toContain(
      'Kafka Connect cluster `streaming/orders-cdc`',
    );
    // kafka-connect:gitlab:branch found no branch and made it from main; gitlab:repo:push
    // found it and committed to it; our action found no open merge request from it and
    // opened one.
    expect(calls).toEqual([
      ...CHECK_CALLS,
      BRANCH_CALL,
      'GET /projects/acme%2Fgitops',
      'POST /projects/acme%2Fgitops/repository/branches',
      'GET /projects/acme%2Fgitops/repository/tree',
      BRANCH_CALL,
      'POST /projects/acme%2Fgitops/repository/commits',
      'GET /projects/acme%2Fgitops',
      'GET /projects/acme%2Fgitops/merge_requests',
      'POST /projects/acme%2Fgitops/merge_requests',
    ]);

    const files = gitlab.files(ORDERS_BRANCH);
    const added = expectSkeletonAdded(gitlab.files('main'), files);
    // The branch is main's commit and one commit on top, which creates every file.
    const commits = gitlab.branches.get(ORDERS_BRANCH)!;
    expect(commits).toHaveLength(2);
    expect(commits[0]).toBe(gitlab.branches.get('main')![0]);
    expect(commits[1].message).toBe(
      'Kafka Connect cluster orders-cdc in streaming',
    );
    expect(commits[1].actions.map(a => a.action)).toEqual(
      added.map(() => 'create'),
    );
    expect(gitlab.files('main')).toEqual(
      new Map([['README.md', '# GitOps\n']]),
    );

    expectRequestOutput(result, {
      kind: 'merge request',
      name: 'merge request !1',
      title: 'Merge request !1 on GitLab',
      url: MR_URL,
    });
    expect(suite.scaffolder.locations).toEqual(registeredAt(CATALOG_INFO));
    expect(stepStatus(result, 'push')).toBe('skipped');
    expect(stepStatus(result, 'pull-request')).toBe('skipped');
    expect(stepStatus(result, 'ensure-gitlab-branch')).toBe('completed');
    expect(stepStatus(result, 'push-gitlab')).toBe('completed');
    expect(stepStatus(result, 'merge-request')).toBe('completed');
    expect(suite.repo.branches()).toEqual(['main']);
    // The audit event names the user, the cluster, where it went and the merge request GitLab
    // answered with; initiated, then succeeded.
    expect(stepStatus(result, 'audit-gitlab')).toBe('completed');
    expect(gitlab.mergeRequests[0].web_url).toBe(MR_URL);
    expect(clusterChangeEvents(suite.scaffolder.log, result.id)).toEqual(
      auditedChange(result, gitlab.mergeRequests[0].web_url),
    );
    expect(
      JSON.stringify(result.events) +
        JSON.stringify([...files]) +
        gitlab.mergeRequests[0].description,
    ).not.toContain(GITLAB_TOKEN);
  });

  it('commits to the same branch and updates the same merge request when run again with changed values', async () => {
    const before = gitlab.branches.get(ORDERS_BRANCH)!.length;
    const seen = gitlab.calls.length;
    const result = await suite.scaffolder.run(
      toGitLab({ namespace: 'streaming-eu', replicas: 3 }),
    );
    const calls = gitlab.calls.slice(seen);

    expectCompleted(result);
    expect(gitlab.violations).toEqual([]);
    expect(suite.unhandled).toEqual([]);

    // Still one merge request, the same one, with the new title and description.
    expect(gitlab.mergeRequests).toEqual([
      expect.objectContaining({
        iid: 1,
        source_branch: ORDERS_BRANCH,
        target_branch: 'main',
        title: 'Kafka Connect cluster orders-cdc in streaming-eu',
        remove_source_branch: true,
        state: 'opened',
      }),
    ]);
    expect(gitlab.mergeRequests[0].description).toContain(
      'Kafka Connect cluster `streaming-eu/orders-cdc`',
    );
    expect(gitlab.mergeRequests[0].description).not.toContain(
      '`streaming/orders-cdc`',
    );

    // One more commit on the same branch, updating only the files whose content changed.
    const commits = gitlab.branches.get(ORDERS_BRANCH)!;
    expect(commits).toHaveLength(before + 1);
    expect(commits.at(-1)!.message).toBe(
      'Kafka Connect cluster orders-cdc in streaming-eu',
    );
    const updated = commits.at(-1)!.actions;
    expect(updated.length).toBeGreaterThan(0);
    expect(updated.every(a => a.action === 'update')).toBe(true);
    expect(updated.map(a => a.file_path)).toContain(
      `${ORDERS_FOLDER}/connect-cluster.yaml`,
    );
    const files = gitlab.files(ORDERS_BRANCH);
    expect(
      parse(files.get(`${ORDERS_FOLDER}/connect-cluster.yaml`)!),
    ).toMatchObject({
      name: 'orders-cdc',
      namespace: 'streaming-eu',
      replicas: 3,
    });
    expect(
      [...files.keys()].filter(path => !gitlab.files('main').has(path)),
    ).toEqual([...commits[1].files.keys()].filter(p => p !== 'README.md'));
    expect(gitlab.files('main')).toEqual(
      new Map([['README.md', '# GitOps\n']]),
    );

    // No branch created, no merge request created: the open one updated.
    expect(calls).toEqual([
      ...CHECK_CALLS,
      BRANCH_CALL,
      'GET /projects/acme%2Fgitops',
      'GET /projects/acme%2Fgitops/repository/tree',
      BRANCH_CALL,
      'POST /projects/acme%2Fgitops/repository/commits',
      'GET /projects/acme%2Fgitops',
      'GET /projects/acme%2Fgitops/merge_requests',
      'PUT /projects/acme%2Fgitops/merge_requests/1',
    ]);
    expect(result.output?.links?.[0]).toEqual({
      title: 'Merge request !1 on GitLab',
      url: MR_URL,
    });
    expect(suite.scaffolder.locations.slice(-2)).toEqual(
      registeredAt(CATALOG_INFO),
    );
    // The update is audited with the cluster as it is now and the same merge request.
    expect(clusterChangeEvents(suite.scaffolder.log, result.id)).toEqual(
      auditedChange(result, gitlab.mergeRequests[0].web_url, 'streaming-eu'),
    );
    expect(JSON.stringify(result.events)).not.toContain(GITLAB_TOKEN);
  });

  it('a dry run reads GitLab, links the open merge request, and changes nothing there', async () => {
    const seen = gitlab.calls.length;
    const state = JSON.stringify([
      gitlab.mergeRequests,
      [...gitlab.branches.keys()],
      gitlab.branches.get(ORDERS_BRANCH)!.length,
    ]);
    const audited =
      suite.scaffolder.log.auditEvents(CLUSTER_CHANGE_EVENT).length;
    const { status, body } = await suite.scaffolder.dryRun(
      toGitLab({ replicas: 5 }),
    );

    expect({ status, error: body.error, errors: body.errors }).toEqual({
      status: 200,
      error: undefined,
      errors: undefined,
    });
    expect(gitlab.violations).toEqual([]);
    // gitlab:repo:push does not support dry runs: the scaffolder skips it.
    expect(gitlab.calls.slice(seen)).toEqual([
      ...CHECK_CALLS,
      BRANCH_CALL,
      'GET /projects/acme%2Fgitops',
      'GET /projects/acme%2Fgitops',
      'GET /projects/acme%2Fgitops/merge_requests',
    ]);
    expect(
      JSON.stringify([
        gitlab.mergeRequests,
        [...gitlab.branches.keys()],
        gitlab.branches.get(ORDERS_BRANCH)!.length,
      ]),
    ).toBe(state);
    expect(body.output?.links?.[0]).toEqual({
      title: 'Merge request !1 on GitLab',
      url: MR_URL,
    });
    const log = (body.log ?? []).map(l => l.body.message ?? '').join('\n');
    expect(log).toContain(
      `Dry run: branch ${ORDERS_BRANCH} of GitLab project acme/gitops exists`,
    );
    expect(log).toContain(
      `Dry run: would update merge request !1 (${MR_URL}) of GitLab project acme/gitops from ${ORDERS_BRANCH}`,
    );
    expect(log).not.toContain(GITLAB_TOKEN);
    // Nothing was published, so nothing is audited.
    expect(log).toContain('Dry run: no audit event (nothing was published)');
    expect(suite.scaffolder.log.auditEvents(CLUSTER_CHANGE_EVENT)).toHaveLength(
      audited,
    );
  });

  it('after the merge request was merged and its branch deleted, a run with changed values makes the branch from main again, commits updates only, and opens a new merge request', async () => {
    // Someone merges !1 in GitLab: its files land on main, and GitLab deletes the branch
    // (the template sets removeSourceBranch).
    gitlab.merge(1);
    expect(gitlab.branches.has(ORDERS_BRANCH)).toBe(false);
    const merged = gitlab.files('main');
    expect(merged.get(`${ORDERS_FOLDER}/connect-cluster.yaml`)).toBeDefined();
    const mainCommits = [...gitlab.branches.get('main')!];

    const seen = gitlab.calls.length;
    const result = await suite.scaffolder.run(
      toGitLab({ namespace: 'streaming-eu', replicas: 2 }),
    );
    const calls = gitlab.calls.slice(seen);

    expectCompleted(result);
    expect(gitlab.violations).toEqual([]);
    expect(suite.unhandled).toEqual([]);

    // Our step makes the branch from main before gitlab:repo:push lists its files, so that
    // it compares with main's files (which hold the folder now) and sends update, not create.
    expect(calls).toEqual([
      ...CHECK_CALLS,
      BRANCH_CALL,
      'GET /projects/acme%2Fgitops',
      'POST /projects/acme%2Fgitops/repository/branches',
      'GET /projects/acme%2Fgitops/repository/tree',
      BRANCH_CALL,
      'POST /projects/acme%2Fgitops/repository/commits',
      'GET /projects/acme%2Fgitops',
      'GET /projects/acme%2Fgitops/merge_requests',
      'POST /projects/acme%2Fgitops/merge_requests',
    ]);
    const commits = gitlab.branches.get(ORDERS_BRANCH)!;
    expect(commits.slice(0, -1)).toEqual(mainCommits);
    const actions = commits.at(-1)!.actions;
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every(a => a.action === 'update')).toBe(true);
    expect(actions.map(a => a.file_path)).toContain(
      `${ORDERS_FOLDER}/connect-cluster.yaml`,
    );
    // Only what changed: files the new values render alike are left out of the commit.
    expect(actions.length).toBeLessThan(
      [...merged.keys()].filter(p => p.startsWith(`${ORDERS_FOLDER}/`)).length,
    );
    expect(
      parse(
        gitlab
          .files(ORDERS_BRANCH)
          .get(`${ORDERS_FOLDER}/connect-cluster.yaml`)!,
      ),
    ).toMatchObject({ namespace: 'streaming-eu', replicas: 2 });
    // main is as the merge left it: the change waits in the new merge request.
    expect(gitlab.files('main')).toEqual(merged);

    // A new merge request: the merged one is left alone.
    expect(gitlab.mergeRequests).toEqual([
      expect.objectContaining({ iid: 1, state: 'merged' }),
      expect.objectContaining({
        iid: 2,
        source_branch: ORDERS_BRANCH,
        target_branch: 'main',
        title: 'Kafka Connect cluster orders-cdc in streaming-eu',
        remove_source_branch: true,
        state: 'opened',
      }),
    ]);
    expect(result.output?.links?.[0]).toEqual({
      title: 'Merge request !2 on GitLab',
      url: 'https://gitlab.com/acme/gitops/-/merge_requests/2',
    });
    expect(stepStatus(result, 'ensure-gitlab-branch')).toBe('completed');
    expect(stepStatus(result, 'push-gitlab')).toBe('completed');
    expect(stepStatus(result, 'merge-request')).toBe('completed');
    // The audit event names the new merge request, not the merged one.
    expect(clusterChangeEvents(suite.scaffolder.log, result.id)).toEqual(
      auditedChange(result, gitlab.mergeRequests[1].web_url, 'streaming-eu'),
    );
    expect(JSON.stringify(result.events)).not.toContain(GITLAB_TOKEN);
  });

  it('reports requests that break the documented contract (the fake is a real check)', async () => {
    const seen = gitlab.violations.length;
    await fetch(
      'https://gitlab.com/api/v4/projects/acme%2Fgitops/merge_requests',
      {
        method: 'POST',
        headers: {
          'private-token': GITLAB_TOKEN,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          source_branch: ORDERS_BRANCH,
          title: 42,
          squash_everything: true,
        }),
      },
    );
    await fetch(
      'https://gitlab.com/api/v4/projects/acme%2Fgitops/merge_requests/1',
      {
        method: 'PUT',
        headers: {
          'private-token': GITLAB_TOKEN,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ title: 42, squash_everything: true }),
      },
    );
    await fetch(
      'https://gitlab.com/api/v4/projects/acme%2Fgitops/merge_requests?state=open',
      { headers: { 'private-token': 'glpat-someoneElse' } },
    );
    expect(gitlab.violations.slice(seen)).toEqual([
      'POST /merge_requests: target_branch must be a string',
      'POST /merge_requests: title must be a string',
      'POST /merge_requests: squash_everything is not a parameter of this endpoint',
      'PUT /merge_requests/:iid: squash_everything is not a parameter of this endpoint',
      'PUT /merge_requests/:iid: title must be a string',
      'GET /projects/acme%2Fgitops/merge_requests: not authenticated with the expected token',
      'GET /merge_requests: state must be one of opened, closed, locked, merged, all',
    ]);
    expect(gitlab.mergeRequests[0].title).toBe(
      'Kafka Connect cluster orders-cdc in streaming-eu',
    );
    gitlab.violations.splice(seen);
  });
});
