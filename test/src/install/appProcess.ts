import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { signalGroup, waitForGroupExit } from '../e2e/processGroup';
import { userEnv } from './commands';

/**
 * A long-running command of the fresh app (its backend, its frontend's dev server), run in
 * the app's folder as a platform engineer runs it, in a process group of its own so that
 * stop() reaches every process it starts.
 */

export interface AppProcess {
  /** How the command ended (`exit code 1`, `signal SIGKILL`), or undefined while it runs. */
  exit(): string | undefined;
  /** Stops the whole group: SIGTERM, then SIGKILL for what is left. */
  stop(): Promise<void>;
}

/**
 * Runs the command until `$2` (the test process) is gone or the command ends; when the test
 * process dies without stop() (an interrupted run), it stops the whole group itself, so that
 * nothing outlives its test. $1: the app's folder, $2: the test process, then the command.
 */
const WATCHDOG = `
dir=$1
test=$2
shift 2
cd "$dir" && "$@" &
command=$!
while kill -0 "$test" 2>/dev/null && kill -0 "$command" 2>/dev/null; do sleep 1; done
if kill -0 "$command" 2>/dev/null; then
  trap '' TERM
  kill -TERM 0
  sleep 10
  kill -KILL 0
fi
wait "$command"
`;

export function startAppProcess(options: {
  appDir: string;
  command: string[];
  /** Its output, appended. */
  logFile: string;
  /** Added to the platform engineer's environment (userEnv). */
  env: Record<string, string>;
}): AppProcess {
  const log = openSync(options.logFile, 'a');
  let child;
  try {
    child = spawn(
      'bash',
      [
        '-c',
        WATCHDOG,
        'app-process',
        options.appDir,
        String(process.pid),
        ...options.command,
      ],
      {
        detached: true,
        stdio: ['ignore', log, log],
        env: userEnv(options.env),
      },
    );
  } finally {
    closeSync(log);
  }
  const pgid = child.pid;
  if (pgid === undefined) {
    throw new Error(`Could not start ${options.command.join(' ')}`);
  }
  let exit: string | undefined;
  child.once('exit', (code, signal) => {
    exit = signal ? `signal ${signal}` : `exit code ${code}`;
  });

  let stopped: Promise<void> | undefined;
  return {
    exit: () => exit,
    stop() {
      stopped ??= (async () => {
        signalGroup(pgid, 'SIGTERM');
        if (!(await waitForGroupExit(pgid, 15_000))) {
          signalGroup(pgid, 'SIGKILL');
          await waitForGroupExit(pgid, 10_000);
        }
      })();
      return stopped;
    },
  };
}
