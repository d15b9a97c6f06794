import { ChildProcess, spawn } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../scaffolder/templateFile';
import { freePorts } from './freePorts';
import { signalGroup, waitForGroupExit, WATCHDOG } from './processGroup';
import { childEnv } from './childEnv';
import { acquirePortalLock, PortalLock } from './portalLock';

/**
 * The real portal, as `backstage-cli repo start` runs it for a developer (the frontend dev
 * server and the backend), on free ports and with a GitOps repository in a temporary folder,
 * so that it neither clashes with a portal already running on 3000/7007 nor touches .gitops/.
 */

export interface Portal {
  /** The frontend, e.g. http://localhost:41234 (no trailing slash). */
  appUrl: string;
  /** The backend, e.g. http://localhost:41235 (no trailing slash). */
  backendUrl: string;
  /** Absolute path of the bare GitOps repository (the backend creates it at start). */
  repository: string;
  /** A temporary folder removed by stop(), for clones and the like. */
  workDir: string;
  /**
   * GET on the backend as the guest user, e.g. api('/api/catalog/entities/by-name/...').
   * A 401 fetches a new guest token once (a restarted backend has new signing keys).
   */
  api<T = unknown>(path: string): Promise<{ status: number; body: T }>;
  /**
   * The last lines of the portal's combined output, without colours and without the
   * backend's one-line-per-request access log.
   */
  logTail(lines?: number): string;
  /** Copies the whole output into the OS temp folder (it outlives stop()); returns the path. */
  keepLog(): string;
  /**
   * The log lines so far that show the portal reloading: the CLI restarts the backend when a
   * file it loaded changes, and the dev server rebuilds (and reloads the page) when a frontend
   * file does; both happen when someone edits the workspace during a run.
   */
  reloads(): string[];
  /** Waits (bounded) until both servers answer again, e.g. after a reload. */
  ready(timeoutMs?: number): Promise<void>;
  /** Stops every process of the portal and removes its temporary folder. */
  stop(): Promise<void>;
}

export interface StartPortalOptions {
  /** How long both servers may take to answer; the frontend compiles in about 40 s. */
  timeoutMs?: number;
  /** How long to wait for another portal of this work tree to stop (portalLock.ts). */
  lockWaitMs?: number;
}

/** What a browser test's beforeAll gives startPortal: the other portals' turns and its own start. */
export const PORTAL_START_HOOK_MS = 30 * 60_000;

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

