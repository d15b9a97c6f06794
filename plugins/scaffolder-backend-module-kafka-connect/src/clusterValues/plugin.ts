import {
  coreServices,
  createBackendPlugin,
  HttpRouterService,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { clusterFileSources } from '../lib/openClusterFileSource';
import { readAnyOwnerFor } from '../lib/ownership';
import { readGitopsSettings } from '../lib/settings';
import { readUserCredentialsRule } from '../lib/userCredentials';
import { readPendingChange } from './pendingChange';
import { readClusterValues } from './readClusterValues';

/** The one route: `GET /api/kafka-connect/clusters/values?entityRef=resource:default/orders`. */
export const CLUSTER_VALUES_PATH = '/clusters/values';

/** Who reads the change branch, as the sources' refusals name it. */
const READER = `the change form (GET /api/kafka-connect${CLUSTER_VALUES_PATH})`;

type Handler = Parameters<HttpRouterService['use']>[0];

/**
 * The backend of the change form (`KafkaConnectClusterChange`): the values of a cluster that
 * is in the GitOps repository, for the signed-in user. Everything is read as that user: the
 * catalog entity with their credentials (the catalog's permissions apply), and the ownership
 * rule of the change template checked against the owner the file names. The file itself is
 * read through Backstage's URL reader, as `kafka-connect:read-cluster` reads it. The cluster's
 * change branch is read as `kafka-connect:read-pending-change` reads it, so that the form can
 * say before Create that the change replaces one still pending there.
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
        logger: coreServices.logger,
      },
      async init({ httpRouter, httpAuth, config, reader, catalog, logger }) {
        const integrations = ScmIntegrations.fromConfig(config);
        const settings = readGitopsSettings(config);
        const anyOwnerFor = readAnyOwnerFor(config);
        const sources = clusterFileSources(config, undefined, READER);
        const userCredentialsRequired = readUserCredentialsRule(
          config,
          integrations,
        ).required;

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
            // A reader who leaves stops git or the forge calls of the branch.
            const abort = new AbortController();
            res.on('close', () => abort.abort());
            res.json(
              await readClusterValues({
                entity,
                reader,
                integrations,
                settings,
                user: { ref: userRef, entity: userEntity },
                anyOwnerFor,
                readPending: location =>
                  readPendingChange(location, {
                    sources,
                    userCredentialsRequired,
                    logger,
                    signal: abort.signal,
                  }),
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
