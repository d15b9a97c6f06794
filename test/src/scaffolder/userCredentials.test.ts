import { clusterValues, ORDERS_BRANCH } from './clusterValues';
import { GitHubDescription } from './githubDescription';
import { GitHubFake } from './githubFake';
import { GitLabFake } from './gitlabFake';
import { useScaffolderSuite } from './scaffolderSuite';
import { expectCompleted, failOnRequestsOffContract } from './taskExpectations';
import { GITHUB_TOKEN, GITLAB_TOKEN, stepStatus } from './testBackend';
import {
  githubForge,
  gitlabForge,
  UserTokenForge,
  userTokenRefusal,
} from './userTokenForges';

/**
 * `scaffolder.requireScmUserCredentials` (@backstage/plugin-scaffolder-backend): with it on, a
 * step that reaches GitHub or GitLab must use the token of the user who runs the template,
 * never the integration's. The cluster template through the real scaffolder backend: without
 * the user's token it fails at its first step that would reach the forge
 * (kafka-connect:check-ownership) and nothing reaches the forge; with it, every call carries
 * the user's token; with the setting off, the integration's token is used as before.
 */

jest.setTimeout(120_000);

const USER_TOKEN = 'glpat-theUsersOwnToken000000000000';
const MASKED = '*'.repeat(USER_TOKEN.length);

/** A GitHub and a GitLab that accept only `token`: a call with any other is a violation. */
function forges(tokens: { github: string; gitlab: string }) {
  const github = new GitHubFake(
    GitHubDescription.load(),
    'acme',
    'gitops',
    tokens.github,
    { 'README.md': '# GitOps\n' },
  );
  const gitlab = new GitLabFake('acme/gitops', tokens.gitlab, {
    'README.md': '# GitOps\n',
  });
  const all: Record<string, UserTokenForge> = {
    GitHub: githubForge(github),
    GitLab: gitlabForge(gitlab),
  };
  return { all, handlers: [...github.handlers(), ...gitlab.handlers()] };
}

const toForge = (forge: UserTokenForge, accessToken?: string) => ({
  ...clusterValues(),
  destination: {
    type: forge.type,
    [`${forge.type}RepoUrl`]: `${forge.host}?owner=acme&repo=gitops`,
    ...(accessToken === undefined ? {} : { accessToken }),
  },
});

describe('with scaffolder.requireScmUserCredentials on', () => {
  const { all, handlers } = forges({ github: USER_TOKEN, gitlab: USER_TOKEN });
  const suite = useScaffolderSuite({
    handlers,
    config: { scaffolder: { requireScmUserCredentials: true } },
  });

  failOnRequestsOffContract(
    () => Object.values(all).map(f => f.violations),
    suite,
  );

  describe.each(Object.entries(all))('to %s', (_, forge) => {
    it("without the user's token, fails at the first step that would reach the forge, saying why and what to do; nothing reaches it", async () => {
      const callsBefore = forge.calls.length;
      const locationsBefore = suite.scaffolder.locations.length;
      const result = await suite.scaffolder.run(toForge(forge));

      expect(result.status).toBe('failed');
      expect(stepStatus(result, 'render')).toBe('completed');
      expect(stepStatus(result, 'check-ownership')).toBe('failed');
      expect(stepStatus(result, `audit-${forge.type}-initiated`)).toBe(
        'skipped',
      );
      expect(result.error?.name).toBe('InputError');
      expect(result.error?.message).toMatch(
        userTokenRefusal(forge.host, 'kafka-connect:check-ownership'),
      );
      // Said in words: no stack trace in the task's log.
      expect(result.log).not.toMatch(/^\s+at /m);

      expect(forge.calls.slice(callsBefore)).toEqual([]);
      expect(forge.requests()).toEqual([]);
      expect(forge.branches()).toEqual(['main']);
      expect(suite.repo.branches()).toEqual(['main']);
      expect(suite.scaffolder.locations).toHaveLength(locationsBefore);
    });

    it("with the user's token from the form, opens the request, and the forge sees that token only", async () => {
      const callsBefore = forge.calls.length;
      const result = await suite.scaffolder.run(toForge(forge, MASKED), {
        secrets: { accessToken: USER_TOKEN },
      });

      expectCompleted(result);
      // Every call the forge took carried the user's token (any other is a violation, which
      // afterEach turns into a failure).
      expect(forge.calls.length).toBeGreaterThan(callsBefore);
      expect(forge.violations).toEqual([]);
      expect(forge.requests()).toHaveLength(1);
      expect(forge.branches()).toContain(ORDERS_BRANCH);
      expect(JSON.stringify(result.events)).not.toContain(USER_TOKEN);
    });
  });

  it('leaves the local destination (a bare repository on the backend machine) alone', async () => {
    const calls = Object.values(all).map(f => f.calls.length);
    const result = await suite.scaffolder.run(clusterValues());

    expectCompleted(result);
    expect(stepStatus(result, 'push')).toBe('completed');
    expect(suite.repo.branches()).toContain(ORDERS_BRANCH);
    expect(Object.values(all).map(f => f.calls.length)).toEqual(calls);
  });
});

describe('with scaffolder.requireScmUserCredentials off', () => {
  // Forges that accept only the integrations' tokens, as the test backend configures them.
  const { all, handlers } = forges({
    github: GITHUB_TOKEN,
    gitlab: GITLAB_TOKEN,
  });
  const suite = useScaffolderSuite({
    handlers,
    config: { scaffolder: { requireScmUserCredentials: false } },
  });

  it.each(Object.entries(all))(
    "opens the request on %s with the integration's token when the user gives none, as before",
    async (_, forge) => {
      const result = await suite.scaffolder.run(toForge(forge));

      expectCompleted(result);
      expect(forge.violations).toEqual([]);
      expect(suite.unhandled).toEqual([]);
      expect(forge.requests()).toHaveLength(1);
    },
  );
});
