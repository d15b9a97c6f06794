/*
 * Runs in its own process (started by backendMemory.ts with --expose-gc and the config on
 * --config): a Backstage backend with the demo portal's plugins, with or without the Kafka
 * Connect module. Once it serves requests and has settled, it sends its resident memory
 * after a full garbage collection to the parent, and stops.
 */
import { createBackend } from '@backstage/backend-defaults';

const SETTLE_MS = 3000;

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

async function main() {
  const withModule = process.argv.includes('--with-module');
  const port = Number(process.env.BENCH_BACKEND_PORT);
  const backend = createBackend();
  // The demo backend's plugins (packages/backend), less the app bundle and the demo's
  // local GitOps modules: the same in both runs.
  backend.add(import('@backstage/plugin-scaffolder-backend'));
  backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
  backend.add(import('@backstage/plugin-scaffolder-backend-module-gitlab'));
  if (withModule) {
    backend.add(
      import(
        '@connect-skeleton/plugin-scaffolder-backend-module-kafka-connect'
      ),
    );
  }
  backend.add(import('@backstage/plugin-auth-backend'));
  backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
  backend.add(import('@backstage/plugin-catalog-backend'));
  backend.add(
    import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
  );
  backend.add(import('@backstage/plugin-permission-backend'));
  backend.add(
    import('@backstage/plugin-permission-backend-module-allow-all-policy'),
  );
  backend.add(import('@backstage/plugin-user-settings-backend'));
  await backend.start();

  const ready = await fetch(
    `http://localhost:${port}/.backstage/health/v1/readiness`,
  );
  if (!ready.ok) throw new Error(`backend not ready: HTTP ${ready.status}`);
  // Let start-up work (catalog ingestion of the template) finish before measuring.
  await sleep(SETTLE_MS);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  gc();
  await sleep(200);
  gc();
  const { rss: rssBytes, heapUsed: heapUsedBytes } = process.memoryUsage();
  await new Promise<void>(resolve =>
    process.send!({ rssBytes, heapUsedBytes }, () => resolve()),
  );
  await backend.stop();
  process.exit(0);
}

main().catch(error => {
  process.stderr.write(`backend child failed: ${error?.stack ?? error}\n`);
  process.exit(1);
});
