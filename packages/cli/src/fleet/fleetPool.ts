import { Worker } from 'node:worker_threads';
import { ClusterFolder } from '../clusterFolders';
import { UsageError } from '../errors';
import { FleetJob, folderOutcome, FolderOutcome } from './folderWork';
import { FromWorker, SentError, ToWorker, WorkerSetup } from './messages';

/**
 * A worker costs a thread and its own load of the renderer (a third of a second of CPU, and
 * its JIT starts cold): worth it only with at least this many folders for each thread.
 */
export const FOLDERS_PER_THREAD = 16;

/** The threads, this one included, that `threads` wanted come to for `count` folders. */
export function threadsFor(count: number, threads: number): number {
  return Math.max(1, Math.min(threads, Math.floor(count / FOLDERS_PER_THREAD)));
}

/** An error thrown in a worker, as this thread throws it: bad usage stays bad usage. */
function received(error: SentError): Error {
  return error.usage ? new UsageError(error.message) : new Error(error.message);
}

interface Failure {
  index: number;
  error: unknown;
}

/** The failure of the lower folder index: the one a single thread would have met first. */
function first(a: Failure | undefined, b: Failure): Failure {
  return a && a.index <= b.index ? a : b;
}

// From the sources (tsx) a thread needs its own tsx hook, which fleetWorker.cjs registers. The
// built package runs the compiled worker: the entry point `./fleetWorker` of package.json,
// which the build writes to dist/fleetWorker.cjs.js (this file is dist/fleet/fleetPool.cjs.js).
const WORKER_ENTRY = __filename.endsWith('.ts')
  ? require.resolve('./fleetWorker.cjs')
  : require.resolve('../fleetWorker.cjs.js');
/** Batches sent ahead to each worker, so that it never waits for this thread to answer. */
const AHEAD = 2;

/**
 * Works out every folder's outcome, in this thread and in `threads - 1` workers, and calls
 * `onOutcome` for each in folder order as soon as those before it are known, whichever
 * thread finished first. When a folder's work throws, the outcomes before it are delivered
 * and the error of the first such folder in folder order is thrown, as one thread would.
 * This thread takes batches too, between the moments it hands the workers theirs.
 */
export async function forEachFolder(
  job: FleetJob,
  folders: readonly ClusterFolder[],
  threads: number,
  onOutcome: (outcome: FolderOutcome) => void,
): Promise<void> {
  const total = folders.length;
  const count = threadsFor(total, threads);
  const setup: WorkerSetup = { job };
  const workers = Array.from(
    { length: count - 1 },
    () => new Worker(WORKER_ENTRY, { workerData: setup }),
  );
  // Small enough to share the work evenly, large enough that a message is cheap.
  const batch = Math.max(1, Math.min(16, Math.ceil(total / (count * 32))));
  const outcomes: (FolderOutcome | undefined)[] = new Array(total);
  let delivered = 0;
  let dispatched = 0;
  let pending = 0;
  let failed: Failure | undefined;
  let settled = false;

  try {
    await new Promise<void>((resolve, reject) => {
      const settle = (error?: unknown) => {
        if (settled) return;
        settled = true;
        if (error === undefined) resolve();
        else reject(error);
      };
      const deliver = () => {
        const upTo = failed ? failed.index : total;
        try {
          while (delivered < upTo && outcomes[delivered] !== undefined) {
            onOutcome(outcomes[delivered]!);
            delivered += 1;
          }
        } catch (error) {
          settle(error);
        }
      };
      /** The next batch in folder order; none once all are out or a folder failed. */
      const take = () => {
        if (failed || dispatched >= total) return undefined;
        const start = dispatched;
        dispatched = Math.min(start + batch, total);
        pending += 1;
        const items = [];
        for (let index = start; index < dispatched; index++) {
          items.push({ index, folder: folders[index] });
        }
        return items;
      };
      const finishIfDone = () => {
        if (pending > 0 || (dispatched < total && !failed)) return;
        deliver();
        // Every folder before the first failure went out before it, so all are here.
        settle(failed ? failed.error : undefined);
      };

      const attach = (worker: Worker) => {
        const send = () => {
          const items = take();
          if (items) worker.postMessage({ items } as ToWorker);
        };
        worker.on('message', (answer: FromWorker) => {
          pending -= 1;
          for (const { index, outcome } of answer.outcomes) {
            outcomes[index] = outcome;
          }
          if (answer.failed) {
            const { index, error } = answer.failed;
            failed = first(failed, { index, error: received(error) });
          }
          deliver();
          send();
          finishIfDone();
        });
        worker.on('error', settle);
        worker.on('exit', code =>
          settle(new Error(`a fleet worker stopped (exit code ${code})`)),
        );
        for (let i = 0; i < AHEAD; i++) send();
      };
      workers.forEach(attach);

      // This thread's share: a batch, then a turn of the event loop for the workers' answers.
      const local = async () => {
        for (let items = take(); items && !settled; items = take()) {
          for (const { index, folder } of items) {
            try {
              outcomes[index] = folderOutcome(job, folder);
            } catch (error) {
              failed = first(failed, { index, error });
              break;
            }
          }
          pending -= 1;
          deliver();
          if (workers.length > 0) await new Promise(next => setImmediate(next));
        }
        finishIfDone();
      };
      local().catch(settle);
    });
  } finally {
    settled = true;
    for (const worker of workers) worker.removeAllListeners('exit');
    await Promise.all(workers.map(worker => worker.terminate()));
  }
}
