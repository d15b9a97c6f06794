import {
  createServiceFactory,
  createServiceRef,
  LoggerService,
  RootConfigService,
  UrlReaderService,
  UrlReaderServiceReadTreeResponse,
} from '@backstage/backend-plugin-api';
import { NotFoundError, NotModifiedError } from '@backstage/errors';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { gitEnvironment } from './git';
import {
  DEFAULT_BRANCH_KEY,
  INITIALIZE_KEY,
  readGitopsSettings,
  REPOSITORY_KEY,
} from './settings';

/**
 * A URL reader for the GitOps repository of `kafkaConnect.gitops.repository` when it is a bare
 * repository on the backend's machine (the demo's `.gitops/gitops.git`): it reads
 * `file://<repository>/<path>` URLs, the locations the demo catalog gives the clusters'
 * entities, from the repository's default branch. So the day-2 templates read a cluster the
 * same way through Backstage's URL reader whether it lives on GitHub, GitLab or here.
 */

/** The part of backend-defaults' ReadTreeResponseFactory this reader uses. */
interface TreeResponseFactory {
  fromTarArchive(options: {
    stream: Readable;
    etag: string;
    stripFirstDirectory?: boolean;
  }): Promise<UrlReaderServiceReadTreeResponse>;
}

/** The shape of backend-defaults' ReaderFactory, so this module needs no dependency on it. */
export type GitopsReaderFactory = (options: {
  config: RootConfigService;
  logger: LoggerService;
  treeResponseFactory: TreeResponseFactory;
}) => { predicate: (url: URL) => boolean; reader: UrlReaderService }[];

function git(
  repository: string,
  home: string,
  args: string[],
): Promise<{ code: number; stdout: Buffer }> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['--git-dir', repository, ...args],
      {
        env: gitEnvironment(home),
        encoding: 'buffer',
        maxBuffer: 64 * 1024 * 1024,
        timeout: 60_000,
        windowsHide: true,
      },
      (error, stdout) => {
        const code = (error as { code?: unknown } | null)?.code;
        if (!error) resolve({ code: 0, stdout });
        else if (typeof code === 'number') resolve({ code, stdout });
        else reject(error);
      },
    );
  });
}

/** The reader for one bare repository and branch. */
export function gitopsRepositoryReader(options: {
  repository: string;
  branch: string;
  treeResponseFactory: TreeResponseFactory;
}): { predicate: (url: URL) => boolean; reader: UrlReaderService } {
  const { repository, branch, treeResponseFactory } = options;
  const root = `${path.resolve(repository)}${path.sep}`;

  /** The path inside the repository that a file URL names; undefined if it is not inside. */
  function inside(url: string | URL): string | undefined {
    const parsed = typeof url === 'string' ? new URL(url) : url;
    if (parsed.protocol !== 'file:') return undefined;
    const file = path.resolve(fileURLToPath(parsed));
    if (!`${file}${path.sep}`.startsWith(root)) return undefined;
    return path.relative(root, file).split(path.sep).join('/');
  }

  async function run<T>(
    body: (home: string, commit: string) => Promise<T>,
  ): Promise<T> {
    const home = await fs.mkdtemp(path.join(os.tmpdir(), 'gitops-reader-'));
    try {
      const head = await git(repository, home, [
        'rev-parse',
        '--verify',
        '--quiet',
        `refs/heads/${branch}`,
      ]);
      if (head.code !== 0) {
        throw new NotFoundError(
          `The GitOps repository ${repository} (${REPOSITORY_KEY}) has no branch ${branch} (${DEFAULT_BRANCH_KEY}): it is empty or not a repository. Push a first commit to ${branch}, or set ${INITIALIZE_KEY}: true and the first push of a template makes it`,
        );
      }
      return await body(home, head.stdout.toString('utf8').trim());
    } finally {
      await fs.rm(home, { recursive: true, force: true });
    }
  }

  const reader: UrlReaderService = {
    async readUrl(url, readOptions) {
      const file = inside(url);
      if (file === undefined)
        throw new NotFoundError(`${url} is not in ${repository}`);
      return run(async (home, commit) => {
        const blob = await git(repository, home, [
          'rev-parse',
          '--verify',
          '--quiet',
          `${commit}:${file}`,
        ]);
        const etag = blob.stdout.toString('utf8').trim();
        if (blob.code !== 0)
          throw new NotFoundError(
            `${file} is not on branch ${branch} of ${repository}`,
          );
        if (readOptions?.etag && readOptions.etag === etag)
          throw new NotModifiedError();
        const content = await git(repository, home, ['cat-file', 'blob', etag]);
        if (content.code !== 0)
          throw new NotFoundError(
            `${file} on branch ${branch} of ${repository} is not a file`,
          );
        return {
          buffer: async () => content.stdout,
          stream: () => Readable.from([content.stdout]),
          etag,
        };
      });
    },
    async readTree(url, treeOptions) {
      const folder = inside(url);
      if (folder === undefined)
        throw new NotFoundError(`${url} is not in ${repository}`);
      return run(async (home, commit) => {
        const tree =
          folder === '' ? commit : `${commit}:${folder.replace(/\/$/, '')}`;
        const type = await git(repository, home, ['cat-file', '-t', tree]);
        if (type.code !== 0 || type.stdout.toString('utf8').trim() !== 'tree') {
          throw new NotFoundError(
            `${folder} is no folder on branch ${branch} of ${repository}`,
          );
        }
        const etag = (await git(repository, home, ['rev-parse', tree])).stdout
          .toString('utf8')
          .trim();
        if (treeOptions?.etag && treeOptions.etag === etag)
          throw new NotModifiedError();
        const archive = await git(repository, home, [
          'archive',
          '--format=tar',
          tree,
        ]);
        return treeResponseFactory.fromTarArchive({
          stream: Readable.from([archive.stdout]),
          etag,
          stripFirstDirectory: false,
        });
      });
    },
    async search() {
      throw new NotFoundError(`searching ${repository} is not supported`);
    },
  };
  return { predicate: url => inside(url) !== undefined, reader };
}

/** Reads the repository settings; nothing when the repository is a remote URL or unset. */
export const gitopsReaderFactory: GitopsReaderFactory = ({
  config,
  treeResponseFactory,
}) => {
  const settings = readGitopsSettings(config);
  if (!settings.isLocal || !settings.remote) return [];
  return [
    gitopsRepositoryReader({
      repository: settings.remote,
      branch: settings.defaultBranch,
      treeResponseFactory,
    }),
  ];
};

/**
 * backend-defaults' `urlReaderFactoriesServiceRef`, declared by its id: service refs are
 * matched by id, and this module then needs no dependency on backend-defaults.
 */
const urlReaderFactoriesRef = createServiceRef<GitopsReaderFactory>({
  id: 'core.urlReader.factories',
  scope: 'plugin',
  multiton: true,
});

/**
 * Add to a backend whose GitOps repository is a local bare repository (the demo):
 * `backend.add(gitopsUrlReaderServiceFactory)`.
 *
 * @public
 */
export const gitopsUrlReaderServiceFactory = createServiceFactory({
  service: urlReaderFactoriesRef,
  deps: {},
  async factory() {
    return gitopsReaderFactory;
  },
});
