import { BackendFeature } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
import gitlabModule from '@backstage/plugin-scaffolder-backend-module-gitlab';
import kafkaConnectModule from '@connect-skeleton/plugin-scaffolder-backend-module-kafka-connect';
import { captureLog, CapturedLog } from './capturedLog';
import { AddedLocation, CatalogEntity, fakeCatalog } from './fakeCatalog';
import {
  DEFAULT_USER,
  DEFAULT_USER_GROUPS,
  scaffolderClient,
  ScaffolderClient,
} from './scaffolderClient';
import { loadTemplate, TEMPLATE_PATH, TemplateEntity } from './templateFile';

export * from './scaffolderClient';

/**
 * The real scaffolder backend with the GitHub, GitLab and Kafka Connect modules, serving the
 * real template.yaml through a catalog stand-in, and the HTTP calls a portal user's browser makes.
 */

/** Dummy forge tokens: the tests check that they never reach a log or a repository. */
export const GITHUB_TOKEN = 'ghp_dummyTokenForTests0000000000000000';
export const GITLAB_TOKEN = 'glpat-dummyTokenForTests00000';

/** A user entity as the catalog serves it once processed: spec.memberOf and its relations. */
export function userEntity(ref: string, groups: string[]): CatalogEntity {
  const [, namespace, name] = /^user:([^/]+)\/(.+)$/.exec(ref)!;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace },
    spec: { memberOf: groups },
    relations: groups.map(group => ({
      type: 'memberOf',
      targetRef: `group:default/${group}`,
    })),
  };
}

export interface ScaffolderBackend extends ScaffolderClient {
  template: TemplateEntity;
  /** Locations that `catalog:register` added. */
  locations: AddedLocation[];
  /** What the backend logged, with the audit events Backstage's default auditor writes. */
  log: CapturedLog;
  /** Where the backend answers, `http://localhost:<port>`, for other plugins' routes. */
  baseUrl: string;
  stop(): Promise<void>;
}

export interface ScaffolderBackendOptions {
  repository: string;
  /** The catalog's users; default: {@link DEFAULT_USER} in {@link DEFAULT_USER_GROUPS}. */
  users?: CatalogEntity[];
  /** More app config at the top level, e.g. `backend.database` or `scaffolder`. */
  config?: Record<string, unknown>;
  /** More backend features, e.g. a module that reaches into the scaffolder's services. */
  features?: BackendFeature[];
  /** More templates the catalog serves beside the cluster template (template.yaml paths). */
  templatePaths?: string[];
  /** More entities the catalog serves, e.g. clusters with their location annotations. */
  entities?: CatalogEntity[];
}

/** A template as the catalog serves it: in the default namespace, with its location. */
function servedTemplate(template: TemplateEntity, path: string): CatalogEntity {
  return {
    ...template,
    metadata: {
      ...template.metadata,
      namespace: 'default',
      annotations: { 'backstage.io/managed-by-location': `file:${path}` },
    },
  };
}

export async function startScaffolderBackend(
  options: ScaffolderBackendOptions,
): Promise<ScaffolderBackend> {
  const template = loadTemplate();
  const catalog = fakeCatalog([
    ...(options.users ?? [userEntity(DEFAULT_USER, DEFAULT_USER_GROUPS)]),
    servedTemplate(template, TEMPLATE_PATH),
    ...(options.templatePaths ?? []).map(path =>
      servedTemplate(loadTemplate(path), path),
    ),
    ...(options.entities ?? []),
  ]);
  const log = captureLog();
  const backend = await startTestBackend({
    features: [
      log.factory,
      scaffolderPlugin,
      githubModule,
      gitlabModule,
      kafkaConnectModule,
      catalog.feature,
      ...(options.features ?? []),
      mockServices.rootConfig.factory({
        data: {
          ...options.config,
          kafkaConnect: {
            ...(options.config?.kafkaConnect as object | undefined),
            gitops: { repository: options.repository, defaultBranch: 'main' },
          },
          integrations: {
            github: [{ host: 'github.com', token: GITHUB_TOKEN }],
            gitlab: [{ host: 'gitlab.com', token: GITLAB_TOKEN }],
          },
        },
      }),
    ],
  });
  const api = `http://localhost:${backend.server.port()}/api/scaffolder`;
  return {
    ...scaffolderClient(api, template),
    template,
    locations: catalog.locations,
    log,
    baseUrl: `http://localhost:${backend.server.port()}`,
    stop: () => backend.stop(),
  };
}
