import { ConflictError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fetchBranches, trackingRef } from './clone';
import { ClusterFileSource } from './clusterFileSource';
import { userFacing } from './errors';
import { createGit, Git } from './git';
import { GitopsRepository, readGitopsHeads } from './gitopsRepository';

/**
 * The GitOps repository of `kafkaConnect.gitops.repository`, read with git as the push step
 * does: each branch is fetched into a bare repository in `tempDir` (the caller removes it),
 * and the file read from it without a checkout. A repository that cannot be read, is empty or
 * lacks the default branch fails as the push step would (an empty one reads as holding nothing
 * when `initializeEmptyRepository` lets the push step make its first commit).
 */
export function localClusterFileSource(
  options: GitopsRepository & {
    tempDir: string;
    signal?: AbortSignal;
  },
): ClusterFileSource {
  const { remote, displayRemote } = options;
  let opened: Promise<Git> | undefined;
  const open = () =>
    (opened ??= (async () => {
      const home = path.join(options.tempDir, 'home');
      const dir = path.join(options.tempDir, 'read.git');
      await fs.mkdir(home, { recursive: true });
      await fs.mkdir(dir);
      const git = createGit({ cwd: dir, home, signal: options.signal });
      await git(['init', '--quiet', '--bare', '--template=']);
      return git;
    })());

  /** The branch fetched into the bare repository; false when the remote lacks it. */
  const fetchBranch = async (git: Git, branch: string) => {
    const found = await readGitopsHeads(git, options, [branch]);
    if (found.kind === 'empty' || !found.heads.has(branch)) return false;
    await fetchBranches(git, remote, displayRemote, [branch]);
    return true;
  };

  return {
    repository: displayRemote,
    defaultBranch: async () => options.defaultBranch,
    async readFile(branch, file) {
      const git = await open();
      if (!(await fetchBranch(git, branch))) return undefined;
      const object = `${trackingRef(branch)}:${file}`;
      const type = await git(['cat-file', '-t', object], {
        allowExitCodes: [128],
      });
      if (type.exitCode !== 0) return undefined;
      if (type.stdout.trim() !== 'blob') {
        throw userFacing(
          new ConflictError(
            `${file} on branch ${branch} of ${displayRemote} is a ${type.stdout.trim()}, not a file: choose another folder for the cluster`,
          ),
        );
      }
      return (await git(['cat-file', 'blob', object])).stdout;
    },
    async listFolder(branch, folder) {
      const git = await open();
      if (!(await fetchBranch(git, branch))) return undefined;
      // NUL-separated "<mode> <type> <id>\t<path>" entries, the paths as they are.
      const listing = await git([
        'ls-tree',
        '-r',
        '-z',
        '--full-tree',
        trackingRef(branch),
        '--',
        `${folder}/`,
      ]);
      const files = new Map<string, string>();
      for (const entry of listing.stdout.split('\0')) {
        const match = /^\d+ blob ([0-9a-f]+)\t(.+)$/s.exec(entry);
        if (match && match[2].startsWith(`${folder}/`))
          files.set(match[2].slice(folder.length + 1), match[1]);
      }
      return files.size > 0 ? files : undefined;
    },
  };
}
