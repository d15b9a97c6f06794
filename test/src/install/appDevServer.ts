import { startAppProcess } from './appProcess';
import { logTail } from './commands';

/**
 * The fresh app's frontend as a platform engineer first sees it: the app package's own
 * start script (`yarn workspace app start`, backstage-cli's dev server, what create-app's
 * `yarn start` runs beside the backend), on the port the test chose, calling the backend
 * the test started.
 */

export interface AppDevServer {
  /** e.g. http://localhost:41234 (no trailing slash) */
  url: string;
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** Why `url` does not serve the app's page yet, or undefined when it does. */
async function notServing(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    const body = await response.text();
    return response.status === 200 && body.includes('<div id="root"')
      ? undefined
      : `HTTP ${response.status}: ${body.slice(0, 200)}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return `${error}${cause ? ` (${cause})` : ''}`;
  }
}

/**
 * Starts the dev server and waits until it serves the app's page: it holds requests until
 * the first bundle has compiled, so the page answering means the app is built.
 */
export async function startAppDevServer(options: {
  appDir: string;
  logFile: string;
  /** app.baseUrl: the backend must have been started with it (its CORS origin). */
  url: string;
  /** backend.baseUrl, as the frontend calls it. */
  backendUrl: string;
  timeoutMs: number;
}): Promise<AppDevServer> {
  const { port } = new URL(options.url);
  const server = startAppProcess({
    appDir: options.appDir,
    command: ['yarn', 'workspace', 'app', 'start'],
    logFile: options.logFile,
    env: {
      APP_CONFIG_app_baseUrl: options.url,
      APP_CONFIG_app_listen_port: port,
      APP_CONFIG_backend_baseUrl: options.backendUrl,
      // The dev server would otherwise open the app in the machine's browser.
      BROWSER: 'none',
    },
  });
  const deadline = Date.now() + options.timeoutMs;
  let problem: string | undefined = 'not asked yet';
  for (;;) {
    const exit = server.exit();
    if (exit) problem = `the dev server ended (${exit})`;
    else problem = await notServing(options.url);
    if (!problem) break;
    if (exit || Date.now() > deadline) {
      await server.stop();
      throw new Error(
        `The fresh app's frontend did not serve ${options.url} within ${
          options.timeoutMs / 1000
        } s (last: ${problem}).\nThe dev server's log (last lines; all of it in ${
          options.logFile
        }):\n${logTail(options.logFile)}`,
      );
    }
    await sleep(1000);
  }
  return {
    url: options.url,
    logTail: (lines = 40) => logTail(options.logFile, lines),
    stop: server.stop,
  };
}
