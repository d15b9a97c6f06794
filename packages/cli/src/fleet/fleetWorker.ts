import { parentPort, workerData } from 'node:worker_threads';
import { UsageError } from '../errors';
import { folderOutcome } from './folderWork';
import { FromWorker, SentError, ToWorker, WorkerSetup } from './messages';

/**
 * A fleet worker thread (started by fleetPool.ts through fleetWorker.cjs): it works on the
 * folders it is sent and answers with their outcomes. It writes nothing: the main thread
 * writes, one folder after another (the file system's own locks make parallel writes into
 * one folder of folders slower, not faster).
 */
function sent(error: unknown): SentError {
  return {
    message: error instanceof Error ? error.message : String(error),
    usage: error instanceof UsageError,
  };
}

const port = parentPort!;
const { job } = workerData as WorkerSetup;

port.on('message', ({ items }: ToWorker) => {
  const answer: FromWorker = { outcomes: [] };
  for (const { index, folder } of items) {
    try {
      answer.outcomes.push({ index, outcome: folderOutcome(job, folder) });
    } catch (error) {
      answer.failed = { index, error: sent(error) };
      break;
    }
  }
  port.postMessage(answer);
});
