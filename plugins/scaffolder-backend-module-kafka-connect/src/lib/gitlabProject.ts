import { Config } from '@backstage/config';
import {
  ScmIntegrationRegistry,
  ScmIntegrations,
} from '@backstage/integration';
import { createGitLabApi, GitLabApi } from './gitlabApi';
import { resolveGitLabTarget } from './gitlabTarget';
import {
  assertUserTokenForRepoUrl,
  readUserCredentialsRule,
} from './userCredentials';

/** A GitLab project as a repoUrl names it, with a client whose messages name it. */
export interface GitLabProject extends GitLabApi {
  /** `group/subgroup/project` (or a numeric id). */
  project: string;
  /** `/projects/<project, URL-encoded>`: the API path of the project. */
  projectPath: string;
  /** The web address of the host, e.g. `https://gitlab.com`. */
  baseUrl: string;
  /** `GitLab project <project>`, as messages name it. */
  where: string;
}

/** The repository inputs of a step that reaches GitLab. */
export interface GitLabRepoInput {
  repoUrl: string;
  /** The user's token; empty or absent: the integration's. */
  token?: string;
}

/**
 * Finds the project's host in `integrations.gitlab` and makes a client for it: a failed
 * request says `Could not <purpose> of GitLab project <project> (<about>): <what GitLab said>`.
 */
export function openGitLabProject(options: {
  integrations: ScmIntegrationRegistry;
  input: GitLabRepoInput;
  signal?: AbortSignal;
  /** What the messages add after the project, e.g. `branch kafka-connect/orders`. */
  about?: string;
}): GitLabProject {
  const { input, about } = options;
  const target = resolveGitLabTarget(
    options.integrations,
    input.repoUrl,
    input.token || undefined,
  );
  const where = `GitLab project ${target.project}`;
  const api = createGitLabApi({
    apiBaseUrl: target.apiBaseUrl,
    auth: target.auth,
    signal: options.signal,
    describe: (request, detail) =>
      `Could not ${request.purpose} of ${where}${
        about ? ` (${about})` : ''
      }: ${detail}`,
  });
  return {
    ...api,
    project: target.project,
    projectPath: target.projectPath,
    baseUrl: target.baseUrl,
    where,
  };
}

/**
 * The set-up of an action that reaches GitLab projects, as Backstage's gitlab module shares
 * it: the integrations of the root config, and `scaffolder.requireScmUserCredentials`, which
 * refuses a step without the user's token before any request.
 */
export function gitlabProjects(config: Config, action: string) {
  const integrations: ScmIntegrationRegistry =
    ScmIntegrations.fromConfig(config);
  const userCredentials = readUserCredentialsRule(config, integrations);

  /** Refuses, with the setting on, a step without the user's token. */
  const assertUserToken = (input: GitLabRepoInput) =>
    assertUserTokenForRepoUrl(userCredentials, {
      repoUrl: input.repoUrl,
      token: input.token || undefined,
      action,
    });

  return {
    assertUserToken,
    /** The project of `input`, after {@link assertUserToken}. */
    open(
      input: GitLabRepoInput,
      options: { signal?: AbortSignal; about: string },
    ): GitLabProject {
      assertUserToken(input);
      return openGitLabProject({ integrations, input, ...options });
    },
  };
}
