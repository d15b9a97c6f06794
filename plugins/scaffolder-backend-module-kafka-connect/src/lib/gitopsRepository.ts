import { remoteHeads } from './clone';
import { userFacing } from './errors';
import { Git, GitCommandError } from './git';
import { DEFAULT_BRANCH_KEY, INITIALIZE_KEY, REPOSITORY_KEY } from './settings';

/**
 * Whether the GitOps repository can take a cluster: it answers, and its default branch exists.
 * A fresh install meets the three ways it cannot (unreachable, empty, no default branch) before
 * anything else, so each gets one message naming the setting and the fix, and nothing is pushed.
 */

/** The repository as the actions use it. */
export interface GitopsRepository {
  remote: string;
  displayRemote: string;
  defaultBranch: string;
  initializeEmptyRepository: boolean;
}

/** The repository cannot take a cluster as configured; the message says what to change. */
export class GitopsRepositoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitopsRepositoryError';
    userFacing(this);
  }
}

export function unreachableMessage(
  repo: GitopsRepository,
  gitSaid: string,
): string {
  return `The GitOps repository ${repo.displayRemote} (${REPOSITORY_KEY}) cannot be read, so nothing was pushed: ${gitSaid}. Set ${REPOSITORY_KEY} to a repository the backend's git can read: a bare repository on the backend's machine (create one with "git init --bare <path>"), or a URL with the credentials it needs (https://…, ssh://…, git@host:org/repo.git)`;
}

export function emptyMessage(repo: GitopsRepository): string {
  return `The GitOps repository ${repo.displayRemote} (${REPOSITORY_KEY}) is empty, so nothing was pushed: it needs a first commit on its default branch ${repo.defaultBranch} (${DEFAULT_BRANCH_KEY}), which new branches start from. Push one (a README is enough), or set ${INITIALIZE_KEY}: true and the first push makes it`;
}

export function noDefaultBranchMessage(
  repo: GitopsRepository,
  branches: readonly string[],
): string {
  const shown = branches.slice(0, 10).join(', ');
  const more = branches.length > 10 ? ', …' : '';
  return `The GitOps repository ${repo.displayRemote} (${REPOSITORY_KEY}) has no branch ${repo.defaultBranch}, so nothing was pushed; its branches are ${shown}${more}. Set ${DEFAULT_BRANCH_KEY} to the branch clusters are merged into, or push a branch ${repo.defaultBranch}`;
}

/** Runs a read of the remote; git's failure becomes {@link unreachableMessage}. */
async function reading<T>(
  repo: GitopsRepository,
  read: () => Promise<T>,
): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof GitCommandError)) throw error;
    throw new GitopsRepositoryError(
      unreachableMessage(repo, error.stderr || error.message),
    );
  }
}

/** Every branch of the remote. */
async function allBranches(
  git: Git,
  repo: GitopsRepository,
): Promise<string[]> {
  const { stdout } = await reading(repo, () =>
    git(['ls-remote', '--heads', '--', repo.remote], {
      what: `Could not read the GitOps repository ${repo.displayRemote}`,
    }),
  );
  return stdout
    .split('\n')
    .map(line => line.split('\t')[1])
    .filter((ref): ref is string => !!ref?.startsWith('refs/heads/'))
    .map(ref => ref.slice('refs/heads/'.length));
}

/** What the remote holds of the default branch and `branches`. */
export type GitopsHeads =
  /** The default branch is there; `heads` holds it and those of `branches` that exist. */
  | { kind: 'ready'; heads: Map<string, string> }
  /** No branch at all, and the switch allows a first commit. */
  | { kind: 'empty' };

/**
 * Reads the default branch and `branches` from the remote. Fails with a {@link
 * GitopsRepositoryError} when the remote cannot be read, is empty (unless
 * `initializeEmptyRepository` is set: then `empty`), or lacks the default branch.
 */
export async function readGitopsHeads(
  git: Git,
  repo: GitopsRepository,
  branches: readonly string[],
): Promise<GitopsHeads> {
  const heads = await reading(repo, () =>
    remoteHeads(git, repo.remote, repo.displayRemote, [
      repo.defaultBranch,
      ...branches,
    ]),
  );
  if (heads.has(repo.defaultBranch)) return { kind: 'ready', heads };
  const existing = await allBranches(git, repo);
  if (existing.length > 0) {
    throw new GitopsRepositoryError(noDefaultBranchMessage(repo, existing));
  }
  if (repo.initializeEmptyRepository) return { kind: 'empty' };
  throw new GitopsRepositoryError(emptyMessage(repo));
}
