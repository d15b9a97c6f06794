import { execFileSync } from 'node:child_process';

/** The environment for git isolated from the machine's and the user's configuration. */
export function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('GIT_')) env[key] = value;
  }
  return {
    ...env,
    // With GIT_CONFIG_GLOBAL set git reads neither ~/.gitconfig nor the XDG file.
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: 'E2E test',
    GIT_AUTHOR_EMAIL: 'e2e@example.com',
    GIT_COMMITTER_NAME: 'E2E test',
    GIT_COMMITTER_EMAIL: 'e2e@example.com',
    LC_ALL: 'C',
  };
}

/** Runs git isolated from the machine's and the user's configuration. */
export function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: gitEnv() });
}

/** The branches of a repository, sorted. */
export function branchesOf(repository: string): string[] {
  return git(repository, [
    'for-each-ref',
    '--format=%(refname:short)',
    'refs/heads',
  ])
    .split('\n')
    .filter(Boolean)
    .sort();
}

/** The paths of the files under `folder` in `ref` of a repository. */
export function filesAt(
  repository: string,
  ref: string,
  folder: string,
): string[] {
  return git(repository, ['ls-tree', '-r', '--name-only', ref, `${folder}/`])
    .split('\n')
    .filter(Boolean);
}
