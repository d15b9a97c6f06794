import { ConflictError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { ClusterFileSource } from './clusterFileSource';
import { userFacing } from './errors';
import { openGitLabProject } from './gitlabProject';

interface ProjectJson {
  default_branch?: string | null;
}
interface TreeEntryJson {
  /** The entry's Git object id. */
  id?: string;
  type?: string;
  path?: string;
}
interface FileJson {
  encoding?: string;
  content?: string;
}

/**
 * A GitLab project, read with GitLab's REST API and the token the GitLab steps use (the
 * user's, or the integration's):
 *
 * - `GET /projects/:id` for the default branch
 *   (https://docs.gitlab.com/api/projects/#get-a-single-project);
 * - `GET /projects/:id/repository/files/:file_path?ref=…`, the path URL-encoded, for the file
 *   (https://docs.gitlab.com/api/repository_files/#get-file-from-repository): its content
 *   comes base64-encoded; a 404 is a missing file or branch;
 * - `GET /projects/:id/repository/tree?path=…&ref=…&recursive=true` for the files of a folder
 *   (https://docs.gitlab.com/api/repositories/#list-repository-tree): blobs and trees with
 *   their paths and Git object ids, 100 a page (`page` counts from 1); a 404 is a missing
 *   branch or folder.
 */
export function gitlabClusterFileSource(options: {
  integrations: ScmIntegrationRegistry;
  repoUrl: string;
  token?: string;
  signal?: AbortSignal;
}): ClusterFileSource {
  const target = openGitLabProject({
    integrations: options.integrations,
    input: options,
    signal: options.signal,
  });
  const { call, find, where: repository } = target;

  return {
    repository,
    async defaultBranch() {
      const project = await call<ProjectJson>({
        method: 'GET',
        path: target.projectPath,
        purpose: 'read the project',
      });
      return project.default_branch || undefined;
    },
    async readFile(branch, file) {
      const json = await find<FileJson>({
        method: 'GET',
        path: `${target.projectPath}/repository/files/${encodeURIComponent(
          file,
        )}`,
        query: { ref: branch },
        purpose: `read ${file} on branch ${branch}`,
      });
      if (json === undefined) return undefined;
      if (json.encoding !== 'base64' || typeof json.content !== 'string') {
        throw userFacing(
          new ConflictError(
            `${file} on branch ${branch} of ${repository} came back without base64 content (encoding ${json.encoding}), so it cannot be read: ask a platform engineer to look at it`,
          ),
        );
      }
      return Buffer.from(json.content, 'base64').toString('utf8');
    },
    async listFolder(branch, folder) {
      const files = new Map<string, string>();
      const perPage = 100;
      for (let page = 1; ; page++) {
        const entries = await find<TreeEntryJson[]>({
          method: 'GET',
          path: `${target.projectPath}/repository/tree`,
          query: {
            path: folder,
            ref: branch,
            recursive: 'true',
            per_page: String(perPage),
            page: String(page),
          },
          purpose: `list ${folder} on branch ${branch}`,
        });
        if (entries === undefined) return undefined;
        for (const entry of entries) {
          if (entry.type === 'blob' && entry.id && entry.path)
            files.set(entry.path.slice(folder.length + 1), entry.id);
        }
        if (entries.length < perPage) break;
      }
      return files.size > 0 ? files : undefined;
    },
  };
}
