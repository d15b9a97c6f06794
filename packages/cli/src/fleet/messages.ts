import { ClusterFolder } from '../clusterFolders';
import { FleetJob, FolderOutcome } from './folderWork';

/** What the main thread sends a fleet worker (fleetWorker.ts): folders to work on. */
export interface ToWorker {
  items: { index: number; folder: ClusterFolder }[];
}

/** A thrown value as it crosses threads: its message, and whether it was bad usage. */
export interface SentError {
  message: string;
  usage: boolean;
}

/** What a fleet worker answers for each batch. */
export interface FromWorker {
  outcomes: { index: number; outcome: FolderOutcome }[];
  /** The folder whose work threw; the batch's later folders were not started. */
  failed?: { index: number; error: SentError };
}

/** Given to each worker when it starts. */
export interface WorkerSetup {
  job: FleetJob;
}
