import { startWatchedGroup } from '../production/watchedGroup';
import { userEnv } from './commands';

/**
 * A long-running command of the fresh app (its backend, its frontend's dev server), run in
 * the app's folder as a platform engineer runs it, in a process group of its own under the
 * watchdog of startWatchedGroup, so that stop() reaches every process it starts and an
 * interrupted run leaves none behind.
 */

export interface AppProcess {
  /** How the command ended (`exit code 1`, `signal SIGKILL`), or undefined while it runs. */
  exit(): string | undefined;
  /** Stops the whole group: SIGTERM, then SIGKILL for what is left. */
  stop(): Promise<void>;
}

export function startAppProcess(options: {
  appDir: string;
  command: string[];
  /** Its output, appended. */
  logFile: string;
  /** Added to the platform engineer's environment (userEnv). */
  env: Record<string, string>;
}): AppProcess {
  const group = startWatchedGroup({
    command: options.command,
    cwd: options.appDir,
    env: userEnv(options.env),
    logFile: options.logFile,
  });
  let stopped: Promise<void> | undefined;
  return {
    exit: () => group.exited(),
    stop: () => (stopped ??= group.stop()),
  };
}
