import { Config } from '@backstage/config';
import { NotFoundError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { refuseInput, userFacing } from '../lib/errors';
import { gitlabStatusOf } from '../lib/gitlabApi';
import { gitlabProjects } from '../lib/gitlabProject';
import { joinRelative, relativeFolder } from '../lib/paths';
import { branchNameProblem } from '../lib/refName';
import { examples } from './gitlabDeleteFiles.examples';
import { gitlabRepoUrl, gitlabToken } from './inputProperties';

export const GITLAB_DELETE_FILES_ACTION_ID =
  'kafka-connect:gitlab:delete-files';

/**
 * Options for {@link createGitlabDeleteFilesAction}.
 *
 * @public
 */
export interface GitlabDeleteFilesActionOptions {
  /**
   * The root config; its `integrations.gitlab` entries give the API URL and token of each
   * host. With `scaffolder.requireScmUserCredentials` on, the step needs the user's `token`.
   */
  config: Config;
}

/** The fields of GitLab's commit object that the action reads. */
interface CommitJson {
  id: string;
}

/** What the checkpoint keeps: JSON, so that a resumed task gets it back as it was. */
type DeleteResult = { deleted: string[]; commitHash: string | null };

/**
 * Deletes files from a branch of a GitLab project in one commit, leaving out those that are
 * not (or no longer) on the branch: with none left, it commits nothing.
 *
 * Run it after Backstage's `gitlab:repo:push`, whose `commitAction: auto` creates and updates
 * files but never deletes one, to take out of a merge request the files a change drops (a
 * removed connector's, say). Running it again, the files are gone and nothing happens, where
 * `gitlab:repo:push` with `commitAction: delete` would fail on the missing files.
 *
 * @public
 */
export function createGitlabDeleteFilesAction(
  options: GitlabDeleteFilesActionOptions,
) {
  const gitlab = gitlabProjects(options.config, GITLAB_DELETE_FILES_ACTION_ID);

  return createTemplateAction({
    id: GITLAB_DELETE_FILES_ACTION_ID,
    description:
      'Deletes files from a branch of a GitLab project in one commit, leaving out those that are not on the branch; none left, no commit. Run it after gitlab:repo:push (which never deletes a file) to remove the files a change drops: running it again commits nothing.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        repoUrl: gitlabRepoUrl,
        branch: z =>
          z
            .string()
            .describe(
              'The branch to delete the files on, e.g. kafka-connect/orders. It must exist (kafka-connect:gitlab:branch and gitlab:repo:push make it).',
            ),
        filesToDelete: z =>
          z
            .array(z.string())
            .describe(
              "The files to delete, relative to targetPath (e.g. kafka-connect:summarise-change's removed). Those not on the branch are left out; an empty list does nothing.",
            ),
        targetPath: z =>
          z
            .string()
            .optional()
            .describe(
              "The folder of the repository that filesToDelete are relative to, as gitlab:repo:push's targetPath. Default: the repository's top.",
            ),
        commitMessage: z =>
          z.string().describe('The message of the commit that deletes them.'),
        token: gitlabToken,
      },
      output: {
        deleted: z =>
          z
            .array(z.string())
            .describe(
              'The files this run deleted (in a dry run: would delete), as paths of the repository; empty when none of them was on the branch.',
            ),
        commitHash: z =>
          z
            .string()
            .optional()
            .describe(
              'The commit that deleted them; not set when there was nothing to delete.',
            ),
      },
    },
    async handler(ctx) {
      const input = checkInput(ctx.input);
      const { branch, files } = input;
      // Before the empty case too: a template that does not pass the user's token fails on
      // every run, not only on those that delete a file.
      gitlab.assertUserToken(input);
      if (files.length === 0) {
        ctx.logger.info(`No file to delete on branch ${branch}`);
        ctx.output('deleted', []);
        return;
      }
      const { project, projectPath, where, call, find, exists } = gitlab.open(
        input,
        { signal: ctx.signal, about: `branch ${branch}` },
      );

      /** Fails unless the branch exists: a missing one would look like files already gone. */
      const checkBranch = async () => {
        // https://docs.gitlab.com/api/branches/#get-single-repository-branch
        const found = await find<object>({
          method: 'GET',
          path: `${projectPath}/repository/branches/${encodeURIComponent(
            branch,
          )}`,
          purpose: 'read the branch',
        });
        if (found) return;
        // A missing project is a 404 too: reading it says which one is missing.
        // https://docs.gitlab.com/api/projects/#get-a-single-project
        await call<object>({
          method: 'GET',
          path: projectPath,
          purpose: 'read the project',
        });
        throw userFacing(
          new NotFoundError(
            `Branch ${branch} of ${where} does not exist, so no file can be deleted on it: make sure it exists (kafka-connect:gitlab:branch, then gitlab:repo:push) before this step`,
          ),
        );
      };

      /** The files that are on the branch now, in the order given. */
      const onBranch = async (): Promise<string[]> => {
        const found: string[] = [];
        for (const file of files) {
          // https://docs.gitlab.com/api/repository_files/#get-file-metadata-only : HEAD
          // answers 200 with headers only, 404 for a file that is not there.
          const there = await exists({
            path: `${projectPath}/repository/files/${encodeURIComponent(file)}`,
            query: { ref: branch },
            purpose: `look up ${file}`,
          });
          if (there) found.push(file);
        }
        return found;
      };

      if (ctx.isDryRun) {
        await checkBranch();
        const found = await onBranch();
        ctx.logger.info(
          found.length
            ? `Dry run: would delete ${
                found.length
              } files on branch ${branch} of ${where} in one commit: ${found.join(
                ', ',
              )}`
            : `Dry run: none of the ${files.length} files is on branch ${branch} of ${where}: nothing to delete`,
        );
        ctx.output('deleted', found);
        return;
      }

      // A stable key: a task resumed after this step gets the first run's answer back; one
      // resumed in the middle of it looks again and finds the files it deleted gone.
      const result = await ctx.checkpoint<DeleteResult>({
        key: `kafka-connect.gitlab.delete-files.${project}.${branch}.${input.targetPath}`,
        fn: async () => {
          await checkBranch();
          const found = await onBranch();
          if (found.length === 0) return { deleted: [], commitHash: null };
          try {
            // https://docs.gitlab.com/api/commits/#create-a-commit-with-multiple-files-and-actions
            const commit = await call<CommitJson>({
              method: 'POST',
              path: `${projectPath}/repository/commits`,
              body: {
                branch,
                commit_message: input.commitMessage,
                actions: found.map(file => ({
                  action: 'delete',
                  file_path: file,
                })),
              },
              purpose: `commit the deletion of ${found.length} files`,
            });
            return { deleted: found, commitHash: commit.id };
          } catch (error) {
            // No answer or a 5xx says nothing about whether GitLab committed; a 400 may be a
            // file deleted by someone else meanwhile. Either way, what is left decides.
            const status = gitlabStatusOf(error);
            if (
              status === undefined ||
              (status !== 0 && status !== 400 && status < 500)
            )
              throw error;
            const left = await onBranch().catch(() => undefined);
            if (!left || left.length > 0) throw error;
            ctx.logger.warn(
              `${
                (error as Error).message
              }; yet none of the files is on the branch any more`,
            );
            return { deleted: found, commitHash: null };
          }
        },
      });

      if (result.deleted.length === 0) {
        ctx.logger.info(
          `None of the ${files.length} files to delete is on branch ${branch} of ${where}: nothing to commit`,
        );
      } else {
        ctx.logger.info(
          `Deleted ${
            result.deleted.length
          } files on branch ${branch} of ${where}${
            result.commitHash ? ` in commit ${result.commitHash}` : ''
          }: ${result.deleted.join(', ')}`,
        );
      }
      ctx.output('deleted', result.deleted);
      if (result.commitHash) ctx.output('commitHash', result.commitHash);
    },
  });
}

