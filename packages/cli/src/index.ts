/**
 * connect-skeleton: render, print or validate a Kafka Connect cluster skeleton from a values file.
 *
 * @packageDocumentation
 */
import os from 'node:os';
import { ExitCode } from './errors';
import { run } from './run';

export { run } from './run';
export type { Io } from './io';
export { ExitCode } from './errors';

/** The folder relative paths mean: the caller's, also when npm/yarn moved us to the repo root. */
function callerCwd(): string {
  const env = process.env;
  const viaScript = env.npm_lifecycle_event === 'connect-skeleton';
  return (viaScript && env.INIT_CWD) || process.cwd();
}

/**
 * Threads for the fleet commands: one per core the process may use, or
 * CONNECT_SKELETON_THREADS (a positive whole number; 1 keeps all the work in this thread).
 */
function fleetThreads(): number {
  const wanted = Number(process.env.CONNECT_SKELETON_THREADS);
  return Number.isInteger(wanted) && wanted > 0
    ? wanted
    : os.availableParallelism();
}

/** Entry point for bin/connect-skeleton: sets process.exitCode and lets output drain. */
export function main(processArgv: readonly string[]): void {
  // `manifests | head` closes the pipe early: stop quietly. Other write errors: one line, exit 3.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') {
      process.stderr.write(
        `connect-skeleton: internal error: ${error.message}\n`,
      );
      process.exitCode = ExitCode.internal;
    }
  });
  run(processArgv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: callerCwd(),
    threads: fleetThreads(),
  }).then(code => {
    process.exitCode = code;
  });
}
