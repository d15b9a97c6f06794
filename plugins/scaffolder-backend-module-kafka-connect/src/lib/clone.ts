import fs from 'node:fs/promises';
import path from 'node:path';
import { Git, GitCommandError } from './git';
import { makeFolderInside } from './paths';
import { copyFiles } from './sourceFiles';

/**
 * The steps of the push done in a temporary clone. Only `push` changes the outside world.
 * Remote-tracking refs are named `refs/remotes/origin/<branch>` although no remote is
 * configured: the URL is passed to each command, so credentials in it are never written
 * into the clone's config.
 */

/** `refs/remotes/origin/<branch>`: where a fetched branch lands in the clone. */
export function trackingRef(branch: string): string {
  return `refs/remotes/origin/${branch}`;
}

/** The commit each of `branches` points at on the remote; absent branches are left out. */
export async function remoteHeads(
  git: Git,
  remote: string,
  shownAs: string,
  branches: readonly string[],
): Promise<Map<string, string>> {
  const refs = branches.map(b => `refs/heads/${b}`);
  const { stdout } = await git(
    ['ls-remote', '--heads', '--', remote, ...refs],
    {
      what: `Could not read the GitOps repository ${shownAs}`,
    },
  );
  const heads = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const [sha, ref] = line.split('\t');
    if (sha && ref && refs.includes(ref))
      heads.set(ref.slice('refs/heads/'.length), sha);
  }
  return heads;
}

export async function fetchBranches(
  git: Git,
  remote: string,
  shownAs: string,
  branches: readonly string[],
): Promise<void> {
  await git(
    [
      'fetch',
      '--quiet',
      '--no-tags',
      '--',
      remote,
      ...branches.map(b => `+refs/heads/${b}:${trackingRef(b)}`),
    ],
    { what: `Could not fetch from the GitOps repository ${shownAs}` },
  );
}

export interface StagedChange {
  /** Whether the index differs from the checked-out commit. */
  changed: boolean;
  /** The tree the commit would have: the same files give the same tree, whatever the time. */
  tree: string;
  /** `git diff --name-status` lines (`M clusters/prod/orders/values.yaml`), for the log. */
  changes: string[];
}

/**
 * Replaces everything in `targetPath` of the clone's work tree with `files` from `sourceDir`
 * and stages the result: files that the new render no longer makes are deleted.
 */
export async function replaceFolder(
  git: Git,
  cloneDir: string,
  targetPath: string,
  sourceDir: string,
  files: readonly string[],
): Promise<StagedChange> {
  const targetDir = path.join(cloneDir, ...targetPath.split('/'));
  // The checked-out repository could hold a symbolic link on the way: never delete through it.
  await makeFolderInside(cloneDir, targetDir);
  await git(['rm', '-r', '-q', '--ignore-unmatch', '--', targetPath]);
  await fs.rm(targetDir, { recursive: true, force: true });
  await copyFiles(sourceDir, targetDir, files);
  // --force: the repository's .gitignore must not silently drop a rendered file.
  await git(['add', '--all', '--force', '--', targetPath]);
  const diff = await git(['diff', '--cached', '--quiet'], {
    allowExitCodes: [1],
  });
  const status = await git(['diff', '--cached', '--name-status']);
  const tree = await git(['write-tree']);
  return {
    changed: diff.exitCode === 1,
    tree: tree.stdout.trim(),
    changes: status.stdout
      .split('\n')
      .filter(Boolean)
      .map(line => line.replace('\t', ' ')),
  };
}

export interface CommitOptions {
  message: string;
  authorName: string;
  authorEmail: string;
  date: Date;
}

/** Commits the index with one fixed identity as author and committer; returns the commit. */
export async function commitStaged(
  git: Git,
  options: CommitOptions,
): Promise<string> {
  const date = `${Math.floor(options.date.getTime() / 1000)} +0000`;
  await git(
    ['commit', '--quiet', '--no-verify', '--message', options.message],
    {
      env: {
        GIT_AUTHOR_NAME: options.authorName,
        GIT_AUTHOR_EMAIL: options.authorEmail,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_NAME: options.authorName,
        GIT_COMMITTER_EMAIL: options.authorEmail,
        GIT_COMMITTER_DATE: date,
      },
    },
  );
  return (await git(['rev-parse', 'HEAD'])).stdout.trim();
}

/**
 * Why a push failed, read from git's own report:
 *
 * - `moved`: the branch changed on the remote since it was read (another task pushed it):
 *   `[rejected] … (fetch first)` / `(non-fast-forward)`, or the remote could not lock the ref
 *   because it no longer had the value the push expected (`cannot lock ref`, `failed to
 *   update ref`, `reference already exists`, `incorrect old value`);
 * - `refused`: the remote declined it (a hook, branch protection, permissions);
 * - `unreachable`: the remote could not be reached or went away during the push;
 * - `other`: anything else.
 */
export type PushFailure = 'moved' | 'refused' | 'unreachable' | 'other';

const MOVED =
  /\[rejected\].*\((fetch first|non-fast-forward|stale info)\)|cannot lock ref|failed to update ref|reference already exists|incorrect old value/i;
const REFUSED =
  /\[remote rejected\]|hook declined|protected branch|permission denied|access denied|denied to|forbidden|not allowed|returned error: 40[13]/i;
const UNREACHABLE =
  /does not appear to be a git repository|could not read from remote repository|unable to access|could not resolve host|connection (refused|reset|timed out|closed)|failed to connect|empty reply from server|remote end hung up|early EOF|RPC failed|broken pipe|no such file or directory|not a git repository|returned error: 5\d\d|timed out/i;

export function classifyPushFailure(stderr: string): PushFailure {
  // A lock failure is reported as `[remote rejected] … (failed to update ref)`: moved first.
  if (MOVED.test(stderr)) return 'moved';
  if (REFUSED.test(stderr)) return 'refused';
  if (UNREACHABLE.test(stderr)) return 'unreachable';
  return 'other';
}

/** A push that failed, with git's words and why, for the caller to decide what to do. */
export class PushError extends GitCommandError {
  constructor(
    what: string,
    error: GitCommandError,
    readonly failure: PushFailure,
  ) {
    super(what, error.stderr, error.exitCode);
    this.name = 'PushError';
  }
}

/**
 * Pushes HEAD to `branch`; not forced, so a branch that moved meanwhile is not overwritten.
 * A failure is a {@link PushError} that says whether the remote refused, moved or went away.
 */
export async function pushBranch(
  git: Git,
  remote: string,
  shownAs: string,
  branch: string,
): Promise<void> {
  try {
    await git([
      'push',
      '--quiet',
      '--no-verify',
      '--',
      remote,
      `HEAD:refs/heads/${branch}`,
    ]);
  } catch (error) {
    if (!(error instanceof GitCommandError)) throw error;
    const failure = classifyPushFailure(error.stderr);
    const what = {
      moved: `Branch ${branch} changed in the GitOps repository ${shownAs} while this task pushed it`,
      refused: `The GitOps repository ${shownAs} refused branch ${branch}`,
      unreachable: `The GitOps repository ${shownAs} could not be reached to push branch ${branch}`,
      other: `The GitOps repository ${shownAs} did not take branch ${branch}`,
    }[failure];
    throw new PushError(what, error, failure);
  }
}
