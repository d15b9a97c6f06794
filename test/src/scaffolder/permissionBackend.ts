import {
  coreServices,
  createServiceFactory,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderEntityModelModule from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import permissionPlugin from '@backstage/plugin-permission-backend';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
import gitlabModule from '@backstage/plugin-scaffolder-backend-module-gitlab';
import kafkaConnectModule from '@connect-skeleton/plugin-scaffolder-backend-module-kafka-connect';
import { permissionModuleKafkaConnectPolicy } from 'backend/src/permissions';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { stringify } from 'yaml';
import { captureLog, CapturedLog } from './capturedLog';
import { onBehalfOfAuthFactory } from './onBehalfOfAuth';
import { scaffolderClient, ScaffolderClient } from './scaffolderClient';
import { loadTemplate, TEMPLATE_PATH } from './templateFile';

/**
 * The demo portal's permission set-up around the real scaffolder: the real catalog (which
 * applies the policy's conditions when the scaffolder reads a template as the user), the real
 * permission backend with the demo's policy module, and Backstage's default auditor writing to
 * a root logger the test reads. Users sign in with mock credentials; the user info service
 * gives each their groups, as the auth backend's catalog sign-in would put them in the token.
 */

/** A template that is not a Kafka Connect one: it only logs, with the scaffolder's debug:log. */
export const OTHER_TEMPLATE_REF = 'template:default/hello';

export interface PermissionBackend extends ScaffolderClient {
  log: CapturedLog;
  /** GET on the catalog API as a user, e.g. `/entities/by-name/template/default/x`. */
  catalogGet(path: string, as: string): Promise<number>;
  stop(): Promise<void>;
}

export interface PermissionBackendOptions {
  repository: string;
  /** User name (in namespace default) → the groups they are a direct member of. */
  users: Record<string, string[]>;
  /** kafkaConnect.permissions.templateGroups */
  templateGroups: string[];
}

function orgEntities(users: Record<string, string[]>): object[] {
  const groups = [...new Set(Object.values(users).flat())];
  return [
    ...Object.entries(users).map(([name, memberOf]) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name },
      spec: { memberOf },
    })),
    ...groups.map(name => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name },
      spec: { type: 'team', children: [] },
    })),
  ];
}

const OTHER_TEMPLATE = {
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name: 'hello', title: 'Says hello' },
  spec: {
    type: 'service',
    owner: 'group:default/guests',
    parameters: [
      { properties: { name: { type: 'string' } }, required: ['name'] },
    ],
    steps: [
      {
        id: 'hello',
        action: 'debug:log',
        input: { message: 'Hello ${{ parameters.name }}' },
      },
    ],
  },
};

export async function startPermissionBackend(
  options: PermissionBackendOptions,
): Promise<PermissionBackend> {
  const dir = mkdtempSync(join(tmpdir(), 'kafka-connect-permissions-'));
  const orgFile = join(dir, 'org.yaml');
  writeFileSync(
    orgFile,
    orgEntities(options.users)
      .map(entity => stringify(entity))
      .join('---\n'),
  );
  const otherTemplateFile = join(dir, 'hello.yaml');
  writeFileSync(otherTemplateFile, stringify(OTHER_TEMPLATE));

  const log = captureLog();
  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      githubModule,
      gitlabModule,
      kafkaConnectModule,
      catalogPlugin,
      scaffolderEntityModelModule,
      permissionPlugin,
      permissionModuleKafkaConnectPolicy,
      log.factory,
      onBehalfOfAuthFactory,
      createServiceFactory({
        service: coreServices.userInfo,
        deps: {},
        factory: (): UserInfoService => ({
          async getUserInfo(credentials) {
            const principal = credentials.principal as {
              type: string;
              userEntityRef?: string;
            };
            if (principal.type !== 'user' || !principal.userEntityRef)
              throw new Error(`no user info for a ${principal.type}`);
            const name = principal.userEntityRef.split('/')[1];
            return {
              userEntityRef: principal.userEntityRef,
              ownershipEntityRefs: [
                principal.userEntityRef,
                ...(options.users[name] ?? []).map(g => `group:default/${g}`),
              ],
            };
          },
        }),
      }),
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true },
          catalog: {
            rules: [{ allow: ['User', 'Group', 'Template', 'Location'] }],
            locations: [
              { type: 'file', target: orgFile },
              { type: 'file', target: TEMPLATE_PATH },
              { type: 'file', target: otherTemplateFile },
            ],
          },
          kafkaConnect: {
            gitops: { repository: options.repository, defaultBranch: 'main' },
            permissions: { templateGroups: options.templateGroups },
          },
        },
      }),
    ],
  });
  const base = `http://localhost:${backend.server.port()}/api`;
  return {
    ...scaffolderClient(`${base}/scaffolder`, loadTemplate()),
    log,
    async catalogGet(path, as) {
      const response = await fetch(`${base}/catalog${path}`, {
        headers: { authorization: mockCredentials.user.header(as) },
      });
      await response.text();
      return response.status;
    },
    async stop() {
      await backend.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
