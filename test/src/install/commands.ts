import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { childEnv } from '../e2e/childEnv';

/**
 * Runs the commands a platform engineer types (npx, yarn, git) as child processes, with
 * their output appended to one log file, and an error that shows the log's end on failure.
 */

/** The caller's environment, minus what would change a Backstage app or its backend. */
export function userEnv(
  overrides: Record<string, string> = {},
): NodeJS.ProcessEnv {
  // The caller's YARN_* settings are this repository's, not the fresh app's.
  return childEnv(overrides, ['YARN_']);
}

export function logTail(logFile: string, lines = 40): string {
  try {
    return (
      readFileSync(logFile, 'utf8')
        // eslint-disable-next-line no-control-regex
        .replace(/\x1b\[[0-9;]*[A-Za-z]/g, '')
        .split('\n')
        .slice(-lines)
        .join('\n')
    );
  } catch {
    return '(nothing logged)';
  }
}

/** Runs `command args` in `cwd`; resolves when it exits 0, else rejects with the log's end. */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; logFile: string; env?: Record<string, string> },
): Promise<void> {
  appendFileSync(
    options.logFile,
    `\n$ (cd ${options.cwd} && ${command} ${args.join(' ')})\n`,
  );
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: userEnv(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const write = (chunk: Buffer) => appendFileSync(options.logFile, chunk);
    child.stdout.on('data', write);
    child.stderr.on('data', write);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) {
        resolve();
        return;
      }
      reject(
        new Error(
          `${command} ${args.join(' ')} (in ${options.cwd}) ended with ${
            signal ?? `exit code ${code}`
          }; the log's end (all of it in ${options.logFile}):\n${logTail(
            options.logFile,
          )}`,
        ),
      );
    });
  });
}
