/*
 * Makes the demo's GitOps repository: a local bare repository with one commit on the
 * default branch, so that the template has somewhere to push and the catalog has
 * something to watch without any Git hosting or credentials.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { GitCommandError, runGit } from './git';

export const GITOPS_README = `# GitOps repository (demo)

This bare repository was created by the demo Backstage backend. It stands in for a
team's GitOps repository on GitHub or GitLab.

The "Kafka Connect cluster" software template pushes a branch here with everything a
new cluster needs. Clusters land in \`clusters/\`, one folder each, with a
\`catalog-info.yaml\` beside the manifests. Once a branch is merged into the default
branch, the demo catalog shows the cluster within a few seconds; removing its folder
from the default branch removes it from the catalog.
`;

export interface EnsureGitopsRepositoryResult {
  /** True when the bare repository did not exist and was initialised. */
  initialised: boolean;
  /** The initial commit, when this call made it. */
  initialCommit?: string;
}

async function isBareRepository(path: string): Promise<boolean> {
  try {
    const out = await runGit([
      `--git-dir=${path}`,
      'rev-parse',
      '--is-bare-repository',
    ]);
    return out.trim() === 'true';
  } catch (error) {
    if (error instanceof GitCommandError) {
      return false;
    }
    throw error;
  }
}

/** True when `refs/heads/<branch>` exists in the repository. */
export async function branchExists(
  gitDir: string,
  branch: string,
): Promise<boolean> {
  try {
    await runGit([
      `--git-dir=${gitDir}`,
      'rev-parse',
      '--verify',
      '--quiet',
      `refs/heads/${branch}^{commit}`,
    ]);
    return true;
  } catch (error) {
    // Exit code 1 with --quiet means "no such ref"; anything else is a real failure.
    if (error instanceof GitCommandError && error.exitCode === 1) {
      return false;
    }
    throw error;
  }
}

// Builds the commit with plumbing commands: no working tree and no temporary clone.
async function commitReadme(gitDir: string): Promise<string> {
  const git = (args: string[], input?: string) =>
    runGit([`--git-dir=${gitDir}`, ...args], { input }).then(s => s.trim());
  const blob = await git(['hash-object', '-w', '--stdin'], GITOPS_README);
  const tree = await git(['mktree'], `100644 blob ${blob}\tREADME.md\n`);
  return git([
    'commit-tree',
    tree,
    '-m',
    'Initialise the demo GitOps repository',
  ]);
}

async function initBareRepository(path: string, branch: string) {
  await mkdir(dirname(path), { recursive: true });
  try {
    await runGit(['init', '--bare', '--quiet', path]);
  } catch (error) {
    // Another process may have initialised it at the same moment: that is success.
    if (await isBareRepository(path)) {
      return;
    }
    throw error;
  }
  // Set HEAD explicitly: older git ignores --initial-branch, and clones follow HEAD.
  await runGit([
    `--git-dir=${path}`,
    'symbolic-ref',
    'HEAD',
    `refs/heads/${branch}`,
  ]);
}

async function ensure(
  path: string,
  branch: string,
): Promise<EnsureGitopsRepositoryResult> {
  let initialised = false;
  if (!(await isBareRepository(path))) {
    await initBareRepository(path, branch);
    initialised = true;
  }

  if (await branchExists(path, branch)) {
    return { initialised };
  }

  const commit = await commitReadme(path);
  try {
    // The empty old value makes the update fail if the branch appeared meanwhile.
    await runGit([
      `--git-dir=${path}`,
      'update-ref',
      `refs/heads/${branch}`,
      commit,
      '',
    ]);
  } catch (error) {
    if (await branchExists(path, branch)) {
      return { initialised };
    }
    throw error;
  }
  return { initialised, initialCommit: commit };
}

// Calls for one path in this process run one after the other: concurrent `git init`
// of one folder fails on git's config lock.
const pending = new Map<string, Promise<unknown>>();

/**
 * Creates the bare repository at `path` with a README commit on `branch`, if absent.
 * Idempotent: an existing repository and an existing branch are left untouched.
 */
export async function ensureGitopsRepository(
  path: string,
  branch: string = 'main',
): Promise<EnsureGitopsRepositoryResult> {
  const key = resolve(path);
  const previous = pending.get(key) ?? Promise.resolve();
  const current = previous
    .catch(() => undefined)
    .then(() => ensure(key, branch));
  pending.set(key, current);
  try {
    return await current;
  } finally {
    if (pending.get(key) === current) {
      pending.delete(key);
    }
  }
}
