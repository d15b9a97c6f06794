import { GitHubFake } from './githubFake';
import { GitLabFake } from './gitlabFake';

/**
 * A fake GitHub or GitLab as the `scaffolder.requireScmUserCredentials` tests look at it: built
 * to accept one token, so that a call with any other is one of its `violations`.
 */
export interface UserTokenForge {
  type: 'github' | 'gitlab';
  host: string;
  violations: string[];
  calls: string[];
  /** The pull or merge requests, as the forge holds them. */
  requests(): unknown[];
  branches(): string[];
}

export function githubForge(fake: GitHubFake): UserTokenForge {
  return {
    type: 'github',
    host: 'github.com',
    violations: fake.violations,
    calls: fake.calls,
    requests: () => fake.pulls,
    branches: () => [...fake.refs.keys()],
  };
}

export function gitlabForge(fake: GitLabFake): UserTokenForge {
  return {
    type: 'gitlab',
    host: 'gitlab.com',
    violations: fake.violations,
    calls: fake.calls,
    requests: () => fake.mergeRequests,
    branches: () => [...fake.branches.keys()],
  };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The whole message of `action` refusing to reach `host` without the user's token. */
export function userTokenRefusal(host: string, action: string): RegExp {
  const setting = 'scaffolder.requireScmUserCredentials';
  return new RegExp(
    `^${escape(
      `No user credentials provided for host ${host}, but ${setting} is enabled: ${action} does not fall back to the integration's token. Pass the signed-in user's token as the step's token input (a RepoUrlPicker with ui:options.requestUserCredentials puts it in secrets.<secretsKey>; the Kafka Connect templates' Access token field in secrets.accessToken), or turn ${setting} off`,
    )}$`,
  );
}
