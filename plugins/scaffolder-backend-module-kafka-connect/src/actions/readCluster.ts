import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ConflictError } from '@backstage/errors';
import {
  ScmIntegrationRegistry,
  ScmIntegrations,
} from '@backstage/integration';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { layoutOf } from '@connect-skeleton/plugin-kafka-connect-common';
import { parse } from 'yaml';
import { clusterLocation } from '../lib/clusterLocation';
import { userFacing } from '../lib/errors';
import { makeFolderInside, relativeFolder, resolveInside } from '../lib/paths';
import { readGitopsSettings } from '../lib/settings';
import { listSourceFiles } from '../lib/sourceFiles';
import {
  assertUserTokenForUrl,
  readUserCredentialsRule,
} from '../lib/userCredentials';
import { forgeUserToken } from './inputProperties';
import { examples } from './readCluster.examples';

export const READ_CLUSTER_ACTION_ID = 'kafka-connect:read-cluster';

/**
 * Options for {@link createReadClusterAction}.
 *
 * @public
 */
export interface ReadClusterActionOptions {
  /**
   * The root config: `integrations`, `kafkaConnect.gitops.*` and
   * `scaffolder.requireScmUserCredentials` (on: a cluster on GitHub or GitLab is read only
   * with the user's `token`).
   */
  config: Config;
  /** Backstage's URL reader: GitHub, GitLab, and the local GitOps repository. */
  reader: UrlReaderService;
  /** Where a relative repository path is resolved from. Defaults to the backend's working directory. */
  workingDirectory?: string;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a cluster that exists from its GitOps repository through Backstage's URL reader: its
 * connect-cluster.yaml (the values) and every file of its folder (into the workspace, to tell
 * later what a change changes), and where it lives, in the terms the publish steps take.
 *
 * @public
 */
export function createReadClusterAction(options: ReadClusterActionOptions) {
  const integrations: ScmIntegrationRegistry = ScmIntegrations.fromConfig(
    options.config,
  );
  const settings = readGitopsSettings(options.config, options.workingDirectory);
  const userCredentials = readUserCredentialsRule(options.config, integrations);
  return createTemplateAction({
    id: READ_CLUSTER_ACTION_ID,
    description:
      "Reads an existing Kafka Connect cluster from the GitOps repository through Backstage's URL reader: its values (connect-cluster.yaml), its files (into the workspace) and where it lives.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        location: z =>
          z
            .string()
            .describe(
              "The cluster's catalog-info.yaml (its entity's backstage.io/managed-by-location annotation, url:… or a plain URL), or its folder.",
            ),
        targetPath: z =>
          z
            .string()
            .optional()
            .describe(
              'Workspace folder the current files are written into (default "current").',
            ),
        token: forgeUserToken,
      },
      output: {
        values: z =>
          z
            .record(z.string(), z.unknown())
            .describe('The values, as connect-cluster.yaml holds them.'),
        name: z => z.string().describe('The cluster name.'),
        namespace: z => z.string().describe('The Kubernetes namespace.'),
        layout: z =>
          z
            .enum(['helm', 'kustomize'])
            .describe('The layout of the folder (helm when it shows none).'),
        files: z =>
          z
            .array(z.string())
            .describe('Every file of the folder, relative to targetPath.'),
        targetPath: z =>
          z
            .string()
            .describe('The workspace folder the files were written into.'),
        valuesUrl: z => z.string().describe('The connect-cluster.yaml read.'),
        repositoryPath: z =>
          z
            .string()
            .describe(
              "The cluster's folder in the repository, e.g. clusters/prod/orders: the publish steps' targetPath.",
            ),
        destination: z =>
          z
            .enum(['local', 'github', 'gitlab'])
            .describe('Where the repository is, as check-ownership takes it.'),
        repoUrl: z =>
          z
            .string()
            .optional()
            .describe(
              'For github and gitlab: the repository as RepoUrlPicker writes it.',
            ),
      },
    },
    async handler(ctx) {
      const location = clusterLocation(
        ctx.input.location,
        integrations,
        settings,
      );
      const targetPath = relativeFolder(
        ctx.input.targetPath ?? 'current',
        'targetPath',
        { allowRoot: false },
      );
      const fail = (why: string) =>
        userFacing(new ConflictError(`${location.valuesUrl}: ${why}`));
      const token = ctx.input.token || undefined;
      assertUserTokenForUrl(userCredentials, {
        url: location.valuesUrl,
        token,
        action: READ_CLUSTER_ACTION_ID,
      });

      // The user's token, when given, replaces the integration's in Backstage's readers.
      const response = await options.reader.readUrl(location.valuesUrl, {
        token,
      });
      const text = (await response.buffer()).toString('utf8');
      let values: unknown;
      try {
        values = parse(text);
      } catch (error) {
        throw fail(`not YAML (${(error as Error).message.split('\n')[0]})`);
      }
      if (
        !isMapping(values) ||
        typeof values.name !== 'string' ||
        typeof values.namespace !== 'string'
      ) {
        throw fail(
          'holds no cluster values (a mapping with name and namespace)',
        );
      }

      const tree = await options.reader.readTree(location.folderUrl, { token });
      const dir = resolveInside(ctx.workspacePath, targetPath);
      await makeFolderInside(ctx.workspacePath, dir);
      await tree.dir({ targetDir: dir });
      const files = await listSourceFiles(dir, targetPath);

      ctx.logger.info(
        `Read Kafka Connect cluster ${values.namespace}/${values.name} from ${location.valuesUrl}: ${files.length} files into ${targetPath}`,
      );
      ctx.output('values', values);
      ctx.output('name', values.name);
      ctx.output('namespace', values.namespace);
      ctx.output('layout', layoutOf(files) ?? 'helm');
      ctx.output('files', files);
      ctx.output('targetPath', targetPath);
      ctx.output('valuesUrl', location.valuesUrl);
      ctx.output('repositoryPath', location.repositoryPath);
      ctx.output('destination', location.destination);
      if (location.repoUrl) ctx.output('repoUrl', location.repoUrl);
    },
  });
}
