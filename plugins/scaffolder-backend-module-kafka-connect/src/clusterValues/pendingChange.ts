import { LoggerService } from '@backstage/backend-plugin-api';
import { changeBranch } from '@connect-skeleton/plugin-kafka-connect-common';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ClusterLocation } from '../lib/clusterLocation';
import { ClusterFileSources } from '../lib/openClusterFileSource';
import { REQUIRE_USER_CREDENTIALS_KEY } from '../lib/userCredentials';

/** A change of the cluster on its change branch that is not merged yet. */
export interface PendingChange {
  /** The cluster's change branch, `kafka-connect-change/<folder>`. */
  branch: string;
  /** The files of the cluster's folder on that branch, relative to the folder, sorted. */
  files: string[];
}

/** What the change form learns of the branch: a pending change, none, or why it was not read. */
export interface PendingChangeAnswer {
  pending?: PendingChange;
  /** Set when the branch was not read: why, in words the form shows as they are. */
  pendingNotChecked?: string;
}

export interface ReadPendingChangeOptions {
  /** `clusterFileSources` of the route: the same reading code as kafka-connect:read-pending-change. */
  sources: ClusterFileSources;
  /** Whether `scaffolder.requireScmUserCredentials` is on. */
  userCredentialsRequired: boolean;
  logger: LoggerService;
  signal?: AbortSignal;
}

/**
 * Lists the cluster's folder on its change branch, as kafka-connect:read-pending-change does
 * in the task, so that the form can say before Create that the change replaces a pending one.
 * It is information only: a branch that cannot be read makes no refusal, just a reason. The
 * form has no token of the user's, so with user credentials required a GitHub or GitLab
 * branch is not read (the task reads it with the user's Access token).
 */
export async function readPendingChange(
  location: Pick<ClusterLocation, 'repositoryPath' | 'destination' | 'repoUrl'>,
  options: ReadPendingChangeOptions,
): Promise<PendingChangeAnswer> {
  const branch = changeBranch(location.repositoryPath);
  const { destination } = location;
  if (destination !== 'local' && options.userCredentialsRequired) {
    return {
      pendingNotChecked: `Whether a change of the cluster is pending on branch ${branch} was not checked: ${REQUIRE_USER_CREDENTIALS_KEY} is on, and the form has no token of yours to read the repository with. The task checks it with your access token, and its request says whether it replaces a pending change.`,
    };
  }
  try {
    const files = await options.sources.use(
      { destination, repoUrl: location.repoUrl },
      {
        createTemporaryDirectory: () =>
          fs.mkdtemp(path.join(os.tmpdir(), 'kafka-connect-pending-')),
        signal: options.signal,
      },
      source => source.listFolder(branch, location.repositoryPath),
    );
    return files
      ? { pending: { branch, files: [...files.keys()].sort() } }
      : {};
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    options.logger.warn(
      `Branch ${branch} could not be read for the change form: ${message}`,
    );
    return {
      pendingNotChecked: `Whether a change of the cluster is pending on branch ${branch} could not be checked: ${message}`,
    };
  }
}
