import { Config } from '@backstage/config';
import {
  ScmIntegrationRegistry,
  ScmIntegrations,
} from '@backstage/integration';
import fs from 'node:fs/promises';
import { ClusterFileSource } from './clusterFileSource';
import { refuseInput } from './errors';
import { allowedGitopsRemote } from './gitopsRemote';
import { githubClusterFileSource } from './githubClusterFileSource';
import { gitlabClusterFileSource } from './gitlabClusterFileSource';
import { localClusterFileSource } from './localClusterFileSource';
import { readGitopsSettings } from './settings';
import {
  assertUserTokenForRepoUrl,
  readUserCredentialsRule,
} from './userCredentials';

export const DESTINATIONS = ['local', 'github', 'gitlab'] as const;
export type Destination = (typeof DESTINATIONS)[number];

/** Where the repository is, as the actions that read a branch take it. */
export interface ClusterSourceInput {
  destination: Destination;
  repoUrl?: string;
  token?: string;
}

/** What an action's run gives the source: a place for git's clone, and the task's signal. */
export interface ClusterSourceRun {
  createTemporaryDirectory(): Promise<string>;
  signal?: AbortSignal;
}

/**
 * Opens the GitOps repository of a destination for reading, with the same settings and rules
 * as the steps that push to it: `kafkaConnect.gitops.*` for the local one (read with git into
 * `tempDir`, which the caller makes and removes), `integrations.github`/`gitlab` and the
 * user's token for the forges, `scaffolder.requireScmUserCredentials` for both.
 */
export function clusterFileSources(
  config: Config,
  workingDirectory: string | undefined,
  action: string,
) {
  const settings = readGitopsSettings(config, workingDirectory);
  const integrations: ScmIntegrationRegistry =
    ScmIntegrations.fromConfig(config);
  const userCredentials = readUserCredentialsRule(config, integrations);

  return {
    open(
      input: ClusterSourceInput,
      tempDir: string | undefined,
      signal: AbortSignal | undefined,
    ): ClusterFileSource {
      const { destination } = input;
      if (destination === 'local') {
        const { remote, displayRemote } = allowedGitopsRemote(
          settings,
          userCredentials,
          action,
        );
        if (!tempDir)
          throw new Error('a temporary folder is needed to read with git');
        return localClusterFileSource({
          remote,
          displayRemote,
          defaultBranch: settings.defaultBranch,
          initializeEmptyRepository: settings.initializeEmptyRepository,
          tempDir,
          signal,
        });
      }
      if (!input.repoUrl) {
        throw refuseInput(
          `repoUrl is required for destination ${destination}: the repository the cluster is in`,
        );
      }
      const forge = {
        integrations,
        repoUrl: input.repoUrl,
        token: input.token || undefined,
        signal,
      };
      assertUserTokenForRepoUrl(userCredentials, { ...forge, action });
      return destination === 'github'
        ? githubClusterFileSource(forge)
        : gitlabClusterFileSource(forge);
    },

    /**
     * Opens the source for one run of an action and hands it to `read`: the local destination
     * is read with git in a temporary folder of the run, removed once `read` is done.
     */
    async use<T>(
      input: ClusterSourceInput,
      run: ClusterSourceRun,
      read: (source: ClusterFileSource) => Promise<T>,
    ): Promise<T> {
      const tempDir =
        input.destination === 'local'
          ? await run.createTemporaryDirectory()
          : undefined;
      try {
        return await read(this.open(input, tempDir, run.signal));
      } finally {
        if (tempDir) await fs.rm(tempDir, { recursive: true, force: true });
      }
    },
  };
}

/** The sources of {@link clusterFileSources}, for code that is handed them. */
export type ClusterFileSources = ReturnType<typeof clusterFileSources>;
