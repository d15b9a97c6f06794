import { execFile } from 'node:child_process';
import { redactCredentials, userFacing } from './errors';

/** What one git command printed and how it ended. */
export interface GitResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** A git command that failed: the message holds git's own words, trimmed and without credentials. */
export class GitCommandError extends Error {
  readonly exitCode: number | string | undefined;
  readonly stderr: string;

  constructor(
    what: string,
    stderr: string,
    exitCode: number | string | undefined,
  ) {
    const detail = cleanGitOutput(stderr);
    super(detail ? `${what}: ${detail}` : what);
    this.name = 'GitCommandError';
    this.stderr = detail;
    this.exitCode = exitCode;
    userFacing(this);
  }
}

/** Runs git in one folder; `allowExitCodes` lists non-zero codes that are answers, not failures. */
export type Git = (
  args: readonly string[],
  options?: {
    env?: Record<string, string>;
    allowExitCodes?: number[];
    what?: string;
  },
) => Promise<GitResult>;

export interface GitRunnerOptions {
  /** The folder git runs in. */
  cwd: string;
  /** An empty folder used as HOME, so no user's ~/.gitconfig takes part. */
  home: string;
  signal?: AbortSignal;
  /** Milliseconds before a command is killed; a hanging remote must not hang the task. */
  timeoutMs?: number;
}

/**
 * Variables that would point git at another repository or configuration. Removed so the
 * backend's own environment (say, a test run from a git hook) cannot redirect the commands.
 * Transport settings (GIT_SSH_COMMAND, GIT_SSL_CAINFO) stay: the platform may need them.
 */
const DROPPED_VARIABLES =
  /^GIT_(DIR|WORK_TREE|INDEX_FILE|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES|NAMESPACE|COMMON_DIR|CEILING_DIRECTORIES|CONFIG.*|AUTHOR_.*|COMMITTER_.*|EXEC_PATH|TEMPLATE_DIR|PAGER|EDITOR)$/;

export function gitEnvironment(home: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !DROPPED_VARIABLES.test(key)) env[key] = value;
  }
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    // English messages, whatever the host's locale: they end up in the task log.
    LC_ALL: 'C',
  };
}

/** Settings that keep the clone's behaviour independent of git's defaults on the host. */
const FIXED_CONFIG = [
  '-c',
  'core.autocrlf=false',
  '-c',
  'core.quotePath=false',
  '-c',
  'core.hooksPath=/dev/null',
  '-c',
  'commit.gpgSign=false',
  '-c',
  'init.defaultBranch=main',
  '-c',
  'advice.detachedHead=false',
];

/** Git output for people: no hints, no blank lines, no secrets, not too long. */
export function cleanGitOutput(text: string): string {
  const lines = redactCredentials(text)
    .split('\n')
    .map(l => l.trimEnd())
    .filter(l => l.trim() !== '' && !l.startsWith('hint:'));
  const joined = lines.join('\n');
  return joined.length > 2000 ? `${joined.slice(0, 2000)}…` : joined;
}

/**
 * Runs the `git` binary with an argument array: no shell ever sees the arguments, so
 * nothing in them (branch names, paths, messages) can become a command.
 */
export function createGit(options: GitRunnerOptions): Git {
  const baseEnv = gitEnvironment(options.home);
  return (args, runOptions = {}) =>
    new Promise((resolve, reject) => {
      execFile(
        'git',
        [...FIXED_CONFIG, ...args],
        {
          cwd: options.cwd,
          env: { ...baseEnv, ...runOptions.env },
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
          timeout: options.timeoutMs ?? 5 * 60 * 1000,
          signal: options.signal,
          windowsHide: true,
        },
        (error, stdout, stderr) => {
          const what = runOptions.what ?? `git ${args[0]} failed`;
          if (!error) {
            resolve({ stdout, stderr, exitCode: 0 });
            return;
          }
          const code = (
            error as NodeJS.ErrnoException & { code?: number | string }
          ).code;
          if (
            typeof code === 'number' &&
            runOptions.allowExitCodes?.includes(code)
          ) {
            resolve({ stdout, stderr, exitCode: code });
          } else if (code === 'ENOENT') {
            reject(
              userFacing(
                new Error("The git binary was not found on the backend's PATH"),
              ),
            );
          } else if ((error as { killed?: boolean }).killed) {
            reject(
              new GitCommandError(
                `${what} (stopped: it took too long or the task was cancelled)`,
                stderr,
                code,
              ),
            );
          } else {
            reject(new GitCommandError(what, stderr, code));
          }
        },
      );
    });
}
