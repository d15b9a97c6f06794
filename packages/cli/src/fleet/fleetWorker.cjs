// The entry of a fleet worker thread: a thread does not inherit the main thread's tsx hook,
// so it registers its own before loading the TypeScript sources (see bin/connect-skeleton).
require('tsx/cjs/api').register();
require('./fleetWorker.ts');
