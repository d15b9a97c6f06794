import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync, statSync } from 'node:fs';
import { childEnv } from '../e2e/childEnv';

/**
 * Runs the commands a platform engineer types (npx, yarn, git) as child processes, with
 * their output appended to one log file, and an error that shows that command's output on failure.
 */

/**
 * A platform engineer's terminal: the caller's environment, minus what would change a
 * Backstage app or its backend.
 */
export function userEnv(
  overrides: Record<string, string> = {},
): NodeJS.ProcessEnv {
  // The caller's YARN_* settings are this repository's, not the fresh app's. And the test
  // plays a user at a terminal, not a CI job: a CI machine sets CI=true, and Yarn then
  // refuses to write the new app's lockfile (YN0028: enableImmutableInstalls is on by
  // default on CI). CI=false is how ci-info, which Yarn asks, is told otherwise.
  return childEnv({ CI: 'false', ...overrides }, ['YARN_']);
}

/** The last `lines` lines of the log, from byte `from` on (the output of one command). */
export function logTail(logFile: string, lines = 40, from = 0): string {
  try {
    return (
      readFileSync(logFile)
        .subarray(from)
        .toString('utf8')
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

/**
 * Yarn's codes for lines that report progress or warn about peers: a failed install prints
 * dozens of them before the line that says what failed, so they are left out of that summary.
 */
const YARN_ROUTINE = /YN00(00|02|07|08|13|19|60|85|86):|^\s*$|^\$ \(cd /;

/** The lines of a failed command's output that say what failed, first ones first. */
export function failureLines(output: string, max = 12): string[] {
  return output
    .split('\n')
    .filter(line => !YARN_ROUTINE.test(line))
    .filter(line => /YN\d{4}:|error|failed|ERR!|not found/i.test(line))
    .slice(0, max);
}

/** Runs `command args` in `cwd`; resolves when it exits 0, else rejects with what failed and its output's end. */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; logFile: string; env?: Record<string, string> },
): Promise<void> {
  // The error shows this command's own output: what ran before it is in the file.
  const start = logSize(options.logFile);
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
      const output = logTail(options.logFile, Infinity, start);
      const failed = failureLines(output);
      // What failed comes first: a long tail of warnings can bury it in a cut-down report.
      reject(
        new Error(
          `${command} ${args.join(' ')} (in ${options.cwd}) ended with ${
            signal ?? `exit code ${code}`
          }${
            failed.length
              ? `; what it said failed:\n${failed.join('\n')}\n`
              : ''
          }; the end of its output (the whole log in ${
            options.logFile
          }):\n${logTail(options.logFile, 40, start)}`,
        ),
      );
    });
  });
}

/**
 * What a package manager prints when the registry, not the command, failed: a dropped,
 * refused or timed-out connection, a lookup, a 5xx or 429 answer (Yarn 4 says "Response
 * Code: 503 (Service Unavailable)" under YN0035, npm "code E503"), and Yarn 4.13's crash in
 * its own HTTP retry path ("The `onCancel` handler was attached after the promise settled"),
 * which any retried request sets off on this machine.
 */
const REGISTRY_HICCUP = new RegExp(
  [
    'onCancel` handler was attached',
    'ECONNRESET|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|ENOTFOUND|EPIPE|ENETUNREACH|EHOSTUNREACH',
    'socket hang up|socket disconnected|Premature close|Timeout awaiting',
    'Request failed "5\\d\\d',
    'Response Code: (5\\d\\d|429)',
    'code E(5\\d\\d|429)',
    '\\b50[0-4] (Internal|Bad Gateway|Service Unavailable|Gateway Timeout)',
  ].join('|'),
);

/**
 * `run` for a command that downloads from the registry (`yarn install`, `yarn add`, `npx`):
 * when it fails on a registry hiccup, it runs again (what a user does; Yarn keeps what it
 * fetched), at most `attempts` times in all. Any other failure runs once more, in case the
 * registry failed in words not listed above: an error of the install itself fails the same
 * way twice, and that second failure is the one reported. Each retry is said in the log.
 */
export async function runFromRegistry(
  command: string,
  args: string[],
  options: Parameters<typeof run>[2] & { attempts?: number },
): Promise<void> {
  const attempts = options.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    const logged = logSize(options.logFile);
    try {
      await run(command, args, options);
      return;
    } catch (error) {
      const output = readFileSync(options.logFile)
        .subarray(logged)
        .toString('utf8');
      const hiccup = output.match(REGISTRY_HICCUP);
      const unknownRetried = !hiccup && attempt >= 2;
      if (unknownRetried || attempt >= attempts) throw error;
      appendFileSync(
        options.logFile,
        hiccup
          ? `\n(attempt ${attempt} of ${attempts} failed on a registry hiccup, "${hiccup[0]}": running it again)\n`
          : `\n(attempt ${attempt} failed, not on a known registry hiccup: running it once more to tell a flake from an error of the install)\n`,
      );
    }
  }
}

function logSize(logFile: string): number {
  try {
    return statSync(logFile).size;
  } catch {
    return 0;
  }
}