interface CheckedInput {
  repoUrl: string;
  branch: string;
  /** The folder, normalised: `.` for the top. */
  targetPath: string;
  /** The files as paths of the repository, each once. */
  files: string[];
  commitMessage: string;
  token?: string;
}

/** The scaffolder checks types; this checks what GitLab would refuse less clearly, or not at all. */
function checkInput(input: {
  repoUrl: string;
  branch: string;
  filesToDelete: string[];
  targetPath?: string;
  commitMessage: string;
  token?: string;
}): CheckedInput {
  const problem = branchNameProblem(input.branch);
  if (problem)
    throw refuseInput(
      `branch ${problem} (got ${JSON.stringify(input.branch)})`,
    );
  const commitMessage = input.commitMessage.trim();
  if (!commitMessage) throw refuseInput('commitMessage must not be empty');
  const targetPath = relativeFolder(input.targetPath ?? '.', 'targetPath', {
    allowRoot: true,
  });
  // The same rules as a folder: relative, inside targetPath, not into .git.
  const files = input.filesToDelete.map((file, i) =>
    joinRelative(
      targetPath,
      relativeFolder(file, `filesToDelete[${i}]`, { allowRoot: false }),
    ),
  );
  return {
    repoUrl: input.repoUrl,
    branch: input.branch,
    targetPath,
    files: [...new Set(files)],
    commitMessage,
    token: input.token || undefined,
  };
}
