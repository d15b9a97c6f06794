import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  readTemplateGroups,
  TEMPLATE_GROUPS_KEY,
} from '@connect-skeleton/plugin-scaffolder-backend-module-kafka-connect';
import { KafkaConnectDemoPolicy } from './KafkaConnectDemoPolicy';

/** Sets {@link KafkaConnectDemoPolicy} as the permission backend's policy. */
export const permissionModuleKafkaConnectPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'kafka-connect-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
        logger: coreServices.logger,
      },
      async init({ policy, config, userInfo, logger }) {
        const templateGroups = readTemplateGroups(config);
        logger.info(
          templateGroups
            ? `Kafka Connect templates: only for members of ${templateGroups.join(
                ', ',
              )} (${TEMPLATE_GROUPS_KEY})`
            : `Kafka Connect templates: for everyone (${TEMPLATE_GROUPS_KEY} is not set)`,
        );
        policy.setPolicy(new KafkaConnectDemoPolicy(templateGroups, userInfo));
      },
    });
  },
});
