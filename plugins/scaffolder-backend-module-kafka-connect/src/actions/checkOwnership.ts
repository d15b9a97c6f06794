import { Config } from '@backstage/config';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { refuseInput } from '../lib/errors';
import { assertMayChangeCluster } from '../lib/existingCluster';
import { CLUSTER_FILE } from '../lib/guard';
import { clusterFileSources, Destination } from '../lib/openClusterFileSource';
import { readAnyOwnerFor } from '../lib/ownership';
import { joinRelative } from '../lib/paths';
import { publishFolders } from '../lib/publishFolders';
import { branchNameProblem } from '../lib/refName';
import { REPOSITORY_KEY } from '../lib/settings';
import { readSourceIdentity } from '../lib/sourceFiles';
import { workspaceFolder } from '../lib/workspaceFolder';
import { examples } from './checkOwnership.examples';
import {
  clusterDestination,
  clusterTargetPath,
  forgeRepoUrl,
  forgeUserToken,
  renderedSourcePath,
} from './inputProperties';

export const CHECK_OWNERSHIP_ACTION_ID = 'kafka-connect:check-ownership';

/**
 * Options for {@link createCheckOwnershipAction}.
 *
 * @public
 */
export interface CheckOwnershipActionOptions {
  /**
   * The root config: `kafkaConnect.gitops.*` for the local destination, `integrations.github`
   * and `integrations.gitlab` for the forges, `kafkaConnect.ownership.anyOwnerFor` for who may
   * act for any owner, `scaffolder.requireScmUserCredentials` (on: GitHub and GitLab are read
   * only with the user's `token`).
   */
  config: Config;
  /** Where a relative repository path is resolved from. Defaults to the backend's working directory. */
  workingDirectory?: string;
}

/**
 * Refuses a change to a cluster that is already in the GitOps repository unless the user who
 * started the task may act for its owner (and, for a move, for the new owner too). Run it
 * after `kafka-connect:render` and before any step that pushes or opens a request.
 *
 * @public
 */
export function createCheckOwnershipAction(
  options: CheckOwnershipActionOptions,
) {
  const sources = clusterFileSources(
    options.config,
    options.workingDirectory,
    CHECK_OWNERSHIP_ACTION_ID,
  );
  const anyOwnerFor = readAnyOwnerFor(options.config);

  return createTemplateAction({
    id: CHECK_OWNERSHIP_ACTION_ID,
    description:
      "Reads the cluster's connect-cluster.yaml at targetPath on the GitOps repository's default branch (and on the change's branch, when it exists) and refuses the change unless the user may act for the cluster's current owner. Run it before publishing to any destination.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        sourcePath: renderedSourcePath,
        targetPath: clusterTargetPath,
        branch: z =>
          z
            .string()
            .optional()
            .describe(
              'The branch the change goes to, e.g. kafka-connect/orders; when it exists, the cluster on it is checked too (a pending change of another team).',
            ),
        destination: clusterDestination,
        repoUrl: forgeRepoUrl,
        token: forgeUserToken,
      },
      output: {
        existing: z =>
          z
            .boolean()
            .describe(
              'Whether the repository already holds the cluster (on the default branch or the branch).',
            ),
        currentOwner: z =>
          z
            .string()
            .optional()
            .describe(
              'The owner of the cluster already there, as an entity ref; absent for a new cluster.',
            ),
      },
    },
    async handler(ctx) {
      const destination: Destination = ctx.input.destination ?? 'local';
      const { sourcePath, targetPath } = publishFolders(ctx.input);
      const branch = ctx.input.branch || undefined;
      if (branch !== undefined) {
        const problem = branchNameProblem(branch);
        if (problem)
          throw refuseInput(
            `branch ${problem} (got ${JSON.stringify(branch)})`,
          );
      }

      const sourceDir = await workspaceFolder(
        ctx.workspacePath,
        sourcePath,
        'sourcePath',
        "run kafka-connect:render first, with its targetPath equal to this step's sourcePath",
      );
      const incoming = await readSourceIdentity(sourceDir, sourcePath);
      if (incoming.owner === undefined) {
        throw refuseInput(
          `sourcePath: ${joinRelative(
            sourcePath,
            CLUSTER_FILE,
          )} names no owner: run kafka-connect:render first, with its targetPath equal to this step's sourcePath`,
        );
      }

      if (destination === 'local' && ctx.input.repoUrl) {
        ctx.logger.info(
          `repoUrl ${ctx.input.repoUrl} is not read: the local destination is ${REPOSITORY_KEY}`,
        );
      }

      await sources.use({ ...ctx.input, destination }, ctx, async source => {
        const defaultBranch = await source.defaultBranch();
        const refs = [defaultBranch, branch].filter(
          (ref, i, all): ref is string =>
            ref !== undefined && all.indexOf(ref) === i,
        );
        const file = joinRelative(targetPath, CLUSTER_FILE);
        let currentOwner: string | undefined;
        for (const ref of refs) {
          const text = await source.readFile(ref, file);
          if (text === undefined) continue;
          const { owner, notes } = assertMayChangeCluster({
            existingText: text,
            place: {
              folder: targetPath,
              ref: `branch ${ref}`,
              repository: source.repository,
            },
            incomingOwner: incoming.owner,
            user: ctx.user,
            anyOwnerFor,
          });
          notes.forEach(note => ctx.logger.info(note));
          // The default branch's owner is the cluster's; a pending branch's only if it is new.
          currentOwner ??= owner;
          ctx.logger.info(
            `${file} on branch ${ref} of ${source.repository} is owned by ${owner}: ${ctx.user?.ref} may change it`,
          );
        }
        if (currentOwner === undefined) {
          ctx.logger.info(
            `${targetPath} holds no cluster on ${refs
              .map(r => `branch ${r}`)
              .join(' or ')} of ${source.repository}: a new cluster`,
          );
        }
        ctx.output('existing', currentOwner !== undefined);
        if (currentOwner !== undefined)
          ctx.output('currentOwner', currentOwner);
      });
    },
  });
}
