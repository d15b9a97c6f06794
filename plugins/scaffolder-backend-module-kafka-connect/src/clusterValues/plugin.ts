import {
  coreServices,
  createBackendPlugin,
  HttpRouterService,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { readAnyOwnerFor } from '../lib/ownership';
import { readGitopsSettings } from '../lib/settings';
import { readClusterValues } from './readClusterValues';

/** The one route: `GET /api/kafka-connect/clusters/values?entityRef=resource:default/orders`. */
export const CLUSTER_VALUES_PATH = '/clusters/values';

type Handler = Parameters<HttpRouterService['use']>[0];

/**
 * The backend of the change form (`KafkaConnectClusterChange`): the values of a cluster that
 * is in the GitOps repository, for the signed-in user. Everything is read as that user: the
 * catalog entity with their credentials (the catalog's permissions apply), and the ownership
 * rule of the change template checked against the owner the file names. The file itself is
 * read through Backstage's URL reader, as `kafka-connect:read-cluster` reads it.
 *
 * @public
 */
export const kafkaConnectClusterValuesPlugin = createBackendPlugin({
  pluginId: 'kafka-connect',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        config: coreServices.rootConfig,
        reader: coreServices.urlReader,
        catalog: catalogServiceRef,
      },
      async init({ httpRouter, httpAuth, config, reader, catalog }) {
        const integrations = ScmIntegrations.fromConfig(config);
        const settings = readGitopsSettings(config);
        const anyOwnerFor = readAnyOwnerFor(config);

        const handler: Handler = async (req, res, next) => {
          if (req.method !== 'GET' || req.path !== CLUSTER_VALUES_PATH) {
            next();
            return;
          }
          try {
            const credentials = await httpAuth.credentials(req, {
              allow: ['user'],
            });
            const entityRef = req.query.entityRef;
            if (typeof entityRef !== 'string' || entityRef === '')
              throw new InputError(
                'entityRef is required, e.g. ?entityRef=resource:default/orders',
              );
            const entity = await catalog.getEntityByRef(entityRef, {
              credentials,
            });
            if (!entity) throw new NotFoundError(`${entityRef} not found`);
            const userRef = credentials.principal.userEntityRef;
            const userEntity = await catalog.getEntityByRef(userRef, {
              credentials,
            });
            res.json(
              await readClusterValues({
                entity,
                reader,
                integrations,
                settings,
                user: { ref: userRef, entity: userEntity },
                anyOwnerFor,
              }),
            );
          } catch (error) {
            next(error);
          }
        };
        httpRouter.use(handler);
      },
    });
  },
});
