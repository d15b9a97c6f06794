import {
  BackendFeature,
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';

/**
 * A stand-in for the catalog backend, reached over HTTP by the scaffolder's real catalog
 * client: it serves the entities it is given (the template) and records the locations that
 * `catalog:register` adds. Only the two endpoints the scaffolder calls here are served; any
 * other catalog call answers 404, so a new dependency shows up as a failing test.
 */

export interface CatalogEntity {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [key: string]: unknown };
  [key: string]: unknown;
}

export interface AddedLocation {
  type: string;
  target: string;
  dryRun: boolean;
}

export interface FakeCatalog {
  feature: BackendFeature;
  locations: AddedLocation[];
}

const BY_NAME = /^\/entities\/by-name\/([^/]+)\/([^/]+)\/([^/]+)$/;

export function fakeCatalog(entities: CatalogEntity[]): FakeCatalog {
  const locations: AddedLocation[] = [];
  const find = (kind: string, namespace: string, name: string) =>
    entities.find(
      e =>
        e.kind.toLowerCase() === kind.toLowerCase() &&
        (e.metadata.namespace ?? 'default') === namespace &&
        e.metadata.name === name,
    );

  const feature = createBackendPlugin({
    pluginId: 'catalog',
    register(env) {
      env.registerInit({
        deps: { httpRouter: coreServices.httpRouter },
        async init({ httpRouter }) {
          httpRouter.use(async (req, res, next) => {
            const byName = BY_NAME.exec(req.path);
            if (req.method === 'GET' && byName) {
              const [kind, namespace, name] = byName
                .slice(1)
                .map(decodeURIComponent);
              const entity = find(kind, namespace, name);
              if (entity) res.json(entity);
              else
                res.status(404).json({
                  error: {
                    name: 'NotFoundError',
                    message: `${kind}:${namespace}/${name} not found`,
                  },
                });
              return;
            }
            if (req.method === 'POST' && req.path === '/locations') {
              const body = await readJson(req);
              const location = {
                type: String(body.type),
                target: String(body.target),
                dryRun: req.query.dryRun === 'true',
              };
              locations.push(location);
              res.status(201).json({
                location: {
                  id: `location-${locations.length}`,
                  type: location.type,
                  target: location.target,
                },
                entities: [],
                exists: false,
              });
              return;
            }
            next();
          });
        },
      });
    },
  });
  return { feature, locations };
}

async function readJson(
  req: AsyncIterable<unknown> & { body?: unknown },
): Promise<Record<string, unknown>> {
  if (req.body && typeof req.body === 'object')
    return req.body as Record<string, unknown>;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.from(chunk as Uint8Array));
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}
