import { InputError } from '@backstage/errors';
import {
  GitLabIntegrationConfig,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import { parseRepoUrl } from '@backstage/plugin-scaffolder-node';
import { userFacing } from './errors';

/** A GitLab project as a repoUrl names it, with the API and token of its host. */
export interface GitLabTarget {
  /** `group/subgroup/project` (or a numeric id), as GitLab's `:id` takes it once URL-encoded. */
  project: string;
  /** `/projects/<project, URL-encoded>`: the API path of the project, below `apiBaseUrl`. */
  projectPath: string;
  apiBaseUrl: string;
  baseUrl: string;
  /** The headers that authenticate: see {@link resolveGitLabTarget}. */
  auth: Record<string, string>;
}

/**
 * Reads a repoUrl as RepoUrlPicker writes it (`gitlab.com?owner=group/subgroup&repo=project`,
 * or `?project=<id>`) and finds its host's entry in `integrations.gitlab`. A `token` given to
 * the step is the user's (OAuth) and is sent as a Bearer token; otherwise the entry's access
 * token is sent as `PRIVATE-TOKEN`. A host that is not a GitLab one, or has no token, is an
 * InputError that says what to configure.
 */
export function resolveGitLabTarget(
  integrations: ScmIntegrationRegistry,
  repoUrl: string,
  token: string | undefined,
): GitLabTarget {
  // Backstage's own parser (and its messages), as the gitlab:* actions use it.
  const { host, owner, repo, project } = parseRepoUrl(repoUrl, integrations);
  const integration: GitLabIntegrationConfig | undefined =
    integrations.gitlab.byHost(host)?.config;
  if (!integration) {
    throw userFacing(
      new InputError(
        `${host} is not a GitLab host of integrations.gitlab: add it there, or use a repoUrl on a GitLab host`,
      ),
    );
  }
  const secret = token || integration.token;
  if (!secret) {
    throw userFacing(
      new InputError(
        `No GitLab token for ${host}: set integrations.gitlab[].token for it, or pass the user's token as input token`,
      ),
    );
  }
  const id = project ? project : `${owner}/${repo}`;
  return {
    project: id,
    projectPath: `/projects/${encodeURIComponent(id)}`,
    apiBaseUrl: integration.apiBaseUrl,
    baseUrl: integration.baseUrl,
    auth: token
      ? { authorization: `Bearer ${token}` }
      : { 'private-token': secret },
  };
}
