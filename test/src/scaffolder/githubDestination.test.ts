import { parse } from 'yaml';
import { clusterChangeEvents } from './clusterChangeAudit';
import { ORDERS_BRANCH, ORDERS_FOLDER } from './clusterValues';
import {
  expectRequestOutput,
  expectSkeletonAdded,
  ordersOnForge,
  registeredAt,
} from './forgeDestination';
import { GitHubDescription } from './githubDescription';
import { GitHubFake } from './githubFake';
import { useScaffolderSuite } from './scaffolderSuite';
import { expectCompleted } from './taskExpectations';
import { GITHUB_TOKEN, stepStatus } from './testBackend';

/**
 * The real template and the real publish:github:pull-request action, against a GitHub that
 * holds requests and answers to GitHub's published REST description.
 */

const PR_NUMBER = 1;
const PR_URL = `https://github.com/acme/gitops/pull/${PR_NUMBER}`;
const CATALOG_INFO = `https://github.com/acme/gitops/blob/main/${ORDERS_FOLDER}/catalog-info.yaml`;
const REPO_URL = 'github.com?owner=acme&repo=gitops';

const { values: toGitHub, auditedChange } = ordersOnForge('github', REPO_URL);

jest.setTimeout(60_000);

describe('the template with a GitHub destination', () => {
  const github = new GitHubFake(
    GitHubDescription.load(),
    'acme',
    'gitops',
    GITHUB_TOKEN,
    {
      'README.md': '# GitOps\n',
    },
  );
  const suite = useScaffolderSuite({ handlers: github.handlers() });

  it('opens a pull request from kafka-connect/<name> into main with the skeleton under clusters/<environment>/<name>', async () => {
    const result = await suite.scaffolder.run(toGitHub());

    expectCompleted(result);
    expect(github.violations).toEqual([]);
    expect(suite.unhandled).toEqual([]);
    expect(github.pulls).toEqual([
      expect.objectContaining({
        number: 1,
        head: ORDERS_BRANCH,
        base: 'main',
        title: 'Kafka Connect cluster orders-cdc in streaming',
        state: 'open',
      }),
    ]);
    expect(github.pulls[0].body).toContain(
      'Kafka Connect cluster `streaming/orders-cdc`',
    );

    const files = github.files(ORDERS_BRANCH);
    expectSkeletonAdded(github.files('main'), files);
    expect(github.commit(ORDERS_BRANCH).parents).toEqual([
      github.refs.get('main'),
    ]);

    expectRequestOutput(result, {
      kind: 'pull request',
      name: `pull request #${PR_NUMBER}`,
      title: `Pull request #${PR_NUMBER} on GitHub`,
      url: PR_URL,
    });
    expect(suite.scaffolder.locations).toEqual(registeredAt(CATALOG_INFO));
    expect(stepStatus(result, 'push')).toBe('skipped');
    expect(suite.repo.branches()).toEqual(['main']);
    // The audit event names the user, the cluster, where it went and the pull request GitHub
    // answered with; initiated, then succeeded.
    expect(stepStatus(result, 'audit-github')).toBe('completed');
    expect(github.pulls[0].html_url).toBe(PR_URL);
    expect(clusterChangeEvents(suite.scaffolder.log, result.id)).toEqual(
      auditedChange(result, github.pulls[0].html_url),
    );
    expect(
      JSON.stringify(result.events) +
        JSON.stringify([...files]) +
        github.pulls[0].body,
    ).not.toContain(GITHUB_TOKEN);
  });

  it('updates the same branch and pull request when run again with changed values', async () => {
    const before = github.refs.get(ORDERS_BRANCH);
    const result = await suite.scaffolder.run(toGitHub({ replicas: 3 }));

    expectCompleted(result);
    expect(github.violations).toEqual([]);
    expect(github.pulls).toHaveLength(1);
    expect(github.refs.get(ORDERS_BRANCH)).not.toBe(before);
    expect(
      parse(
        github
          .files(ORDERS_BRANCH)
          .get(`${ORDERS_FOLDER}/connect-cluster.yaml`)!,
      ).replicas,
    ).toBe(3);
    expect(github.calls.slice(-3)).toEqual([
      'graphql',
      'git/update-ref',
      'pulls/update',
    ]);
    expect(result.output?.links?.[0]).toEqual({
      title: `Pull request #${PR_NUMBER} on GitHub`,
      url: PR_URL,
    });
    // The update is audited too, with the same pull request.
    expect(clusterChangeEvents(suite.scaffolder.log, result.id)).toEqual(
      auditedChange(result, github.pulls[0].html_url),
    );
  });

  it('reports requests that break the published contract (the fake is a real check)', async () => {
    const seen = github.violations.length;
    const call = (method: string, path: string, body: unknown) =>
      fetch(`https://api.github.com${path}`, {
        method,
        headers: {
          authorization: `token ${GITHUB_TOKEN}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      });
    await call('POST', '/repos/acme/gitops/git/refs', {
      ref: 42,
      sha: github.refs.get('main'),
    });
    await call('POST', '/repos/acme/gitops/pull-requests', { title: 'x' });
    expect(github.violations.slice(seen)).toEqual([
      expect.stringMatching(
        /^\/repos\/\{owner\}\/\{repo\}\/git\/refs POST request: \/ref must be string/,
      ),
      "POST /repos/acme/gitops/pull-requests: not an operation of GitHub's REST description",
    ]);
    github.violations.splice(seen);
  });
});
