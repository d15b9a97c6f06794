// The entry of a fleet worker thread: a thread does not inherit the main thread's tsx hook,
// so it registers its own before loading the TypeScript sources (see bin/connect-skeleton).
// Only used from the sources in the repository, where tsx is a dev dependency: the published
// package runs dist/fleetWorker.cjs.js instead (see fleetPool.ts).
// eslint-disable-next-line @backstage/no-undeclared-imports
require('tsx/cjs/api').register();
require('./fleetWorker.ts');
