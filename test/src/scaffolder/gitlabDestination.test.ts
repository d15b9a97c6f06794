import { setupServer } from 'msw/node';
import { parse } from 'yaml';
import { BareRepo } from './bareRepo';
import { clusterValues, ORDERS_BRANCH, ORDERS_FOLDER } from './clusterValues';
import { GitLabFake } from './gitlabFake';
import {
  GITLAB_TOKEN,
  ScaffolderBackend,
  startScaffolderBackend,
  stepStatus,
} from './testBackend';

/**
 * The real template and the real publish:gitlab:merge-request action, against a GitLab
 * project that answers as GitLab's REST API documentation says.
 */

jest.setTimeout(60_000);

const MR_URL = 'https://gitlab.com/acme/gitops/-/merge_requests/1';
const CATALOG_INFO = `https://gitlab.com/acme/gitops/-/blob/main/${ORDERS_FOLDER}/catalog-info.yaml`;

const toGitLab = (overrides: Record<string, unknown> = {}) => ({
  ...clusterValues(overrides),
  destination: { type: 'gitlab', repoUrl: 'gitlab.com?owner=acme&repo=gitops' },
});

describe('the template with a GitLab destination', () => {
  const gitlab = new GitLabFake('acme/gitops', GITLAB_TOKEN, {
    'README.md': '# GitOps\n',
  });
  const server = setupServer(...gitlab.handlers());
  const unhandled: string[] = [];
  let repo: BareRepo;
  let scaffolder: ScaffolderBackend;

  beforeAll(async () => {
    server.listen({
      onUnhandledRequest: request => {
        if (new URL(request.url).hostname !== 'localhost')
          unhandled.push(`${request.method} ${request.url}`);
      },
    });
    repo = BareRepo.create();
    scaffolder = await startScaffolderBackend({ repository: repo.path });
  });

  afterAll(async () => {
    await scaffolder?.stop();
    server.close();
    repo?.remove();
  });

  it('opens a merge request from kafka-connect/<name> into main with the skeleton under clusters/<environment>/<name>', async () => {
    const result = await scaffolder.run(toGitLab());

    expect({ status: result.status, error: result.error }).toEqual({
      status: 'completed',
      error: undefined,
    });
    expect(gitlab.violations).toEqual([]);
    expect(unhandled).toEqual([]);
    expect(gitlab.mergeRequests).toEqual([
      expect.objectContaining({
        iid: 1,
        source_branch: ORDERS_BRANCH,
        target_branch: 'main',
        title: 'Kafka Connect cluster orders-cdc in streaming',
        remove_source_branch: true,
      }),
    ]);
    expect(gitlab.mergeRequests[0].description).toContain(
      'Kafka Connect cluster `streaming/orders-cdc`',
    );

    const main = gitlab.files('main');
    const files = gitlab.files(ORDERS_BRANCH);
    const added = [...files.keys()].filter(path => !main.has(path));
    expect(added.every(path => path.startsWith(`${ORDERS_FOLDER}/`))).toBe(
      true,
    );
    expect(added.map(path => path.slice(ORDERS_FOLDER.length + 1))).toEqual(
      expect.arrayContaining([
        'connect-cluster.yaml',
        'catalog-info.yaml',
        'README.md',
        'Dockerfile',
        'Chart.yaml',
        'values.yaml',
      ]),
    );
    expect(files.get('README.md')).toBe('# GitOps\n');
    expect(
      parse(files.get(`${ORDERS_FOLDER}/connect-cluster.yaml`)!),
    ).toMatchObject({ name: 'orders-cdc' });
    expect(gitlab.branches.get(ORDERS_BRANCH)).toHaveLength(2);

    expect(result.output?.links).toEqual([
      { title: 'Merge request', url: MR_URL },
      {
        title: 'The cluster in the catalog',
        icon: 'catalog',
        entityRef: expect.stringMatching(/^resource:default\/orders-cdc/),
      },
    ]);
    expect(scaffolder.locations).toEqual([
      { type: 'url', target: CATALOG_INFO, dryRun: false },
      { type: 'url', target: CATALOG_INFO, dryRun: true },
    ]);
    expect(stepStatus(result, 'push')).toBe('skipped');
    expect(repo.branches()).toEqual(['main']);
    expect(
      JSON.stringify(result.events) + JSON.stringify([...files]),
    ).not.toContain(GITLAB_TOKEN);
  });

  // publish:gitlab:merge-request 0.12 has no update mode (unlike the GitHub action's
  // update: true): a second run for the same cluster stops and points at the open request.
  it('stops a second run for the same cluster with a message naming the open merge request, changing nothing', async () => {
    const commits = gitlab.branches.get(ORDERS_BRANCH)!.length;
    const result = await scaffolder.run(toGitLab({ replicas: 3 }));

    expect(result.status).toBe('failed');
    expect(result.error?.message).toContain(
      `there is a Merge Request for this branch: ${MR_URL}`,
    );
    expect(stepStatus(result, 'merge-request')).toBe('failed');
    expect(gitlab.violations).toEqual([]);
    expect(gitlab.mergeRequests).toHaveLength(1);
    expect(gitlab.branches.get(ORDERS_BRANCH)).toHaveLength(commits);
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
    expect(gitlab.violations.slice(seen)).toEqual([
      'POST /merge_requests: target_branch must be a string',
      'POST /merge_requests: title must be a string',
      'POST /merge_requests: squash_everything is not a parameter of this endpoint',
    ]);
    gitlab.violations.splice(seen);
  });
});
