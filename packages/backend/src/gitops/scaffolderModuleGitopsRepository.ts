/*
 * Scaffolder module of the demo backend: makes sure the local GitOps repository that
 * the Kafka Connect template pushes to exists before the scaffolder serves requests.
 */
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ensureGitopsRepository } from './ensureGitopsRepository';
import { readGitopsSettings } from './gitopsConfig';

export const scaffolderModuleGitopsRepository = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'gitops-repository',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ config, logger }) {
        const { repository, defaultBranch } = readGitopsSettings(config);
        if (!repository) {
          // A remote repository is the team's own: never create anything there.
          return;
        }
        try {
          const result = await ensureGitopsRepository(
            repository,
            defaultBranch,
          );
          logger.info(
            result.initialCommit
              ? `Created the demo GitOps repository ${repository} (${defaultBranch} at ${result.initialCommit.slice(
                  0,
                  12,
                )})`
              : `Using the demo GitOps repository ${repository}`,
          );
        } catch (error) {
          // The portal stays useful without it; only pushes and the cluster list fail.
          logger.error(
            `Could not create the demo GitOps repository ${repository}: ${error}`,
          );
        }
      },
    });
  },
});
