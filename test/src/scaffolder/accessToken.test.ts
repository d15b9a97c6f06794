import { clusterValues, ORDERS_BRANCH } from './clusterValues';
import { GitHubDescription } from './githubDescription';
import { GitHubFake } from './githubFake';
import { GitLabFake } from './gitlabFake';
import { useScaffolderSuite } from './scaffolderSuite';

/**
 * The one credential the form asks for: an optional access token, so the pull or merge
 * request is made as the user. It is a Backstage Secret field: the form sends asterisks in
 * the parameters and the token in the task's secrets, which the template hands to the forge
 * steps only. The token must reach the forge and nothing else: not the repository, the task
 * record, its log, or the request's text.
 */

// Forges that accept only the user's token: a call made with the portal's own integration
// token is a violation.
const USER_TOKEN = 'glpat-tokenTypedIntoTheForm000000000';
const MASKED = '*'.repeat(USER_TOKEN.length);

interface Forge {
  type: 'github' | 'gitlab';
  violations: string[];
  /** The pull or merge requests, as the forge holds them. */
  requests(): unknown[];
  /** Every file of the cluster's branch, as the forge holds them. */
  branchFiles(): string[];
}

function github(): Forge & { fake: GitHubFake } {
  const fake = new GitHubFake(
    GitHubDescription.load(),
    'acme',
    'gitops',
    USER_TOKEN,
    { 'README.md': '# GitOps\n' },
  );
  return {
    type: 'github',
    fake,
    violations: fake.violations,
    requests: () => fake.pulls,
    branchFiles: () => [...fake.files(ORDERS_BRANCH).values()],
  };
}

function gitlab(): Forge & { fake: GitLabFake } {
  const fake = new GitLabFake('acme/gitops', USER_TOKEN, {
    'README.md': '# GitOps\n',
  });
  return {
    type: 'gitlab',
    fake,
    violations: fake.violations,
    requests: () => fake.mergeRequests,
    branchFiles: () => [...fake.files(ORDERS_BRANCH).values()],
  };
}

const forges = { GitHub: github(), GitLab: gitlab() };

const values = (forge: Forge, accessToken: string) => ({
  ...clusterValues(),
  destination: {
    type: forge.type,
    [`${forge.type}RepoUrl`]: `${forge.type}.com?owner=acme&repo=gitops`,
    accessToken,
  },
});

jest.setTimeout(60_000);

describe.each(Object.entries(forges))(
  'an access token typed into the form, on %s',
  (_, forge) => {
    const suite = useScaffolderSuite({ handlers: forge.fake.handlers() });

    it('makes the request with it, and leaves it nowhere else', async () => {
      const result = await suite.scaffolder.run(values(forge, MASKED), {
        secrets: { accessToken: USER_TOKEN },
      });
      expect({ status: result.status, error: result.error }).toEqual({
        status: 'completed',
        error: undefined,
      });
      expect(forge.violations).toEqual([]);
      expect(forge.requests()).toHaveLength(1);

      const task = await suite.scaffolder.get(`/v2/tasks/${result.id}`);
      expect(task.status).toBe(200);
      const places: Record<string, string> = {
        'the task record': JSON.stringify(task.body),
        'the task log': JSON.stringify(result.events),
        'the request': JSON.stringify(forge.requests()),
        'the pushed files': forge.branchFiles().join('\n'),
        'the GitOps repository': JSON.stringify(suite.repo.snapshot()),
      };
      // The form's asterisks are what the task record keeps.
      expect(places['the task record']).toContain(MASKED);
      const leaks = Object.entries(places)
        .filter(([, text]) => text.includes(USER_TOKEN))
        .map(([place]) => place);
      expect(leaks).toEqual([]);
    });

    it('refuses, at task creation, a hand-made call that puts the token in the parameters', async () => {
      const before = forge.requests().length;
      const created = await suite.scaffolder.createTask(
        values(forge, USER_TOKEN),
      );
      expect(created.status).toBe(400);
      expect(JSON.stringify(created.body)).toMatch(/accessToken/);
      expect(forge.requests()).toHaveLength(before);
    });
  },
);
