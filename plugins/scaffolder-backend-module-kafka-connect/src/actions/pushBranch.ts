import { Config } from '@backstage/config';
import { ConflictError, InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  commitStaged,
  fetchBranches,
  pushBranch,
  PushError,
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
 * How many times the branch is read, committed and pushed when another task moves it in
 * between. Each attempt re-reads the remote, so two tasks pushing the same files end with one
 * commit; a branch that keeps moving fails the step rather than retrying for ever.
 */
export const MAX_PUSH_ATTEMPTS = 4;

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

      // Our own temporary folder, removed below whatever happens: the clones and an empty HOME.
      const tempDir = await fs.mkdtemp(
        path.join(os.tmpdir(), 'kafka-connect-push-'),
      );
      try {
        const home = path.join(tempDir, 'home');
        await fs.mkdir(home);

        /**
         * Steps 1 to 4 in a fresh clone: read the remote, guard, check out, replace the folder
         * and commit when something changed. Run again when the branch moved during the push.
         */
        const prepare = async (attempt: number) => {
          const cloneDir = path.join(tempDir, `clone-${attempt}`);
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
          return { git, branchExists, staged, commit };
        };

        let attempt = 1;
        let prepared = await prepare(attempt);
        let { commit } = prepared;
        while (prepared.staged.changed && !ctx.isDryRun) {
          const current = prepared;
          const { git, staged } = current;
          try {
            // The key follows the content, so a resumed task that already pushed it does not push twice.
            commit = await ctx.checkpoint({
              key: `push-branch-${input.branch}-${staged.tree}`,
              fn: async () => {
                await pushBranch(git, remote, displayRemote, input.branch);
                return current.commit;
              },
            });
            ctx.logger.info(
              `Pushed branch ${input.branch} (${commit}) to ${displayRemote}`,
            );
            break;
          } catch (error) {
            if (!(error instanceof PushError)) throw error;
            if (error.failure === 'unreachable') {
              // The connection may have dropped after the remote took the push: look again.
              const landed = await remoteHeads(git, remote, displayRemote, [
                input.branch,
              ]).then(
                heads => heads.get(input.branch) === current.commit,
                () => false,
              );
              if (!landed) throw error;
              ctx.logger.info(
                `Pushed branch ${input.branch} (${commit}) to ${displayRemote}, although git reported: ${error.stderr}`,
              );
              break;
            }
            if (error.failure !== 'moved') throw error;
            if (attempt >= MAX_PUSH_ATTEMPTS) {
              throw userFacing(
                new ConflictError(
                  `Branch ${input.branch} of the GitOps repository ${displayRemote} kept changing while this task pushed it (${attempt} attempts): another task is pushing the same branch. Nothing of this task was pushed; run it again once the other one is done. Git said: ${error.stderr}`,
                ),
              );
            }
            // Another task pushed the branch meanwhile: read it again, guard again, and
            // commit on top of it (or find that it already holds these files).
            ctx.logger.info(
              `Branch ${
                input.branch
              } changed in ${displayRemote} while this task pushed it (another task pushed it meanwhile); reading it again (attempt ${
                attempt + 1
              } of ${MAX_PUSH_ATTEMPTS})`,
            );
            attempt += 1;
            prepared = await prepare(attempt);
            commit = prepared.commit;
          }
        }
        if (ctx.isDryRun) {
          ctx.logger.info(`Dry run: nothing pushed to ${displayRemote}`);
        }
        const { staged, branchExists } = prepared;

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
