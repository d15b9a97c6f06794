import { AuditorService } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import { auditedClusterChange, taskOf } from '../lib/audit';
import { refuseInput } from '../lib/errors';
import {
  assertRealPathInside,
  relativeFolder,
  resolveInside,
} from '../lib/paths';
import { readSourceIdentity } from '../lib/sourceFiles';
import { examples } from './audit.examples';

export const AUDIT_ACTION_ID = 'kafka-connect:audit';

const FORGES = ['github', 'gitlab'] as const;

/**
 * Options for {@link createAuditAction}.
 *
 * @public
 */
export interface AuditActionOptions {
  /** The scaffolder's auditor (`coreServices.auditor`). */
  auditor: AuditorService;
}

/**
 * Records the `kafka-connect-cluster-change` audit event of a cluster sent to GitHub or GitLab,
 * after the step that opened or updated its pull or merge request. (The local destination's
 * event is written by `kafka-connect:git:push-branch` itself.)
 *
 * @public
 */
export function createAuditAction(options: AuditActionOptions) {
  return createTemplateAction({
    id: AUDIT_ACTION_ID,
    description:
      'Records the audit event kafka-connect-cluster-change (the user, the cluster, the repository, the branch and the pull or merge request) for a cluster published to GitHub or GitLab. Run it after the step that opens the request.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        sourcePath: z =>
          z
            .string()
            .optional()
            .describe(
              'Workspace folder with the rendered connect-cluster.yaml (default ".").',
            ),
        targetPath: z =>
          z
            .string()
            .describe(
              "The cluster's folder in the repository, e.g. clusters/prod/orders.",
            ),
        destination: z => z.enum(FORGES).describe('github or gitlab.'),
        repoUrl: z =>
          z
            .string()
            .describe(
              "The repository, as RepoUrlPicker writes it ('github.com?owner=acme&repo=gitops').",
            ),
        branch: z =>
          z.string().describe('The branch the request is opened from.'),
        pullRequestUrl: z =>
          z
            .string()
            .optional()
            .describe(
              'The pull or merge request, as the step that opened it gives it.',
            ),
      },
    },
    async handler(ctx) {
      const sourcePath = relativeFolder(
        ctx.input.sourcePath ?? '.',
        'sourcePath',
        { allowRoot: true },
      );
      const folder = relativeFolder(ctx.input.targetPath, 'targetPath', {
        allowRoot: false,
      });
      const sourceDir = resolveInside(ctx.workspacePath, sourcePath);
      const isFolder = await fs.stat(sourceDir).then(
        s => s.isDirectory(),
        () => false,
      );
      if (!isFolder) {
        throw refuseInput(
          `sourcePath: ${sourcePath} is not a folder of the workspace: run kafka-connect:render first`,
        );
      }
      await assertRealPathInside(ctx.workspacePath, sourceDir);
      const cluster = await readSourceIdentity(sourceDir, sourcePath);
      if (ctx.isDryRun) {
        ctx.logger.info('Dry run: no audit event (nothing was published)');
        return;
      }
      await auditedClusterChange(
        options.auditor,
        {
          ...taskOf(ctx),
          cluster: { ...cluster, folder },
          destination: {
            type: ctx.input.destination,
            repository: ctx.input.repoUrl,
            branch: ctx.input.branch,
          },
          pullRequestUrl: ctx.input.pullRequestUrl || undefined,
        },
        async () => undefined,
      );
      ctx.logger.info(
        `Recorded the audit event of ${cluster.namespace}/${cluster.name} (${
          ctx.input.pullRequestUrl ?? ctx.input.branch
        })`,
      );
    },
  });
}
