import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { eventually } from '../e2e/eventually';
import { freePorts } from '../e2e/freePorts';
import { signalGroup, waitForGroupExit } from '../e2e/processGroup';
import { logTail, userEnv } from './commands';

/**
 * The fresh app's backend, started as its README starts it (`yarn workspace backend start`),
 * on a free port, in a process group of its own so that stop() reaches every process.
 */

export interface AppBackend {
  /** e.g. http://localhost:41234 (no trailing slash) */
  url: string;
  /** A call to the backend's API as the app's guest user (a token from the guest provider). */
  api<T = any>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

/**
 * Runs the backend until `$2` (the test process) is gone or the backend ends; when the test
 * process dies without stop() (an interrupted run), it stops the whole group itself, so that
 * no backend outlives its test. $1: the app's folder, $2: the test process.
 */
const WATCHDOG = `
cd "$1" && yarn workspace backend start &
backend=$!
while kill -0 "$2" 2>/dev/null && kill -0 "$backend" 2>/dev/null; do sleep 1; done
if kill -0 "$backend" 2>/dev/null; then
  trap '' TERM
  kill -TERM 0
  sleep 10
  kill -KILL 0
fi
wait "$backend"
`;

export async function startAppBackend(options: {
  appDir: string;
  logFile: string;
  /** How long the backend may take to answer (about 10 s here; a loaded CI machine is slower). */
  timeoutMs?: number;
}): Promise<AppBackend> {
  const [port] = await freePorts(1);
  const url = `http://localhost:${port}`;
  const log = openSync(options.logFile, 'a');
  let child;
  try {
    child = spawn(
      'bash',
      ['-c', WATCHDOG, 'backend', options.appDir, String(process.pid)],
      {
        detached: true,
        stdio: ['ignore', log, log],
        env: userEnv({
          APP_CONFIG_backend_baseUrl: url,
          APP_CONFIG_backend_listen_port: String(port),
        }),
      },
    );
  } finally {
    closeSync(log);
  }
  const pgid = child.pid;
  if (pgid === undefined) throw new Error('Could not start the backend');
  let exit: string | undefined;
  child.once('exit', (code, signal) => {
    exit = signal ? `signal ${signal}` : `exit code ${code}`;
  });

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      signalGroup(pgid, 'SIGTERM');
      if (!(await waitForGroupExit(pgid, 15_000))) {
        signalGroup(pgid, 'SIGKILL');
        await waitForGroupExit(pgid, 10_000);
      }
    })();
    return stopped;
  };

  let token: string | undefined;
  const guestToken = async (): Promise<string> => {
    const response = await fetch(`${url}/api/auth/guest/refresh`);
    if (response.status !== 200) {
      throw new Error(
        `GET /api/auth/guest/refresh: HTTP ${
          response.status
        } ${await response.text()}`,
      );
    }
    return (await response.json()).backstageIdentity.token;
  };

  try {
    token = await eventually(
      'the backend gives a guest token',
      options.timeoutMs ?? 3 * 60_000,
      async () => {
        if (exit) {
          throw new Error(`the backend ended (${exit})`);
        }
        return guestToken();
      },
    );
  } catch (error) {
    await stop();
    throw new Error(
      `${error}\nThe backend's log (last lines; all of it in ${
        options.logFile
      }):\n${logTail(options.logFile)}`,
    );
  }

  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: any = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: the text as it came.
    }
    return { status: response.status, body: parsed };
  };

  return {
    url,
    api,
    logTail: (lines = 40) => logTail(options.logFile, lines),
    stop,
  };
}
