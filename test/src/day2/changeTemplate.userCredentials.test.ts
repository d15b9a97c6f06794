import { GitHubDescription } from '../scaffolder/githubDescription';
import { GitHubFake } from '../scaffolder/githubFake';
import { GitLabFake } from '../scaffolder/gitlabFake';
import { useScaffolderSuite } from '../scaffolder/scaffolderSuite';
import {
  expectCompleted,
  failOnRequestsOffContract,
} from '../scaffolder/taskExpectations';
import { stepStatus } from '../scaffolder/testBackend';
import {
  githubForge,
  gitlabForge,
  UserTokenForge,
  userTokenRefusal,
} from '../scaffolder/userTokenForges';
import { CHANGE_REF, CHANGE_TEMPLATE, clusterEntityAt } from './clusterFolder';
import { BRANCH, ENTITY, FILES, FOLDER, SEED } from './ordersSinkChange';

/**
 * "Change a Kafka Connect cluster" with `scaffolder.requireScmUserCredentials` on, for a cluster
 * on GitHub and on GitLab: the cluster is read through Backstage's URL reader with the user's
 * token or not at all. Without the token the task fails at kafka-connect:read-cluster, its
 * first step that reaches the forge, and the forge sees nothing; with it, every step (the read,
 * the ownership check, the publish, on GitLab the deletion of the files the change drops)
 * reaches the forge with the user's token only. With the setting off, the change tests of each
 * forge (changeTemplate.github/gitlab.test.ts) run as before on the integration's token.
 */

jest.setTimeout(120_000);

const USER_TOKEN = 'ghp_theUsersOwnToken00000000000000000';
const MASKED = '*'.repeat(USER_TOKEN.length);

interface Forge extends UserTokenForge {
  /** The template's steps that reach the forge, besides read and check-ownership. */
  publishSteps: string[];
  location: string;
  handlers: ReturnType<GitHubFake['handlers']>;
}

/** Forges that accept only the user's token: a call with the integration's is a violation. */
function github(): Forge {
  const fake = new GitHubFake(
    GitHubDescription.load(),
    'acme',
    'gitops',
    USER_TOKEN,
    SEED,
  );
  return {
    ...githubForge(fake),
    publishSteps: ['pull-request'],
    location: `url:https://github.com/acme/gitops/blob/main/${FOLDER}/catalog-info.yaml`,
    handlers: fake.handlers(),
  };
}

function gitlab(): Forge {
  const fake = new GitLabFake('acme/gitops', USER_TOKEN, SEED);
  return {
    ...gitlabForge(fake),
    publishSteps: [
      'ensure-gitlab-branch',
      'push-gitlab',
      'delete-gitlab-files',
      'merge-request',
    ],
    location: `url:https://gitlab.com/acme/gitops/-/blob/main/${FOLDER}/catalog-info.yaml`,
    handlers: fake.handlers(),
  };
}

describe.each([
  ['GitHub', github()],
  ['GitLab', gitlab()],
])(
  'Change a Kafka Connect cluster on %s, with scaffolder.requireScmUserCredentials on',
  (_, forge) => {
    const suite = useScaffolderSuite({
      handlers: forge.handlers,
      templatePaths: [CHANGE_TEMPLATE],
      entities: () => [
        clusterEntityAt(forge.location, FILES['catalog-info.yaml']),
      ],
      config: { scaffolder: { requireScmUserCredentials: true } },
    });

    failOnRequestsOffContract(() => [forge.violations], suite);

    // Dropping the connectors changes files and removes some: every publish step runs.
    const change = (secrets?: Record<string, string>) =>
      suite.scaffolder.run(
        {
          cluster: ENTITY,
          changes: 'connectors: null\n',
          ...(secrets ? { accessToken: MASKED } : {}),
        },
        { templateRef: CHANGE_REF, secrets },
      );

    it("without the user's token, fails at read-cluster naming the setting, the host and the fix; the forge sees nothing", async () => {
      const result = await change();

      expect(result.status).toBe('failed');
      expect(stepStatus(result, 'entity')).toBe('completed');
      expect(stepStatus(result, 'read')).toBe('failed');
      expect(stepStatus(result, 'check-ownership')).toBe('skipped');
      expect(result.error?.name).toBe('InputError');
      expect(result.error?.message).toMatch(
        userTokenRefusal(forge.host, 'kafka-connect:read-cluster'),
      );
      expect(result.log).not.toMatch(/^\s+at /m);
      expect(forge.calls).toEqual([]);
      expect(forge.requests()).toEqual([]);
      expect(forge.branches()).toEqual(['main']);
    });

    it("with the user's token, reads the cluster and opens the request, every call with that token", async () => {
      const result = await change({ accessToken: USER_TOKEN });

      expectCompleted(result);
      for (const step of ['read', 'check-ownership', ...forge.publishSteps])
        expect({ step, status: stepStatus(result, step) }).toEqual({
          step,
          status: 'completed',
        });
      expect(forge.calls.length).toBeGreaterThan(0);
      // Any call with another token than the user's is a violation (afterEach fails on it).
      expect(forge.violations).toEqual([]);
      expect(forge.requests()).toHaveLength(1);
      expect(forge.branches()).toContain(BRANCH);
      expect(JSON.stringify(result.events)).not.toContain(USER_TOKEN);
    });
  },
);
