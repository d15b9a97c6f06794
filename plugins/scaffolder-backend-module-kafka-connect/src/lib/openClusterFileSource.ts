import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  ScmIntegrationRegistry,
  ScmIntegrations,
} from '@backstage/integration';
import { ClusterFileSource } from './clusterFileSource';
import { refuseInput, userFacing } from './errors';
import { githubClusterFileSource } from './githubClusterFileSource';
import { gitlabClusterFileSource } from './gitlabClusterFileSource';
import { localClusterFileSource } from './localClusterFileSource';
import { readGitopsSettings, REPOSITORY_KEY } from './settings';
import {
  assertGitopsRemoteAllowed,
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
        const {
          remote,
          displayRemote,
          defaultBranch,
          initializeEmptyRepository,
        } = settings;
        if (!remote || !displayRemote) {
          throw userFacing(
            new InputError(
              `${REPOSITORY_KEY} is not configured: set it in the app config to the GitOps repository (a path to a bare repository, or a URL)`,
            ),
          );
        }
        assertGitopsRemoteAllowed(userCredentials, {
          remote,
          displayRemote,
          action,
        });
        if (!tempDir)
          throw new Error('a temporary folder is needed to read with git');
        return localClusterFileSource({
          remote,
          displayRemote,
          defaultBranch,
          initializeEmptyRepository,
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
  };
}
