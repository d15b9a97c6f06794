import { Config } from '@backstage/config';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { changeBranch } from '@connect-skeleton/plugin-kafka-connect-common';
import { refuseInput } from '../lib/errors';
import { clusterFileSources, Destination } from '../lib/openClusterFileSource';
import { relativeFolder } from '../lib/paths';
import { branchNameProblem } from '../lib/refName';
import { examples } from './readPendingChange.examples';
import {
  clusterDestination,
  clusterTargetPath,
  forgeRepoUrl,
  forgeUserToken,
} from './inputProperties';

export const READ_PENDING_CHANGE_ACTION_ID =
  'kafka-connect:read-pending-change';

/**
 * Options for {@link createReadPendingChangeAction}.
 *
 * @public
 */
export interface ReadPendingChangeActionOptions {
  /**
   * The root config: `kafkaConnect.gitops.*` for the local destination, `integrations.github`
   * and `integrations.gitlab` for the forges, `scaffolder.requireScmUserCredentials` (on:
   * GitHub and GitLab are read only with the user's `token`).
   */
  config: Config;
  /** Where a relative repository path is resolved from. Defaults to the backend's working directory. */
  workingDirectory?: string;
}

/**
 * Lists the files of a cluster's folder on the branch its changes go to, when that branch
 * exists: a change that is not merged yet. A new change replaces it on the branch, so
 * kafka-connect:summarise-change needs these files to delete those the new render no longer
 * makes, and to say that the request replaces the pending change.
 *
 * @public
 */
export function createReadPendingChangeAction(
  options: ReadPendingChangeActionOptions,
) {
  const sources = clusterFileSources(
    options.config,
    options.workingDirectory,
    READ_PENDING_CHANGE_ACTION_ID,
  );

  return createTemplateAction({
    id: READ_PENDING_CHANGE_ACTION_ID,
    description:
      "Lists the files of the cluster's folder at targetPath on the change's branch, when the branch exists (a change not merged yet), each with its Git blob id, for kafka-connect:summarise-change.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        targetPath: clusterTargetPath,
        branch: z =>
          z
            .string()
            .describe(
              `The branch the change goes to, e.g. ${changeBranch(
                'clusters/prod/orders',
              )}.`,
            ),
        destination: clusterDestination,
        repoUrl: forgeRepoUrl,
        token: forgeUserToken,
      },
      output: {
        exists: z =>
          z
            .boolean()
            .describe(
              'Whether the branch exists and holds files below targetPath.',
            ),
        files: z =>
          z
            .record(z.string(), z.string())
            .describe(
              "The folder's files on the branch: path relative to targetPath → Git blob id; empty when it does not exist.",
            ),
      },
    },
    async handler(ctx) {
      const destination: Destination = ctx.input.destination ?? 'local';
      const targetPath = relativeFolder(ctx.input.targetPath, 'targetPath', {
        allowRoot: false,
      });
      const { branch } = ctx.input;
      const problem = branchNameProblem(branch);
      if (problem)
        throw refuseInput(`branch ${problem} (got ${JSON.stringify(branch)})`);

      await sources.use({ ...ctx.input, destination }, ctx, async source => {
        const files = await source.listFolder(branch, targetPath);
        ctx.logger.info(
          files
            ? `Branch ${branch} of ${source.repository} holds ${files.size} files in ${targetPath}: a change that is not merged yet`
            : `Branch ${branch} of ${source.repository} does not exist or holds nothing in ${targetPath}: no change is pending`,
        );
        ctx.output('exists', files !== undefined);
        ctx.output('files', Object.fromEntries(files ?? []));
      });
    },
  });
}
