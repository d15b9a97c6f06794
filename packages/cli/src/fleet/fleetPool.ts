import { Worker } from 'node:worker_threads';
import { ClusterFolder } from '../clusterFolders';
import { UsageError } from '../errors';
import {
  FleetJob,
  FolderFailure,
  FolderOutcome,
  FolderWork,
} from './folderWork';
import { FromWorker, SentError, ToWorker, WorkerSetup } from './messages';

/**
 * A fleet command's folders, worked on in this thread alone or together with worker
 * threads; either way the outcomes come out in folder order and a failure reported is the
 * first in folder order, so the output and the exit code do not depend on the threads.
 */
export interface Fleet {
  /** Calls `onOutcome` for every folder in folder order, as soon as those before it are done. */
  plan(onOutcome: (outcome: FolderOutcome) => void): Promise<void>;
  /** `upgrade`: replaces every folder whose files change (after `plan`, when nothing failed). */
  writeChanged(cwd: string): Promise<void>;
  close(): Promise<void>;
}

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

// The sources run as they are (no build step), so the entry sits next to this file.
const WORKER_ENTRY = require.resolve('./fleetWorker.cjs');
/** Batches sent ahead to each worker, so that it never waits for this thread to answer. */
const AHEAD = 2;

/** This thread takes batches too, between the moments it hands out the workers' batches. */
class ThreadedFleet implements Fleet {
  private readonly work: FolderWork;
  private readonly workers: Worker[];
  /** Folders per batch: small enough to share the work evenly, large enough to be cheap. */
  private readonly batch: number;

  constructor(
    job: FleetJob,
    private readonly folders: readonly ClusterFolder[],
    workers: number,
  ) {
    this.work = new FolderWork(job);
    const setup: WorkerSetup = { job };
    this.workers = Array.from(
      { length: workers },
      () => new Worker(WORKER_ENTRY, { workerData: setup }),
    );
    this.batch = Math.max(
      1,
      Math.min(16, Math.ceil(folders.length / ((workers + 1) * 32))),
    );
  }

  plan(onOutcome: (outcome: FolderOutcome) => void): Promise<void> {
    const total = this.folders.length;
    const outcomes: (FolderOutcome | undefined)[] = new Array(total);
    let delivered = 0;
    let dispatched = 0;
    let pending = 0;
    let failed: Failure | undefined;
    let settled = false;

    return new Promise<void>((resolve, reject) => {
      const listeners: (() => void)[] = [];
      const settle = (error?: unknown) => {
        if (settled) return;
        settled = true;
        listeners.forEach(remove => remove());
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
        dispatched = Math.min(start + this.batch, total);
        pending += 1;
        const items = [];
        for (let index = start; index < dispatched; index++) {
          items.push({ index, folder: this.folders[index] });
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
          if (items) worker.postMessage({ type: 'folders', items } as ToWorker);
        };
        const onMessage = (message: FromWorker) => {
          if (message.type !== 'outcomes') return;
          pending -= 1;
          for (const { index, outcome } of message.outcomes) {
            outcomes[index] = outcome;
          }
          if (message.failed) {
            const { index, error } = message.failed;
            failed = first(failed, { index, error: received(error) });
          }
          deliver();
          send();
          finishIfDone();
        };
        const onError = (error: Error) => settle(error);
        const onExit = (code: number) =>
          settle(new Error(`a fleet worker stopped (exit code ${code})`));
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        listeners.push(() => {
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
        });
        for (let i = 0; i < AHEAD; i++) send();
      };
      this.workers.forEach(attach);

      // This thread's share: a batch, then a turn of the event loop for the workers' answers.
      const local = async () => {
        for (let items = take(); items && !settled; items = take()) {
          for (const { index, folder } of items) {
            try {
              outcomes[index] = this.work.run(folder, index);
            } catch (error) {
              failed = first(failed, { index, error });
              break;
            }
          }
          pending -= 1;
          deliver();
          await new Promise(next => setImmediate(next));
        }
        finishIfDone();
      };
      local().catch(settle);
    });
  }

  async writeChanged(cwd: string): Promise<void> {
    let failed: Failure | undefined;
    const stopAll = () => {
      this.work.stop();
      for (const worker of this.workers) {
        worker.postMessage({ type: 'stop' } as ToWorker);
      }
    };
    const local = this.work.writeChanged(cwd).catch((failure: unknown) => {
      failed = first(
        failed,
        failure instanceof FolderFailure
          ? failure
          : { index: -1, error: failure },
      );
      stopAll();
    });
    const remote = this.workers.map(
      worker =>
        new Promise<void>((resolve, reject) => {
          const onMessage = (message: FromWorker) => {
            if (message.type !== 'written') return;
            worker.off('message', onMessage);
            worker.off('error', reject);
            if (message.failed) {
              const { index, error } = message.failed;
              failed = first(failed, { index, error: received(error) });
              // As in one thread, a failure ends the writing: no further folder is started.
              stopAll();
            }
            resolve();
          };
          worker.on('message', onMessage);
          worker.on('error', reject);
          worker.postMessage({ type: 'write', cwd } as ToWorker);
        }),
    );
    await Promise.all([local, ...remote]);
    if (failed) throw failed.error;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(worker => worker.terminate()));
  }
}

export function openFleet(
  job: FleetJob,
  folders: readonly ClusterFolder[],
  threads: number,
): Fleet {
  return new ThreadedFleet(
    job,
    folders,
    threadsFor(folders.length, threads) - 1,
  );
}
