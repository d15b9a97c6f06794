import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { REPO_ROOT } from '../scaffolder/templateFile';
import { startWatchedGroup, WatchedGroup } from './watchedGroup';
import { childEnv } from '../e2e/childEnv';

/**
 * One replica of the demo backend (packages/backend) as `npm run start:backend` runs it
 * (`backstage-cli package start`), in its own process group, on its own port, with the
 * config files given (absolute paths, later ones win) and the environment they read.
 * It can be killed (SIGKILL to the whole group, as when its machine dies) and started again.
 */
export interface BackendReplica {
  name: string;
  /** e.g. http://localhost:41235 */
  url: string;
  /** Starts the process and waits until the backend and its catalog are ready. */
  start(): Promise<void>;
  /** SIGKILL to every process of the replica at once: no shutdown, no last write. */
  kill(): Promise<void>;
  /** A graceful stop (SIGTERM, then SIGKILL). */
  stop(): Promise<void>;
  running(): boolean;
  /** The replica's output since its last start, colours removed. */
  log(): string;
  /** A Backstage token of the demo's guest user, signed in through this replica. */
  guestToken(): Promise<string>;
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

async function fetchText(url: string, init: RequestInit = {}) {
  const response = await fetch(url, {
    ...init,
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, text: await response.text() };
}

export function backendReplica(options: {
  name: string;
  port: number;
  /** Config files read before the replica's own overlay (absolute paths). */
  configFiles: string[];
  /** Config overlays written after them in this order (Backstage merges them deeply); the
   * replica's port and base URL come last. */
  overlays: object[];
  env: Record<string, string>;
  /** How long a start may take (a cold start compiles the backend: about 10 s idle). */
  startTimeoutMs?: number;
  /**
   * The catalog entities the replica's guest user must be served before the replica counts
   * as started (default: the Kafka Connect template and user/default/guest).
   */
  readyEntities?: string[];
}): BackendReplica {
  const url = `http://localhost:${options.port}`;
  let group: WatchedGroup | undefined;
  let dir: string | undefined;

  const guestToken = async () => {
    const { status, text } = await fetchText(`${url}/api/auth/guest/refresh`);
    if (status !== 200)
      throw new Error(
        `Guest sign-in on ${options.name}: HTTP ${status} ${text}`,
      );
    return (JSON.parse(text) as { backstageIdentity: { token: string } })
      .backstageIdentity.token;
  };

  const log = () => group?.log() ?? '';
  const failure = (message: string) =>
    new Error(
      `${message}\n${options.name}'s log (last lines):\n${log()
        .split('\n')
        .filter(line => !line.includes('type="incomingRequest"'))
        .slice(-40)
        .map(line => (line.length > 600 ? `${line.slice(0, 600)}…` : line))
        .join('\n')}`,
    );

  const waitReady = async () => {
    const deadline = Date.now() + (options.startTimeoutMs ?? 5 * 60_000);
    let last = 'no answer yet';
    // Ready means: the backend answers, and its catalog serves the template and the guest
    // user (whose groups the template's ownership rule reads).
    const ready = async () => {
      const health = await fetchText(`${url}/.backstage/health/v1/readiness`);
      if (health.status !== 200) return `readiness: HTTP ${health.status}`;
      const token = await guestToken();
      for (const entity of options.readyEntities ?? [
        'template/default/kafka-connect-cluster',
        'user/default/guest',
      ]) {
        const found = await fetchText(
          `${url}/api/catalog/entities/by-name/${entity}`,
          { headers: { authorization: `Bearer ${token}` } },
        );
        if (found.status !== 200) return `${entity}: HTTP ${found.status}`;
      }
      return undefined;
    };
    for (;;) {
      if (group?.exited())
        throw failure(
          `${options.name} stopped (${group.exited()}) while starting`,
        );
      // The CLI's watcher keeps running after the backend gave up: no point in waiting.
      if (log().includes('Backend startup failed'))
        throw failure(`${options.name} failed to start`);
      try {
        const problem = await ready();
        if (!problem) return;
        last = problem;
      } catch (error) {
        last = String((error as { cause?: unknown }).cause ?? error);
      }
      if (Date.now() > deadline)
        throw failure(
          `${options.name} was not ready at ${url} (last: ${last})`,
        );
      await sleep(1000);
    }
  };

  const cleanUp = () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  };

  return {
    name: options.name,
    url,
    async start() {
      if (group && !group.exited())
        throw new Error(`${options.name} runs already`);
      cleanUp();
      dir = mkdtempSync(join(tmpdir(), `kafka-connect-${options.name}-`));
      // The replica's own temporary files (scaffolder workspaces, git homes) go here, as on
      // a machine of its own: what another replica needs must come from the database.
      const ownTmp = join(dir, 'tmp');
      mkdirSync(ownTmp);
      const overlays = [
        ...options.overlays,
        { backend: { baseUrl: url, listen: { port: options.port } } },
      ].map((overlay, i) => {
        const file = join(dir!, `app-config.overlay-${i}.yaml`);
        writeFileSync(file, stringify(overlay));
        return file;
      });
      const configArgs = [...options.configFiles, ...overlays].flatMap(file => [
        '--config',
        file,
      ]);
      group = startWatchedGroup({
        command: [
          'bash',
          join(REPO_ROOT, 'scripts/run.sh'),
          'yarn',
          'workspace',
          'backend',
          'start',
          ...configArgs,
        ],
        cwd: REPO_ROOT,
        env: childEnv({ ...options.env, TMPDIR: ownTmp }),
        dir,
        logFile: join(dir, 'backend.log'),
      });
      try {
        await waitReady();
      } catch (error) {
        await group.stop('SIGKILL').catch(() => undefined);
        throw error;
      }
    },
    async kill() {
      if (!group) return;
      await group.stop('SIGKILL');
    },
    async stop() {
      if (group) await group.stop('SIGTERM', 20_000);
      cleanUp();
    },
    running: () => !!group && !group.exited(),
    log,
    guestToken,
  };
}
