import { parentPort, workerData } from 'node:worker_threads';
import { UsageError } from '../errors';
import { FolderFailure, FolderWork } from './folderWork';
import { FromWorker, SentError, ToWorker, WorkerSetup } from './messages';

/**
 * A fleet worker thread (started by fleetPool.ts through fleetWorker.cjs): it does the
 * work of the folders it is sent, and for an upgrade keeps their files until told to write.
 */
function sent(error: unknown): SentError {
  return {
    message: error instanceof Error ? error.message : String(error),
    usage: error instanceof UsageError,
  };
}

const port = parentPort!;
const work = new FolderWork((workerData as WorkerSetup).job);

function reply(message: FromWorker): void {
  port.postMessage(message);
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'folders') {
    const outcomes: {
      index: number;
      outcome: ReturnType<FolderWork['run']>;
    }[] = [];
    for (const { index, folder } of message.items) {
      try {
        outcomes.push({ index, outcome: work.run(folder, index) });
      } catch (error) {
        reply({
          type: 'outcomes',
          outcomes,
          failed: { index, error: sent(error) },
        });
        return;
      }
    }
    reply({ type: 'outcomes', outcomes });
  } else if (message.type === 'write') {
    work.writeChanged(message.cwd).then(
      () => reply({ type: 'written' }),
      (failure: unknown) => {
        const { index, error } =
          failure instanceof FolderFailure
            ? failure
            : { index: -1, error: failure };
        reply({ type: 'written', failed: { index, error: sent(error) } });
      },
    );
  } else {
    work.stop();
  }
});
