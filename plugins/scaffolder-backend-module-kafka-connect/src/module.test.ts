import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  scaffolderActionsExtensionPoint,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import defaultExport, {
  createCheckOwnershipAction,
  createGitlabBranchAction,
  createGitlabDeleteFilesAction,
  createGitlabMergeRequestAction,
  createGitPushBranchAction,
  createKafkaConnectRenderAction,
} from './index';
import { scaffolderModuleKafkaConnect } from './module';

describe('scaffolderModuleKafkaConnect', () => {
  it('is the default export, next to the action factories', () => {
    expect(defaultExport).toBe(scaffolderModuleKafkaConnect);
    expect(createKafkaConnectRenderAction().id).toBe('kafka-connect:render');
    expect(
      createGitPushBranchAction({ config: mockServices.rootConfig() }).id,
    ).toBe('kafka-connect:git:push-branch');
    expect(
      createGitlabBranchAction({ config: mockServices.rootConfig() }).id,
    ).toBe('kafka-connect:gitlab:branch');
    expect(
      createGitlabMergeRequestAction({ config: mockServices.rootConfig() }).id,
    ).toBe('kafka-connect:gitlab:merge-request');
    expect(
      createGitlabDeleteFilesAction({ config: mockServices.rootConfig() }).id,
    ).toBe('kafka-connect:gitlab:delete-files');
    expect(
      createCheckOwnershipAction({ config: mockServices.rootConfig() }).id,
    ).toBe('kafka-connect:check-ownership');
  });

  it('registers the twelve actions, with dry-run support, schemas and examples', async () => {
    const added: TemplateAction<any, any, any>[] = [];
    const backend = await startTestBackend({
      extensionPoints: [
        [
          scaffolderActionsExtensionPoint,
          {
            addActions: (...actions: TemplateAction<any, any, any>[]) =>
              added.push(...actions),
          },
        ],
      ],
      features: [
        scaffolderModuleKafkaConnect,
        mockServices.rootConfig.factory({
          data: { kafkaConnect: { gitops: { repository: '/srv/gitops.git' } } },
        }),
      ],
    });
    try {
      expect(added.map(a => a.id)).toEqual([
        'kafka-connect:render',
        'kafka-connect:git:push-branch',
        'kafka-connect:gitlab:branch',
        'kafka-connect:gitlab:merge-request',
        'kafka-connect:gitlab:delete-files',
        'kafka-connect:check-ownership',
        'kafka-connect:read-cluster',
        'kafka-connect:read-pending-change',
        'kafka-connect:change-values',
        'kafka-connect:summarise-change',
        'kafka-connect:import',
        'kafka-connect:audit',
      ]);
      for (const action of added) {
        expect(action.supportsDryRun).toBe(true);
        expect(action.examples?.length).toBeGreaterThan(0);
      }
      // The zod callbacks became JSON schemas (a plain object would have been dropped).
      const [render, push, branch, mergeRequest, deleteFiles, checkOwnership] =
        added;
      expect(render.schema?.input).toMatchObject({
        type: 'object',
        required: ['values'],
        properties: {
          values: { type: 'object' },
          layout: { enum: ['helm', 'kustomize'] },
          targetPath: { type: 'string' },
        },
      });
      expect(push.schema?.input).toMatchObject({
        required: expect.arrayContaining(['targetPath', 'branch']),
      });
      expect(
        Object.keys(
          (push.schema?.output as { properties: object }).properties,
        ).sort(),
      ).toEqual([
        'branch',
        'changed',
        'commit',
        'defaultBranch',
        'instructions',
        'remote',
      ]);
      expect(
        Object.keys(
          (render.schema?.output as { properties: object }).properties,
        ).sort(),
      ).toEqual([
        'clusterName',
        'entityRef',
        'files',
        'namespace',
        'summary',
        'targetPath',
      ]);
      expect(branch.schema?.input).toMatchObject({
        required: ['repoUrl', 'branch'],
      });
      expect(
        Object.keys(
          (branch.schema?.input as { properties: object }).properties,
        ).sort(),
      ).toEqual(['branch', 'repoUrl', 'token']);
      expect(
        Object.keys(
          (branch.schema?.output as { properties: object }).properties,
        ).sort(),
      ).toEqual(['branch', 'created', 'defaultBranch']);
      expect(mergeRequest.schema?.input).toMatchObject({
        required: ['repoUrl', 'sourceBranch', 'title', 'description'],
      });
      expect(
        Object.keys(
          (mergeRequest.schema?.input as { properties: object }).properties,
        ).sort(),
      ).toEqual([
        'description',
        'removeSourceBranch',
        'repoUrl',
        'sourceBranch',
        'targetBranch',
        'title',
        'token',
      ]);
      expect(
        Object.keys(
          (mergeRequest.schema?.output as { properties: object }).properties,
        ).sort(),
      ).toEqual(['created', 'iid', 'mergeRequestUrl', 'targetBranch']);
      expect(deleteFiles.schema?.input).toMatchObject({
        required: ['repoUrl', 'branch', 'filesToDelete', 'commitMessage'],
        properties: { filesToDelete: { type: 'array' } },
      });
      expect(
        Object.keys(
          (deleteFiles.schema?.input as { properties: object }).properties,
        ).sort(),
      ).toEqual([
        'branch',
        'commitMessage',
        'filesToDelete',
        'repoUrl',
        'targetPath',
        'token',
      ]);
      expect(
        Object.keys(
          (deleteFiles.schema?.output as { properties: object }).properties,
        ).sort(),
      ).toEqual(['commitHash', 'deleted']);
      expect(checkOwnership.schema?.input).toMatchObject({
        required: ['targetPath'],
        properties: { destination: { enum: ['local', 'github', 'gitlab'] } },
      });
      expect(
        Object.keys(
          (checkOwnership.schema?.input as { properties: object }).properties,
        ).sort(),
      ).toEqual([
        'branch',
        'destination',
        'repoUrl',
        'sourcePath',
        'targetPath',
        'token',
      ]);
      expect(
        Object.keys(
          (checkOwnership.schema?.output as { properties: object }).properties,
        ).sort(),
      ).toEqual(['currentOwner', 'existing']);
    } finally {
      await backend.stop();
    }
  });
});
