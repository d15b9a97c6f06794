import { ConflictError, InputError } from '@backstage/errors';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import { parseRepoUrl } from '@backstage/plugin-scaffolder-node';
import { ClusterFileSource } from './clusterFileSource';
import { redactCredentials, userFacing } from './errors';
import { clip, errorForStatus } from './gitlabErrors';

/** The fields of GitHub's answers that are read. */
interface RepositoryJson {
  default_branch?: string;
}
interface ContentJson {
  type?: string;
  encoding?: string;
  content?: string;
  /** In a folder's listing: the entry's path in the repository and its Git object id. */
  path?: string;
  sha?: string;
}

/**
 * A GitHub repository, read with GitHub's REST API as `publish:github:pull-request` reaches it:
 * the host's entry in `integrations.github` gives the API URL; the token is the user's when
 * the template passes one, otherwise the integration's (a token or a GitHub App).
 *
 * - `GET /repos/{owner}/{repo}` for the default branch
 *   (https://docs.github.com/en/rest/repos/repos#get-a-repository);
 * - `GET /repos/{owner}/{repo}/contents/{path}?ref=…` for the file
 *   (https://docs.github.com/en/rest/repos/contents#get-repository-content): a file's content
 *   comes base64-encoded; a 404 is a missing file or branch. For a folder, the same request
 *   answers its entries (type file, dir, symlink or submodule, each with its path and Git
 *   object id), one level: subfolders are listed in turn.
 */
export function githubClusterFileSource(options: {
  integrations: ScmIntegrationRegistry;
  repoUrl: string;
  token?: string;
  signal?: AbortSignal;
}): ClusterFileSource {
  const { host, owner, repo } = parseRepoUrl(
    options.repoUrl,
    options.integrations,
  );
  const integration = options.integrations.github.byHost(host)?.config;
  if (!integration) {
    throw userFacing(
      new InputError(
        `${host} is not a GitHub host of integrations.github: add it there, or use a repoUrl on a GitHub host`,
      ),
    );
  }
  if (!owner || !repo) {
    throw userFacing(
      new InputError(
        `repoUrl must name the repository's owner and name (got ${options.repoUrl})`,
      ),
    );
  }
  const repository = `${host}/${owner}/${repo}`;
  const apiBaseUrl = integration.apiBaseUrl ?? 'https://api.github.com';
  const base = `${apiBaseUrl}/repos/${encodeURIComponent(
    owner,
  )}/${encodeURIComponent(repo)}`;

  let token: Promise<string | undefined> | undefined;
  const credentials = () =>
    (token ??= options.token
      ? Promise.resolve(options.token)
      : DefaultGithubCredentialsProvider.fromIntegrations(options.integrations)
          .getCredentials({ url: `https://${host}/${owner}/${repo}` })
          .then(c => c.token));

  async function get<T>(url: string, what: string): Promise<T | undefined> {
    const secret = await credentials();
    const scrub = (text: string) =>
      redactCredentials(secret ? text.split(secret).join('***') : text);
    let response: Response;
    try {
      response = await fetch(url, {
        headers: {
          accept: 'application/vnd.github+json',
          'x-github-api-version': '2022-11-28',
          ...(secret ? { authorization: `token ${secret}` } : {}),
        },
        signal: options.signal,
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const cause = (error as Error & { cause?: Error }).cause;
      throw userFacing(
        new Error(
          scrub(
            `Could not ${what} of GitHub repository ${repository}: GitHub at ${apiBaseUrl} could not be reached: ${
              cause?.message ?? (error as Error).message
            }`,
          ),
        ),
      );
    }
    const text = await response.text();
    if (response.status === 404) return undefined;
    if (!response.ok) {
      let message = clip(text);
      try {
        message = clip(String(JSON.parse(text).message ?? text));
      } catch {
        // Not JSON (a proxy's page): the clipped text is the message.
      }
      throw userFacing(
        errorForStatus(
          response.status,
          scrub(
            `Could not ${what} of GitHub repository ${repository}: GitHub answered ${response.status}: ${message}`,
          ),
        ),
      );
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      throw userFacing(
        new Error(
          `Could not ${what} of GitHub repository ${repository}: GitHub answered ${response.status} with a body that is not JSON`,
        ),
      );
    }
  }

  return {
    repository,
    async defaultBranch() {
      const json = await get<RepositoryJson>(base, 'read the repository');
      if (!json) {
        throw userFacing(
          new InputError(
            `GitHub repository ${repository} was not found, or the token cannot see it`,
          ),
        );
      }
      return json.default_branch || undefined;
    },
    async readFile(branch, file) {
      const url = new URL(`${base}/contents/${encodeURIComponent(file)}`);
      url.searchParams.set('ref', branch);
      const json = await get<ContentJson | ContentJson[]>(
        url.toString(),
        `read ${file} on branch ${branch}`,
      );
      if (json === undefined) return undefined;
      if (
        Array.isArray(json) ||
        json.type !== 'file' ||
        json.encoding !== 'base64' ||
        typeof json.content !== 'string'
      ) {
        const what = Array.isArray(json)
          ? 'a folder'
          : `${
              json.type ?? 'something'
            } GitHub does not send as base64 (encoding ${json.encoding})`;
        throw userFacing(
          new ConflictError(
            `${file} on branch ${branch} of GitHub repository ${repository} is ${what}, not a file that can be read: choose another folder for the cluster, or ask a platform engineer to look at it`,
          ),
        );
      }
      return Buffer.from(json.content, 'base64').toString('utf8');
    },
    async listFolder(branch, folder) {
      const files = new Map<string, string>();
      const list = async (dir: string): Promise<boolean> => {
        const url = new URL(`${base}/contents/${encodeURIComponent(dir)}`);
        url.searchParams.set('ref', branch);
        const json = await get<ContentJson | ContentJson[]>(
          url.toString(),
          `list ${dir} on branch ${branch}`,
        );
        if (json === undefined) return false;
        if (!Array.isArray(json)) {
          throw userFacing(
            new ConflictError(
              `${dir} on branch ${branch} of GitHub repository ${repository} is a ${json.type}, not a folder: ask a platform engineer to look at it`,
            ),
          );
        }
        for (const entry of json) {
          if (!entry.path || !entry.sha) continue;
          if (entry.type === 'dir') await list(entry.path);
          else if (entry.type === 'file' || entry.type === 'symlink')
            files.set(entry.path.slice(folder.length + 1), entry.sha);
        }
        return true;
      };
      if (!(await list(folder)) || files.size === 0) return undefined;
      return files;
    },
  };
}
