import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';

/**
 * A bare Git repository in a temporary folder, standing in for the team's GitOps repository,
 * and read-only questions about it, asked of the real git binary.
 */
export class BareRepo {
  private constructor(readonly dir: string, readonly path: string) {}

  /** A bare repository whose `main` holds one commit with `files` (path → content). */
  static create(
    files: Record<string, string> = { 'README.md': '# GitOps\n' },
  ): BareRepo {
    const dir = mkdtempSync(join(tmpdir(), 'kafka-connect-gitops-'));
    const repo = new BareRepo(dir, join(dir, 'gitops.git'));
    git(dir, ['init', '--quiet', '--bare', '--initial-branch=main', repo.path]);
    const work = join(dir, 'seed');
    git(dir, ['init', '--quiet', '--initial-branch=main', work]);
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(dirname(join(work, file)), { recursive: true });
      writeFileSync(join(work, file), content);
    }
    git(work, ['add', '--all']);
    git(work, ['commit', '--quiet', '-m', 'Seed the GitOps repository']);
    git(work, ['push', '--quiet', repo.path, 'main']);
    return repo;
  }

  /** A bare repository as `git init --bare` makes it: no commit, no branch. */
  static empty(): BareRepo {
    const dir = mkdtempSync(join(tmpdir(), 'kafka-connect-gitops-'));
    const repo = new BareRepo(dir, join(dir, 'gitops.git'));
    git(dir, ['init', '--quiet', '--bare', repo.path]);
    return repo;
  }

  branches(): string[] {
    return this.git(['for-each-ref', '--format=%(refname:short)', 'refs/heads'])
      .split('\n')
      .filter(Boolean)
      .sort();
  }

  head(branch: string): string {
    return this.git(['rev-parse', `refs/heads/${branch}`]).trim();
  }

  commitCount(branch: string): number {
    return Number(
      this.git(['rev-list', '--count', `refs/heads/${branch}`]).trim(),
    );
  }

  /** The parents of `branch`'s tip commit. */
  parents(branch: string): string[] {
    return this.git(['log', '-1', '--format=%P', `refs/heads/${branch}`])
      .trim()
      .split(' ')
      .filter(Boolean);
  }

  /** Paths that differ between two branches (added, changed or deleted), sorted. */
  changedFiles(from: string, to: string): string[] {
    return this.git([
      'diff',
      '--name-only',
      '--no-renames',
      `refs/heads/${from}`,
      `refs/heads/${to}`,
    ])
      .split('\n')
      .filter(Boolean)
      .sort();
  }

  /** Files below `folder` on `branch`, relative to `folder`, sorted. */
  files(branch: string, folder: string): string[] {
    return this.git([
      'ls-tree',
      '-r',
      '--name-only',
      `refs/heads/${branch}`,
      '--',
      `${folder}/`,
    ])
      .split('\n')
      .filter(Boolean)
      .map(file => file.slice(folder.length + 1))
      .sort();
  }

  /** Every file's content on `branch`, path → text. */
  contents(branch: string): Map<string, string> {
    const paths = this.git([
      'ls-tree',
      '-r',
      '--name-only',
      `refs/heads/${branch}`,
    ])
      .split('\n')
      .filter(Boolean);
    return new Map(paths.map(p => [p, this.read(branch, p)]));
  }

  read(branch: string, file: string): string {
    return this.git(['show', `refs/heads/${branch}:${file}`]);
  }

  /** Branch name → tip commit, to show that nothing moved. */
  snapshot(): Record<string, string> {
    return Object.fromEntries(this.branches().map(b => [b, this.head(b)]));
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private git(args: string[]): string {
    return git(this.path, args);
  }
}

function git(cwd: string, args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args],
    {
      cwd,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_CONFIG_NOSYSTEM: '1',
      },
    },
  );
}
