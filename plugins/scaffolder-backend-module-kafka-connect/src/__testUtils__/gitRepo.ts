import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gitEnvironment } from '../lib/git';

/**
 * A bare repository standing in for the GitOps repository, with helpers that read it
 * directly (never through the code under test).
 */
export class BareRepo {
  constructor(readonly dir: string, private readonly home: string) {}

  /** `git init --bare` plus one commit on main holding a README. */
  static create(root: string): BareRepo {
    const repo = BareRepo.createEmpty(root);
    repo.commitFiles('main', { 'README.md': '# GitOps\n' }, 'Initial commit');
    return repo;
  }

  /** `git init --bare` alone: a repository without any commit, as a Git host creates one. */
  static createEmpty(root: string, name = 'gitops.git'): BareRepo {
    const home = path.join(root, 'git-home');
    fs.mkdirSync(home, { recursive: true });
    const repo = new BareRepo(path.join(root, name), home);
    repo.git(
      root,
      'init',
      '--quiet',
      '--bare',
      '--initial-branch=main',
      repo.dir,
    );
    return repo;
  }

  git(cwd: string, ...args: string[]): string {
    return execFileSync('git', args, {
      cwd,
      env: {
        ...gitEnvironment(this.home),
        GIT_AUTHOR_NAME: 'Test',
        GIT_AUTHOR_EMAIL: 'test@example.com',
        GIT_COMMITTER_NAME: 'Test',
        GIT_COMMITTER_EMAIL: 'test@example.com',
      },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  /** Commits `files` (path → content) on top of `branch` (created from nothing if absent). */
  commitFiles(
    branch: string,
    files: Record<string, string>,
    message: string,
  ): string {
    const work = fs.mkdtempSync(path.join(this.home, 'work-'));
    try {
      this.git(work, 'init', '--quiet', '--initial-branch', branch);
      if (this.refs()[`refs/heads/${branch}`]) {
        this.git(work, 'fetch', '--quiet', this.dir, `refs/heads/${branch}`);
        this.git(work, 'reset', '--quiet', '--hard', 'FETCH_HEAD');
      }
      for (const [file, content] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
        fs.writeFileSync(path.join(work, file), content);
      }
      this.git(work, 'add', '--all');
      this.git(work, 'commit', '--quiet', '--message', message);
      this.git(work, 'push', '--quiet', this.dir, `HEAD:refs/heads/${branch}`);
      return this.git(work, 'rev-parse', 'HEAD').trim();
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }

  /** Every ref and the object it points at: equal before and after means nothing was pushed. */
  refs(): Record<string, string> {
    const out = this.git(
      this.dir,
      'for-each-ref',
      '--format=%(refname) %(objectname)',
    );
    return Object.fromEntries(
      out
        .split('\n')
        .filter(Boolean)
        .map(l => l.split(' ') as [string, string]),
    );
  }

  /** Files below `folder` at `ref`, relative to `folder`, sorted. */
  filesAt(ref: string, folder: string): string[] {
    const out = this.git(
      this.dir,
      'ls-tree',
      '-r',
      '--name-only',
      ref,
      '--',
      `${folder}/`,
    );
    return out
      .split('\n')
      .filter(Boolean)
      .map(f => f.slice(folder.length + 1))
      .sort();
  }

  show(ref: string, file: string): string {
    return this.git(this.dir, 'show', `${ref}:${file}`);
  }

  /** Commits on `ref` that are not on `base`, newest first. */
  log(range: string): string[] {
    return this.git(this.dir, 'log', '--format=%H', range)
      .split('\n')
      .filter(Boolean);
  }

  commitInfo(ref: string): {
    author: string;
    committer: string;
    message: string;
    parents: string[];
  } {
    const [author, committer, parents, ...message] = this.git(
      this.dir,
      'log',
      '-1',
      '--format=%an <%ae>%n%cn <%ce>%n%P%n%B',
      ref,
    ).split('\n');
    return {
      author,
      committer,
      parents: parents.split(' ').filter(Boolean),
      message: message.join('\n').trim(),
    };
  }
}
