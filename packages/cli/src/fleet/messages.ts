import { ClusterFolder } from '../clusterFolders';
import { FleetJob, FolderOutcome } from './folderWork';

/** What the main thread sends a fleet worker (fleetWorker.ts). */
export type ToWorker =
  | { type: 'folders'; items: { index: number; folder: ClusterFolder }[] }
  | { type: 'write'; cwd: string }
  | { type: 'stop' };

/** A thrown value as it crosses threads: its message, and whether it was bad usage. */
export interface SentError {
  message: string;
  usage: boolean;
}

/** What a fleet worker answers. */
export type FromWorker =
  | {
      type: 'outcomes';
      outcomes: { index: number; outcome: FolderOutcome }[];
      /** The folder whose work threw; the batch's later folders were not started. */
      failed?: { index: number; error: SentError };
    }
  | { type: 'written'; failed?: { index: number; error: SentError } };

/** Given to each worker when it starts. */
export interface WorkerSetup {
  job: FleetJob;
}
