/*
 * Catalog module of the demo backend: registers the entity provider that shows the
 * clusters merged into the local GitOps repository.
 */
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { GitopsClusterEntityProvider } from './GitopsClusterEntityProvider';
import { readGitopsSettings } from './gitopsConfig';

export const catalogModuleGitopsClusters = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'gitops-clusters',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init({ catalog, config, logger, scheduler }) {
        const settings = readGitopsSettings(config);
        if (!settings.repository) {
          logger.info(
            'kafkaConnect.gitops.repository is a URL: clusters come from catalog:register or SCM discovery, not from this demo provider',
          );
          return;
        }
        const seconds = settings.catalogRefreshSeconds;
        catalog.addEntityProvider(
          new GitopsClusterEntityProvider({
            repository: settings.repository,
            branch: settings.defaultBranch,
            logger,
            taskRunner: scheduler.createScheduledTaskRunner({
              frequency: { seconds },
              timeout: { seconds: Math.max(30, seconds * 2) },
              // The repository is on this machine's disk: no cross-instance lock needed.
              scope: 'local',
            }),
          }),
        );
      },
    });
  },
});
