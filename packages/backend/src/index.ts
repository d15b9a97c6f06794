/*
 * The demo portal's backend: catalog, scaffolder with the Kafka Connect module,
 * guest sign-in and an embedded SQLite database, so it needs no outside service.
 * app-config.production.yaml runs the same backend as replicas on PostgreSQL.
 */
import { createBackend } from '@backstage/backend-defaults';
import {
  gitopsUrlReaderServiceFactory,
  kafkaConnectClusterValuesPlugin,
} from '@connect-skeleton/plugin-scaffolder-backend-module-kafka-connect';
import { catalogModuleGitopsClusters } from './gitops/catalogModuleGitopsClusters';
import { scaffolderModuleGitopsRepository } from './gitops/scaffolderModuleGitopsRepository';
import { permissionModuleKafkaConnectPolicy } from './permissions';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-gitlab'));
backend.add(
  import('@connect-skeleton/plugin-scaffolder-backend-module-kafka-connect'),
);
// The local bare repository the template pushes to, so the demo needs no Git host.
backend.add(scaffolderModuleGitopsRepository);
// Keeps each task's workspace in the database between steps, so that a replica that resumes a
// task another one left (scaffolder.taskRecovery) finds the rendered files. Idle unless
// scaffolder.taskRecovery.workspaceProvider is `database` (the production profile).
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-workspace-database'),
);
// Backstage's URL reader reads that repository too, so the day-2 templates read a cluster there
// as they read one on GitHub or GitLab.
backend.add(gitopsUrlReaderServiceFactory);
// The change form reads a cluster's values through it, as the signed-in user.
backend.add(kafkaConnectClusterValuesPlugin);

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
// Clusters merged into that repository's default branch show up in the catalog.
backend.add(catalogModuleGitopsClusters);

backend.add(import('@backstage/plugin-permission-backend'));
// Only the groups in kafkaConnect.permissions.templateGroups may run the Kafka Connect
// templates; everything else is allowed (docs/permissions-and-audit.md).
backend.add(permissionModuleKafkaConnectPolicy);

backend.add(import('@backstage/plugin-user-settings-backend'));
// The app's user-settings storage (app.packages: all loads it) needs the signals API, and
// the signals frontend plugin needs this backend to connect to.
backend.add(import('@backstage/plugin-signals-backend'));

backend.start();
