import { eventually } from '../e2e/eventually';
import { freePorts } from '../e2e/freePorts';
import { startAppProcess } from './appProcess';
import { logTail } from './commands';

/**
 * The fresh app's backend, started as its README starts it (`yarn workspace backend start`),
 * on a free port, in a process group of its own (appProcess.ts).
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

export async function startAppBackend(options: {
  appDir: string;
  logFile: string;
  /**
   * The frontend that calls it (app.baseUrl, and the origin CORS lets through), when the
   * test starts the app's dev server too; create-app's http://localhost:3000 otherwise.
   */
  appUrl?: string;
  /** How long the backend may take to answer (about 10 s here; a loaded CI machine is slower). */
  timeoutMs?: number;
}): Promise<AppBackend> {
  const [port] = await freePorts(1);
  const url = `http://localhost:${port}`;
  const frontend: Record<string, string> = options.appUrl
    ? {
        APP_CONFIG_app_baseUrl: options.appUrl,
        APP_CONFIG_backend_cors_origin: options.appUrl,
      }
    : {};
  const child = startAppProcess({
    appDir: options.appDir,
    command: ['yarn', 'workspace', 'backend', 'start'],
    logFile: options.logFile,
    env: {
      APP_CONFIG_backend_baseUrl: url,
      APP_CONFIG_backend_listen_port: String(port),
      ...frontend,
    },
  });
  const stop = child.stop;

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
        const exit = child.exit();
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
