import { AuditorService } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { PendingClusterChanges, taskOf } from '../lib/audit';
import { publishFolders } from '../lib/publishFolders';
import { readSourceIdentity } from '../lib/sourceFiles';
import { workspaceFolder } from '../lib/workspaceFolder';
import { examples } from './audit.examples';
import { clusterTargetPath, renderedSourcePath } from './inputProperties';

export const AUDIT_ACTION_ID = 'kafka-connect:audit';

const FORGES = ['github', 'gitlab'] as const;
const STAGES = ['initiated', 'succeeded'] as const;

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
 * Records the `kafka-connect-cluster-change` audit event of a cluster sent to GitHub or GitLab
 * in two steps around the publish steps: `stage: initiated` before the first of them, and
 * `stage: succeeded` (the default) after the step that opened or updated the pull or merge
 * request, with its URL. A publish that fails leaves the event `initiated` without
 * `succeeded`. (The local destination's event is written by `kafka-connect:git:push-branch`
 * itself, around its push.)
 *
 * @public
 */
export function createAuditAction(options: AuditActionOptions) {
  const pending = new PendingClusterChanges(options.auditor);
  return createTemplateAction({
    id: AUDIT_ACTION_ID,
    description:
      'Records the audit event kafka-connect-cluster-change (the user, the cluster, the repository, the branch and the pull or merge request) for a cluster published to GitHub or GitLab: stage initiated in a step before the publish steps, stage succeeded in a step after the one that opens the request.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        sourcePath: renderedSourcePath,
        targetPath: clusterTargetPath,
        stage: z =>
          z
            .enum(STAGES)
            .optional()
            .describe(
              'initiated: before the publish steps; succeeded (default): after the step that opens the request.',
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
      const { sourcePath, targetPath: folder } = publishFolders(ctx.input);
      const sourceDir = await workspaceFolder(
        ctx.workspacePath,
        sourcePath,
        'sourcePath',
        'run kafka-connect:render first',
      );
      const cluster = await readSourceIdentity(sourceDir, sourcePath);
      if (ctx.isDryRun) {
        ctx.logger.info('Dry run: no audit event (nothing was published)');
        return;
      }
      const record = {
        ...taskOf(ctx),
        cluster: { ...cluster, folder },
        destination: {
          type: ctx.input.destination,
          repository: ctx.input.repoUrl,
          branch: ctx.input.branch,
        },
        pullRequestUrl: ctx.input.pullRequestUrl || undefined,
      };
      const where = `${cluster.namespace}/${cluster.name} (${
        record.pullRequestUrl ?? ctx.input.branch
      })`;
      if (ctx.input.stage === 'initiated') {
        await pending.initiate(record);
        ctx.logger.info(`Recorded the start of the change of ${where}`);
      } else {
        await pending.succeed(record);
        ctx.logger.info(`Recorded the change of ${where}`);
      }
    },
  });
}
