import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { groupAlive, signalGroup, waitForGroupExit } from '../e2e/processGroup';

/**
 * A command run as its own process group under a watchdog: when the test process is gone
 * without a stop (an interrupted run), the watchdog stops the group and removes its folder,
 * so that no server outlives its test. $1: the test process, $2: the folder (or ''), then the command.
 */
const WATCHDOG = `
owner=$1; dir=$2; shift 2
"$@" &
child=$!
while kill -0 "$owner" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 1; done
if kill -0 "$child" 2>/dev/null; then
  trap '' TERM
  kill -TERM 0
  for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$child" 2>/dev/null || break; sleep 1; done
  [ -n "$dir" ] && rm -rf "$dir"
  kill -KILL 0
fi
wait "$child"
`;

export interface WatchedGroup {
  /** The process group's id (the watchdog's pid). */
  pgid: number;
  /** Why it ended (`exit code 1`, `signal SIGKILL`), or undefined while it runs. */
  exited(): string | undefined;
  /** The output so far, colours removed. */
  log(): string;
  /** Sends `signal` to every process of the group at once (SIGKILL: a machine that died). */
  signal(signal: NodeJS.Signals): void;
  /** `signal` (default SIGTERM), then SIGKILL after `graceMs`; resolves once none is left. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

export function startWatchedGroup(options: {
  command: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Removed by the watchdog if the test process dies first (none: nothing removed). */
  dir?: string;
  logFile: string;
}): WatchedGroup {
  const log = openSync(options.logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(
      'bash',
      [
        '-c',
        WATCHDOG,
        'watchdog',
        String(process.pid),
        options.dir ?? '',
        ...options.command,
      ],
      {
        cwd: options.cwd,
        detached: true,
        stdio: ['ignore', log, log],
        env: options.env,
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
  return {
    pgid,
    exited: () => exit,
    log: () => {
      try {
        return stripColours(readFileSync(options.logFile, 'utf8'));
      } catch {
        return '';
      }
    },
    signal: signal => signalGroup(pgid, signal),
    async stop(signal = 'SIGTERM', graceMs = 15_000) {
      if (!groupAlive(pgid)) return;
      signalGroup(pgid, signal);
      if (await waitForGroupExit(pgid, graceMs)) return;
      signalGroup(pgid, 'SIGKILL');
      if (!(await waitForGroupExit(pgid, 10_000))) {
        throw new Error(`Processes of group ${pgid} survived SIGKILL`);
      }
    },
  };
}

/** The text without the terminal's colour codes. */
function stripColours(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}
