import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  createAuditAction,
  createChangeValuesAction,
  createCheckOwnershipAction,
  createImportClusterAction,
  createReadClusterAction,
  createReadPendingChangeAction,
  createSummariseChangeAction,
  createGitlabBranchAction,
  createGitlabDeleteFilesAction,
  createGitlabMergeRequestAction,
  createGitPushBranchAction,
  createKafkaConnectRenderAction,
  PUSH_BRANCH_ACTION_ID,
} from './actions';
import { REPOSITORY_KEY } from './lib/settings';

/**
 * Adds `kafka-connect:render`, `kafka-connect:git:push-branch`,
 * `kafka-connect:gitlab:branch`, `kafka-connect:gitlab:merge-request`,
 * `kafka-connect:gitlab:delete-files`,
 * `kafka-connect:check-ownership` and the day-2 actions `kafka-connect:read-cluster`,
 * `kafka-connect:change-values`, `kafka-connect:summarise-change` and
 * `kafka-connect:import`, and `kafka-connect:audit` (the audit event of a cluster sent to
 * GitHub or GitLab) to the scaffolder.
 *
 * @public
 */
export const scaffolderModuleKafkaConnect = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'kafka-connect',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        reader: coreServices.urlReader,
        auditor: coreServices.auditor,
      },
      async init({ scaffolder, config, logger, reader, auditor }) {
        if (!config.has(REPOSITORY_KEY)) {
          // Not fatal: rendering and the publish:* actions work without it.
          logger.info(
            `${REPOSITORY_KEY} is not set: ${PUSH_BRANCH_ACTION_ID} will fail until it is`,
          );
        }
        scaffolder.addActions(
          createKafkaConnectRenderAction({ config }),
          createGitPushBranchAction({ config, auditor }),
          createGitlabBranchAction({ config }),
          createGitlabMergeRequestAction({ config }),
          createGitlabDeleteFilesAction({ config }),
          createCheckOwnershipAction({ config }),
          createReadClusterAction({ config, reader }),
          createReadPendingChangeAction({ config }),
          createChangeValuesAction(),
          createSummariseChangeAction(),
          createImportClusterAction(),
          createAuditAction({ auditor }),
        );
      },
    });
  },
});
