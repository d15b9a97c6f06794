/*
 * Runs the `git` binary with an argument array (never a shell string), isolated
 * from the machine's and the user's Git configuration so that hooks, signing,
 * templates or a global `init.defaultBranch` cannot change what the demo does.
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The fixed identity of every commit the demo makes. */
export const DEMO_GIT_AUTHOR = {
  name: 'Backstage demo',
  email: 'backstage-demo@localhost',
};

/** A failed git invocation, with its exit code and standard error. */
export class GitCommandError extends Error {
  readonly exitCode: number | undefined;
  readonly stderr: string;

  constructor(args: string[], exitCode: number | undefined, stderr: string) {
    super(
      `git ${args.join(' ')} failed (exit ${
        exitCode ?? 'unknown'
      }): ${stderr.trim()}`,
    );
    this.name = 'GitCommandError';
    this.exitCode = exitCode;
    this.stderr = stderr;
  }
}

export interface RunGitOptions {
  /** Working directory of the git process. */
  cwd?: string;
  /** Written to the process's standard input, which is then closed. */
  input?: string | Buffer;
}

// An empty HOME per process: git reads ~/.gitconfig and XDG config from it.
let isolatedHome: Promise<string> | undefined;
function getIsolatedHome(): Promise<string> {
  isolatedHome ??= mkdtemp(join(tmpdir(), 'backstage-demo-git-home-'));
  return isolatedHome;
}

async function gitEnv(): Promise<NodeJS.ProcessEnv> {
  const home = await getIsolatedHome();
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Inherited GIT_* variables (GIT_DIR from a hook, GIT_CONFIG_*) would redirect git.
    if (!key.startsWith('GIT_')) {
      env[key] = value;
    }
  }
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: DEMO_GIT_AUTHOR.name,
    GIT_AUTHOR_EMAIL: DEMO_GIT_AUTHOR.email,
    GIT_COMMITTER_NAME: DEMO_GIT_AUTHOR.name,
    GIT_COMMITTER_EMAIL: DEMO_GIT_AUTHOR.email,
    LC_ALL: 'C',
  };
}

/** Runs git and resolves with its standard output. */
export async function runGit(
  args: string[],
  options: RunGitOptions = {},
): Promise<string> {
  const env = await gitEnv();
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args,
      {
        cwd: options.cwd,
        env,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error) {
          const code = typeof error.code === 'number' ? error.code : undefined;
          reject(new GitCommandError(args, code, stderr || error.message));
          return;
        }
        resolve(stdout);
      },
    );
    // git may exit without reading its input (it needs none, or it failed first);
    // the exit status above tells what happened, so a broken pipe here is not news.
    child.stdin?.on('error', () => {});
    if (options.input !== undefined) {
      child.stdin?.end(options.input);
    } else {
      child.stdin?.end();
    }
  });
}
