import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { freePorts } from '../e2e/freePorts';
import { BareRepo } from '../scaffolder/bareRepo';
import { REPO_ROOT } from '../scaffolder/templateFile';
import { BackendReplica, backendReplica } from './backendReplica';
import { PostgresServer, startPostgres } from './postgresServer';
import { startTcpProxy, TcpProxy } from './tcpProxy';

/**
 * The production profile for real: a PostgreSQL server, a TCP proxy in front of it (so that
 * a test can cut the connection), a bare GitOps repository, and two replicas of the demo
 * backend reading app-config.yaml, app-config.production.yaml and an overlay that points
 * them at those, with task recovery on and short timeouts.
 *
 * Other checks run on it too: `extraConfig` is one more config file for each replica (e.g.
 * `{ kafkaConnect: { policy: ... } }`), `perReplica` what differs between them (governance.test.ts
 * signs a different user in on each); `replica.guestToken()` signs in, `ReplicaTasks`
 * (replicaTasks.ts) creates tasks and reads their events, `replica.log()` is its output (audit
 * events: auditLog.ts).
 */

export interface ProductionReplicas {
  postgres: PostgresServer;
  /** Between the replicas and PostgreSQL (unless `directDatabase`): `cut()` and `restore()`. */
  proxy: TcpProxy;
  /** The GitOps repository both replicas push to. */
  repo: BareRepo;
  replicas: [BackendReplica, BackendReplica];
  /** Stops both replicas, the proxy and PostgreSQL, and removes every folder. */
  stop(): Promise<void>;
}

/**
 * Seconds without a heartbeat after which another replica takes a task over. Well above the
 * cut test's outage (about 3 s, plus a loaded machine's delays): Backstage's recovery does
 * not stop the first run, so an outage longer than this starts a task over while its first
 * run goes on, in the same workspace folder, and one of the two fails (seen at 5 s under CI load).
 */
export const STALE_AFTER_SECONDS = 20;

export interface ProductionReplicaOptions {
  /** One more config file for each replica, after the test overlay (merged deeply). */
  extraConfig?: Record<string, unknown>;
  extraEnv?: Record<string, string>;
  /** How many replicas start right away (default both; 1 for a single-replica bench). */
  start?: 1 | 2;
  /**
   * Connect the replicas to PostgreSQL directly rather than through the proxy (whose copying
   * runs in the calling process): for figures, where nothing cuts the connection.
   */
  directDatabase?: boolean;
  /** The files of the GitOps repository's first commit on main (default: a README). */
  repositoryFiles?: Record<string, string>;
  /**
   * What differs between the two replicas (index 0: the first one), on top of `extraConfig`.
   * Real replicas run the same config; the tests use it only where a real deployment's
   * difference is outside Backstage, such as who signs in through which browser.
   */
  perReplica?: [PerReplicaOptions?, PerReplicaOptions?];
}

export interface PerReplicaOptions {
  /** One more config file for this replica, after `extraConfig`. */
  config?: Record<string, unknown>;
  /** The entities its guest user must be served before it counts as started. */
  readyEntities?: string[];
}

/** The environment app-config.production.yaml reads, for a test on this machine. */
function productionEnv(
  postgres: PostgresServer,
  proxyPort: number,
  repo: BareRepo,
): Record<string, string> {
  // A real key, so that the GitHub App integration reads as it would in production
  // (nothing here calls GitHub).
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    APP_BASE_URL: 'http://localhost:3000',
    BACKEND_BASE_URL: 'http://localhost:7007',
    POSTGRES_HOST: '127.0.0.1',
    POSTGRES_PORT: String(proxyPort),
    POSTGRES_USER: postgres.user,
    POSTGRES_PASSWORD: postgres.password,
    AUTH_SESSION_SECRET: 'the-same-on-every-replica',
    KAFKA_CONNECT_GITOPS_REPOSITORY: repo.path,
    GITHUB_APP_ID: '1',
    GITHUB_APP_CLIENT_ID: 'Iv1.test',
    GITHUB_APP_CLIENT_SECRET: 'test-secret',
    GITHUB_APP_PRIVATE_KEY: privateKey
      .export({ type: 'pkcs8', format: 'pem' })
      .toString(),
    GITLAB_TOKEN: 'glpat-test',
  };
}

export async function startProductionReplicas(
  options: ProductionReplicaOptions = {},
): Promise<ProductionReplicas> {
  const stops: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    const errors: unknown[] = [];
    for (const step of stops.reverse()) {
      try {
        await step();
      } catch (error) {
        errors.push(error);
      }
    }
    stops.length = 0;
    if (errors.length) throw errors[0];
  };
  try {
    const postgres = await startPostgres();
    stops.push(() => postgres.stop());
    const proxy = await startTcpProxy(postgres.host, postgres.port);
    stops.push(() => proxy.close());
    const repo = BareRepo.create(options.repositoryFiles);
    stops.push(() => repo.remove());

    const env = {
      ...productionEnv(
        postgres,
        options.directDatabase ? postgres.port : proxy.port,
        repo,
      ),
      ...options.extraEnv,
    };
    const configFiles = [
      join(REPO_ROOT, 'app-config.yaml'),
      join(REPO_ROOT, 'app-config.production.yaml'),
      // Both forges: the profile as a team on GitHub and GitLab runs it.
      join(REPO_ROOT, 'app-config.production.github.yaml'),
      join(REPO_ROOT, 'app-config.production.gitlab.yaml'),
    ];
    const config = {
      scaffolder: {
        taskRecovery: { staleTimeout: { seconds: STALE_AFTER_SECONDS } },
      },
      auth: {
        providers: {
          // The demo's guest sign-in, also outside development: the tests' users.
          guest: { dangerouslyAllowOutsideDevelopment: true },
        },
      },
    };
    const ports = await freePorts(2);
    const replicas = ports.map((port, i) => {
      const own = options.perReplica?.[i];
      return backendReplica({
        name: `replica-${i + 1}`,
        port,
        configFiles,
        overlays: [
          config,
          ...(options.extraConfig ? [options.extraConfig] : []),
          ...(own?.config ? [own.config] : []),
        ],
        env,
        readyEntities: own?.readyEntities,
      });
    }) as [BackendReplica, BackendReplica];
    stops.push(async () => {
      await Promise.all(replicas.map(r => r.stop()));
    });
    // One after the other on a fresh database: the first makes the plugins' databases and
    // runs their migrations; the second finds them.
    await replicas[0].start();
    if ((options.start ?? 2) === 2) await replicas[1].start();
    return { postgres, proxy, repo, replicas, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
