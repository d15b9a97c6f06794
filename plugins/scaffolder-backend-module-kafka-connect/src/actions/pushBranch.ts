import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  commitStaged,
  fetchBranches,
  pushBranch,
  remoteHeads,
  replaceFolder,
  trackingRef,
} from '../lib/clone';
import { userFacing } from '../lib/errors';
import { createGit } from '../lib/git';
import { formatIdentity, guardTargetFolder } from '../lib/guard';
import { mergeInstructions } from '../lib/instructions';
import { assertRealPathInside, resolveInside } from '../lib/paths';
import { checkPushInput } from '../lib/pushInput';
import { readGitopsSettings, REPOSITORY_KEY } from '../lib/settings';
import { listSourceFiles, readSourceIdentity } from '../lib/sourceFiles';
import { examples } from './pushBranch.examples';

export const PUSH_BRANCH_ACTION_ID = 'kafka-connect:git:push-branch';

/**
 * Options for {@link createGitPushBranchAction}.
 *
 * @public
 */
export interface GitPushBranchActionOptions {
  /**
   * The root config. `kafkaConnect.gitops.repository` is the repository pushed to: a path to
   * a bare repository (relative to `workingDirectory`) or a URL; `kafkaConnect.gitops.defaultBranch`
   * (default `main`) is the branch that new branches start from and that the guard reads.
   */
  config: Config;
  /** Where a relative repository path is resolved from. Defaults to the backend's working directory. */
  workingDirectory?: string;
  /** The clock for commit dates. Defaults to the current time. */
  now?: () => Date;
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

  return createTemplateAction({
    id: PUSH_BRANCH_ACTION_ID,
    description:
      'Pushes a folder of the workspace (the rendered Kafka Connect cluster) into a folder of the GitOps repository configured at kafkaConnect.gitops.repository, as a branch to review and merge. Refuses a folder that already holds another cluster.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        sourcePath: z =>
          z
            .string()
            .optional()
            .describe(
              'Workspace folder holding the rendered files, with connect-cluster.yaml at its top (default ".").',
            ),
        targetPath: z =>
          z
            .string()
            .describe(
              'Folder in the repository that holds this cluster, e.g. clusters/prod/orders. Relative, no "..".',
            ),
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
      const { remote, displayRemote, defaultBranch } = settings;
      if (!remote || !displayRemote) {
        throw userFacing(
          new InputError(
            `${REPOSITORY_KEY} is not configured: set it in the app config to the GitOps repository (a path to a bare repository, or a URL)`,
          ),
        );
      }
      const input = checkPushInput(ctx.input, defaultBranch);

      const sourceDir = resolveInside(ctx.workspacePath, input.sourcePath);
      const isFolder = await fs.stat(sourceDir).then(
        s => s.isDirectory(),
        () => false,
      );
      if (!isFolder) {
        throw userFacing(
          new InputError(
            `sourcePath: ${input.sourcePath} is not a folder of the workspace`,
          ),
        );
      }
      await assertRealPathInside(ctx.workspacePath, sourceDir);
      const identity = await readSourceIdentity(sourceDir, input.sourcePath);
      const files = await listSourceFiles(sourceDir, input.sourcePath);
      const message =
        input.commitMessage ??
        `Kafka Connect cluster ${formatIdentity(identity)} in ${
          input.targetPath
        }`;

      // Our own temporary folder, removed below whatever happens: the clone and an empty HOME.
      const tempDir = await fs.mkdtemp(
        path.join(os.tmpdir(), 'kafka-connect-push-'),
      );
      try {
        const cloneDir = path.join(tempDir, 'clone');
        const home = path.join(tempDir, 'home');
        await fs.mkdir(home);
        await fs.mkdir(cloneDir);
        const git = createGit({ cwd: cloneDir, home, signal: ctx.signal });
        await git(['init', '--quiet', '--template=']);

        const heads = await remoteHeads(git, remote, displayRemote, [
          defaultBranch,
          input.branch,
        ]);
        if (!heads.has(defaultBranch)) {
          throw userFacing(
            new InputError(
              `The GitOps repository ${displayRemote} has no branch ${defaultBranch}: push a first commit to it, or set kafkaConnect.gitops.defaultBranch`,
            ),
          );
        }
        const branchExists = heads.has(input.branch);
        await fetchBranches(git, remote, displayRemote, [...heads.keys()]);

        // Before anything is changed: the folder must be new, or this same cluster's.
        await guardTargetFolder(
          git,
          [
            {
              ref: trackingRef(defaultBranch),
              label: `branch ${defaultBranch}`,
            },
            ...(branchExists
              ? [
                  {
                    ref: trackingRef(input.branch),
                    label: `branch ${input.branch}`,
                  },
                ]
              : []),
          ],
          input.targetPath,
          identity,
        );

        const base = branchExists ? input.branch : defaultBranch;
        await git([
          'checkout',
          '--quiet',
          '-B',
          input.branch,
          trackingRef(base),
          '--',
        ]);
        const staged = await replaceFolder(
          git,
          cloneDir,
          input.targetPath,
          sourceDir,
          files,
        );

        let commit = heads.get(base)!;
        if (staged.changed) {
          commit = await commitStaged(git, {
            message,
            authorName: input.authorName,
            authorEmail: input.authorEmail,
            date: now(),
          });
          ctx.logger.info(
            `Committed ${commit} on ${input.branch}: ${staged.changes.join(
              '; ',
            )}`,
          );
        } else {
          ctx.logger.info(
            `${input.targetPath} on ${base} already holds these ${files.length} files: no commit`,
          );
        }

        if (staged.changed && !ctx.isDryRun) {
          // The key follows the content, so a resumed task that already pushed it does not push twice.
          commit = await ctx.checkpoint({
            key: `push-branch-${input.branch}-${staged.tree}`,
            fn: async () => {
              await pushBranch(git, remote, displayRemote, input.branch);
              return commit;
            },
          });
          ctx.logger.info(
            `Pushed branch ${input.branch} (${commit}) to ${displayRemote}`,
          );
        } else if (ctx.isDryRun) {
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