async function answers(
  url: string,
  accept: (status: number, body: string) => boolean,
): Promise<string | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    const body = await response.text();
    return accept(response.status, body)
      ? undefined
      : `HTTP ${response.status}: ${body.slice(0, 200)}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return `${error}${cause ? ` (${cause})` : ''}`;
  }
}

export async function startPortal(
  options: StartPortalOptions = {},
): Promise<Portal> {
  const timeoutMs = options.timeoutMs ?? 4 * 60_000;
  const lock = await acquirePortalLock(options.lockWaitMs ?? 25 * 60_000);
  try {
    return await startLockedPortal(timeoutMs, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function startLockedPortal(
  timeoutMs: number,
  lock: PortalLock,
): Promise<Portal> {
  const [appPort, backendPort] = await freePorts(2);
  const appUrl = `http://localhost:${appPort}`;
  const backendUrl = `http://localhost:${backendPort}`;
  const dir = mkdtempSync(join(tmpdir(), 'kafka-connect-e2e-'));
  // The portal's own temporary files (scaffolder workspaces, git homes) go here too, so
  // that removing the folder leaves nothing behind.
  const portalTmp = join(dir, 'tmp');
  const workDir = join(dir, 'work');
  mkdirSync(portalTmp);
  mkdirSync(workDir);
  const repository = join(dir, 'gitops.git');
  const logFile = join(dir, 'portal.log');

  const readLog = () => {
    try {
      // eslint-disable-next-line no-control-regex
      return readFileSync(logFile, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
    } catch {
      return '';
    }
  };
  const logTail = (lines = 40) =>
    readLog()
      .split('\n')
      .filter(line => !line.includes('type="incomingRequest"'))
      .slice(-lines)
      .join('\n') || '(the portal wrote nothing)';
  const keepLog = () => {
    const kept = join(
      tmpdir(),
      `kafka-connect-e2e-${Date.now()}-${process.pid}-portal.log`,
    );
    writeFileSync(kept, readLog());
    return kept;
  };
  const reloads = () =>
    readLog()
      .split('\n')
      .filter(line =>
        /Change detected, restarting|Rspack compiled|webpack compiled/.test(
          line,
        ),
      );
  const failure = (message: string) =>
    `${message}\nPortal log (last lines; all of it in ${keepLog()}):\n${logTail()}`;

  const log = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(
      'bash',
      [
        '-c',
        WATCHDOG,
        'portal',
        join(REPO_ROOT, 'scripts/run.sh'),
        String(process.pid),
        dir,
      ],
      {
        cwd: REPO_ROOT,
        // Its own process group, so that stop() reaches the backend and every helper.
        detached: true,
        stdio: ['ignore', log, log],
        env: childEnv({
          APP_CONFIG_app_baseUrl: appUrl,
          APP_CONFIG_app_listen_port: String(appPort),
          APP_CONFIG_backend_baseUrl: backendUrl,
          APP_CONFIG_backend_listen_port: String(backendPort),
          APP_CONFIG_backend_cors_origin: appUrl,
          APP_CONFIG_kafkaConnect_gitops_repository: repository,
          // The dev server would otherwise open the app in the machine's browser.
          BROWSER: 'none',
          TMPDIR: portalTmp,
        }),
      },
    );
  } finally {
    closeSync(log);
  }
  const pgid = child.pid;
  if (pgid === undefined) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error('Could not start the portal (no process id)');
  }
  let exit: string | undefined;
  child.once('exit', (code, signal) => {
    exit = signal ? `signal ${signal}` : `exit code ${code}`;
  });

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      try {
        signalGroup(pgid, 'SIGTERM');
        if (!(await waitForGroupExit(pgid, 15_000))) {
          signalGroup(pgid, 'SIGKILL');
          if (!(await waitForGroupExit(pgid, 10_000))) {
            throw new Error(
              `Processes of the portal's group ${pgid} survived SIGKILL`,
            );
          }
        }
        rmSync(dir, { recursive: true, force: true });
      } finally {
        // Even when stopping failed: the next test's portal must not wait for this one.
        lock.release();
      }
    })();
    return stopped;
  };

  let token: string | undefined;
  const guestToken = async () => {
    const response = await fetch(`${backendUrl}/api/auth/guest/refresh`, {
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) {
      throw new Error(
        `Guest sign-in failed: HTTP ${
          response.status
        } ${await response.text()}`,
      );
    }
    const session = (await response.json()) as {
      backstageIdentity: { token: string };
    };
    return session.backstageIdentity.token;
  };
  const api = async <T>(path: string) => {
    for (let attempt = 0; ; attempt++) {
      token ??= await guestToken();
      const response = await fetch(`${backendUrl}${path}`, {
        headers: { Authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(30_000),
      });
      if (response.status === 401 && attempt === 0) {
        await response.text();
        token = undefined;
        continue;
      }
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON: the text is the body.
      }
      return { status: response.status, body: body as T };
    }
  };

  const waitFor = async (
    what: string,
    url: string,
    accept: (status: number, body: string) => boolean,
    deadline: number,
    waitedMs: number,
  ) => {
    let problem: string | undefined = 'not asked yet';
    while (Date.now() < deadline) {
      if (exit) {
        throw new Error(
          failure(
            `The portal stopped (${exit}) before the ${what} answered at ${url}.`,
          ),
        );
      }
      problem = await answers(url, accept);
      if (!problem) return;
      await sleep(1000);
    }
    throw new Error(
      failure(
        `The ${what} did not answer at ${url} within ${Math.round(
          waitedMs / 1000,
        )} s (last answer: ${problem}).`,
      ),
    );
  };
  const ready = async (readyTimeoutMs: number = timeoutMs) => {
    const deadline = Date.now() + readyTimeoutMs;
    await waitFor(
      'backend',
      `${backendUrl}/.backstage/health/v1/readiness`,
      status => status === 200,
      deadline,
      readyTimeoutMs,
    );
    // The dev server holds requests until the bundle has compiled, then serves the page.
    await waitFor(
      'frontend',
      appUrl,
      (status, body) => status === 200 && body.includes('<div id="root"'),
      deadline,
      readyTimeoutMs,
    );
  };

  const portal: Portal = {
    appUrl,
    backendUrl,
    repository,
    workDir,
    api,
    logTail,
    keepLog,
    reloads,
    ready,
    stop,
  };

  try {
    await ready();
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  return portal;
}
