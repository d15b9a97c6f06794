/*
 * Test helpers: temporary bare repositories, and commits pushed to them through a
 * temporary clone, the way a merged pull request would arrive.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runGit } from '../git';

/** A temporary folder, removed by the returned cleanup. */
export async function makeTempDir(): Promise<{
  dir: string;
  cleanup: () => Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'gitops-test-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** An empty bare repository whose HEAD names `main`. */
export async function makeBareRepository(path: string): Promise<string> {
  await runGit(['init', '--bare', '--quiet', path]);
  await runGit([
    `--git-dir=${path}`,
    'symbolic-ref',
    'HEAD',
    'refs/heads/main',
  ]);
  return path;
}

/**
 * Commits `changes` on `branch` (starting it from `base`, or empty, when new) and pushes
 * it. A null content deletes the file. Returns the new commit.
 */
export async function pushCommit(
  gitDir: string,
  branch: string,
  changes: Record<string, string | null>,
  base?: string,
): Promise<string> {
  const { dir, cleanup } = await makeTempDir();
  try {
    const git = (...args: string[]) => runGit(['-C', dir, ...args]);
    await runGit(['clone', '--quiet', gitDir, dir]);
    const remoteBranches = await git(
      'branch',
      '-r',
      '--format=%(refname:short)',
    );
    const start = remoteBranches.split('\n').includes(`origin/${branch}`)
      ? `origin/${branch}`
      : base && `origin/${base}`;
    if (start) {
      await git('checkout', '--quiet', '-B', branch, start);
    } else {
      // An orphan branch keeps the clone's files staged: start it empty.
      await git('checkout', '--quiet', '--orphan', branch);
      await git('rm', '-r', '-f', '--quiet', '--ignore-unmatch', '.');
    }
    for (const [path, content] of Object.entries(changes)) {
      if (content === null) {
        await git('rm', '--quiet', path);
      } else {
        await mkdir(dirname(join(dir, path)), { recursive: true });
        await writeFile(join(dir, path), content);
        await git('add', path);
      }
    }
    await git(
      'commit',
      '--quiet',
      '-m',
      `Change ${Object.keys(changes).join(', ')}`,
    );
    await git('push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`);
    return (await git('rev-parse', 'HEAD')).trim();
  } finally {
    await cleanup();
  }
}

/** A git runner bound to one bare repository, returning trimmed output. */
export function gitIn(gitDir: string) {
  return async (...args: string[]) =>
    (await runGit([`--git-dir=${gitDir}`, ...args])).trim();
}
