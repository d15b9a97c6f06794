import { setupServer } from 'msw/node';
import { BareRepo } from './bareRepo';
import { clusterValues, ORDERS_BRANCH } from './clusterValues';
import { GitHubDescription } from './githubDescription';
import { GitHubFake } from './githubFake';
import { ScaffolderBackend, startScaffolderBackend } from './testBackend';

/**
 * The one credential the form asks for: an optional access token, so the pull request is
 * opened as the user. It is a Backstage Secret field: the form sends asterisks in the
 * parameters and the token in the task's secrets, which the template hands to the forge
 * step only. The token must reach the forge and nothing else: not the repository, the task
 * record, its log, or the pull request.
 */

// A GitHub that accepts only the user's token: a request made with the portal's own
// integration token would be a violation.
const USER_TOKEN = 'ghp_tokenTypedIntoTheForm0000000000000';
const MASKED = '*'.repeat(USER_TOKEN.length);

const values = (accessToken: string) => ({
  ...clusterValues(),
  destination: {
    type: 'github',
    repoUrl: 'github.com?owner=acme&repo=gitops',
    accessToken,
  },
});

jest.setTimeout(60_000);

describe('an access token typed into the form', () => {
  const github = new GitHubFake(
    GitHubDescription.load(),
    'acme',
    'gitops',
    USER_TOKEN,
    { 'README.md': '# GitOps\n' },
  );
  const server = setupServer(...github.handlers());
  let repo: BareRepo;
  let scaffolder: ScaffolderBackend;

  beforeAll(async () => {
    server.listen({ onUnhandledRequest: 'bypass' });
    repo = BareRepo.create();
    scaffolder = await startScaffolderBackend({ repository: repo.path });
  });

  afterAll(async () => {
    await scaffolder?.stop();
    server.close();
    repo?.remove();
  });

  it('opens the pull request with it, and leaves it nowhere else', async () => {
    const result = await scaffolder.run(values(MASKED), {
      secrets: { accessToken: USER_TOKEN },
    });
    expect({ status: result.status, error: result.error }).toEqual({
      status: 'completed',
      error: undefined,
    });
    expect(github.violations).toEqual([]);
    expect(github.pulls).toHaveLength(1);

    const task = await scaffolder.get(`/v2/tasks/${result.id}`);
    expect(task.status).toBe(200);
    const branchFiles = [...github.files(ORDERS_BRANCH).values()];
    const places: Record<string, string> = {
      'the task record': JSON.stringify(task.body),
      'the task log': JSON.stringify(result.events),
      'the pull request': JSON.stringify(github.pulls),
      'the pushed files': branchFiles.join('\n'),
      'the GitOps repository': JSON.stringify(repo.snapshot()),
    };
    // The form's asterisks are what the task record keeps.
    expect(places['the task record']).toContain(MASKED);
    for (const [place, text] of Object.entries(places)) {
      expect({ place, leaked: text.includes(USER_TOKEN) }).toEqual({
        place,
        leaked: false,
      });
    }
  });

  it('refuses, at task creation, a hand-made call that puts the token in the parameters', async () => {
    const before = github.pulls.length;
    const created = await scaffolder.createTask(values(USER_TOKEN));
    expect(created.status).toBe(400);
    expect(JSON.stringify(created.body)).toMatch(/accessToken/);
    expect(github.pulls).toHaveLength(before);
  });
});
