import { AuditorService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import { auditedClusterChange, taskOf } from '../lib/audit';
import { assertMayChangeCluster } from '../lib/existingCluster';
import { allowedGitopsRemote } from '../lib/gitopsRemote';
import { formatIdentity } from '../lib/guard';
import { mergeInstructions } from '../lib/instructions';
import { readAnyOwnerFor } from '../lib/ownership';
import { checkPushInput } from '../lib/pushInput';
import { pushWithRetry } from '../lib/pushWithRetry';
import { readGitopsSettings } from '../lib/settings';
import { listSourceFiles, readSourceIdentity } from '../lib/sourceFiles';
import { readUserCredentialsRule } from '../lib/userCredentials';
import { workspaceFolder } from '../lib/workspaceFolder';
import { clusterTargetPath, renderedSourcePath } from './inputProperties';
import { examples } from './pushBranch.examples';

export const PUSH_BRANCH_ACTION_ID = 'kafka-connect:git:push-branch';

export { MAX_PUSH_ATTEMPTS } from '../lib/pushWithRetry';

/**
 * Options for {@link createGitPushBranchAction}.
 *
 * @public
 */
export interface GitPushBranchActionOptions {
  /**
   * The root config. `kafkaConnect.gitops.repository` is the repository pushed to: a path to
   * a bare repository (relative to `workingDirectory`) or a URL; `kafkaConnect.gitops.defaultBranch`
   * (default `main`) is the branch that new branches start from and that the guard reads;
   * `kafkaConnect.ownership.anyOwnerFor` lists users and groups whose members may change any
   * team's cluster. With `scaffolder.requireScmUserCredentials` on, a repository on a GitHub or
   * GitLab host of `integrations` is refused: the push uses the backend's git credentials.
   */
  config: Config;
  /** Where a relative repository path is resolved from. Defaults to the backend's working directory. */
  workingDirectory?: string;
  /** The clock for commit dates. Defaults to the current time. */
  now?: () => Date;
  /**
   * The scaffolder's auditor: each push (not a dry run) leaves a `kafka-connect-cluster-change`
   * event, succeeded or failed. None: no audit event.
   */
  auditor?: AuditorService;
}

/**
 * Pushes rendered files as a branch of the platform's GitOps repository, ready for review
 * and merge. The repository comes from the app config, never from the template.
 *
 * @public
 */
export function createGitPushBranchAction(options: GitPushBranchActionOptions) {
  const settings = readGitopsSettings(options.config, options.workingDirectory);
  const now = options.now ?? (() => new Date());
  const anyOwnerFor = readAnyOwnerFor(options.config);
  const userCredentials = readUserCredentialsRule(
    options.config,
    ScmIntegrations.fromConfig(options.config),
  );

  return createTemplateAction({
    id: PUSH_BRANCH_ACTION_ID,
    description:
      'Pushes a folder of the workspace (the rendered Kafka Connect cluster) into a folder of the GitOps repository configured at kafkaConnect.gitops.repository, as a branch to review and merge. Refuses a folder that already holds another cluster, and a cluster whose owner the user may not act for.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        sourcePath: renderedSourcePath,
        targetPath: clusterTargetPath,
        branch: z =>
          z
            .string()
            .describe(
              'Branch to push, e.g. kafka-connect/orders. Re-running updates the same branch.',
            ),
        commitMessage: z =>
          z
            .string()
            .optional()
            .describe(
              'Commit message. Default: one naming the cluster and the folder.',
            ),
        authorName: z =>
          z
            .string()
            .optional()
            .describe(
              'Author and committer name (default "Backstage Scaffolder").',
            ),
        authorEmail: z =>
          z
            .string()
            .optional()
            .describe(
              'Author and committer e-mail (default "scaffolder@backstage.local").',
            ),
      },
      output: {
        remote: z =>
          z
            .string()
            .describe('The repository, as configured (credentials masked).'),
        branch: z => z.string().describe('The branch pushed.'),
        commit: z =>
          z
            .string()
            .describe(
              'The commit at the tip of the branch (in a dry run: the commit that would be pushed).',
            ),
        defaultBranch: z => z.string().describe('The branch to merge into.'),
        changed: z =>
          z
            .boolean()
            .describe(
              'Whether a new commit was made; false when the files were already there.',
            ),
        instructions: z =>
          z
            .string()
            .describe('Markdown: how to look at the branch and merge it.'),
      },
    },
    async handler(ctx) {
      const { remote, displayRemote } = allowedGitopsRemote(
        settings,
        userCredentials,
        PUSH_BRANCH_ACTION_ID,
      );
      const { defaultBranch } = settings;
      const input = checkPushInput(ctx.input, defaultBranch);

      const sourceDir = await workspaceFolder(
        ctx.workspacePath,
        input.sourcePath,
        'sourcePath',
      );
      const identity = await readSourceIdentity(sourceDir, input.sourcePath);
      const files = await listSourceFiles(sourceDir, input.sourcePath);
      const message =
        input.commitMessage ??
        `Kafka Connect cluster ${formatIdentity(identity)} in ${
          input.targetPath
        }`;

      // The step's temporary folder (the scaffolder's, beside the task workspace), removed
      // below as soon as the step ends, whatever happens: the clones and an empty HOME.
      const tempDir = await ctx.createTemporaryDirectory();
      try {
        const home = path.join(tempDir, 'home');
        await fs.mkdir(home);
        const push = () =>
          pushWithRetry(
            {
              remote,
              displayRemote,
              defaultBranch,
              initializeEmptyRepository: settings.initializeEmptyRepository,
              isDryRun: ctx.isDryRun ?? false,
              input,
              identity,
              checkExistingCluster: (clusterFile, ref) => {
                const { notes } = assertMayChangeCluster({
                  existingText: clusterFile,
                  place: {
                    folder: input.targetPath,
                    ref,
                    repository: displayRemote,
                  },
                  incomingOwner: identity.owner,
                  user: ctx.user,
                  anyOwnerFor,
                });
                notes.forEach(note => ctx.logger.info(note));
              },
              sourceDir,
              files,
              message,
              now,
              tempDir,
              home,
              signal: ctx.signal,
              logger: ctx.logger,
            },
            { checkpoint: ctx.checkpoint, isDryRun: ctx.isDryRun ?? false },
          );
        const { staged, branchExists, commit } = ctx.isDryRun
          ? await push()
          : await auditedClusterChange(
              options.auditor,
              {
                ...taskOf(ctx),
                cluster: { ...identity, folder: input.targetPath },
                destination: {
                  type: 'local',
                  repository: displayRemote,
                  branch: input.branch,
                },
              },
              push,
              pushed => ({
                commit: pushed.commit,
                changed: pushed.staged.changed,
              }),
            );
        if (ctx.isDryRun) {
          ctx.logger.info(`Dry run: nothing pushed to ${displayRemote}`);
        }

        ctx.output('remote', displayRemote);
        ctx.output('branch', input.branch);
        ctx.output('commit', commit);
        ctx.output('defaultBranch', defaultBranch);
        ctx.output('changed', staged.changed);
        ctx.output(
          'instructions',
          mergeInstructions({
            displayRemote,
            localPath: settings.isLocal ? remote : undefined,
            branch: input.branch,
            defaultBranch,
            targetPath: input.targetPath,
            commit,
            changed: staged.changed,
            branchExists: branchExists || (staged.changed && !ctx.isDryRun),
            dryRun: ctx.isDryRun ?? false,
          }),
        );
      } finally {
        await fs.rm(tempDir, { recursive: true, force: true });
      }
    },
  });
}
