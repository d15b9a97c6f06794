import { ConflictError } from '@backstage/errors';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { BranchCommit, BranchJob, commitOnBranch } from './branchCommit';
import { pushBranch, PushError, remoteHeads } from './clone';
import { userFacing } from './errors';

/**
 * How many times the branch is read, committed and pushed when another task moves it in
 * between. Each attempt re-reads the remote, so two tasks pushing the same files end with one
 * commit; a branch that keeps moving fails the step rather than retrying for ever.
 */
export const MAX_PUSH_ATTEMPTS = 4;

type Checkpoint = ActionContext<any, any>['checkpoint'];

/**
 * Makes the commit and pushes it. When the push is refused because another task moved the
 * branch, everything is read, guarded and committed again on top of it (or found already
 * there); when the remote went away during the push, the branch is read once more, since
 * the push may have landed before the connection broke. A dry run commits and stops.
 */
export async function pushWithRetry(
  job: BranchJob,
  options: { checkpoint: Checkpoint; isDryRun: boolean },
): Promise<BranchCommit> {
  const { remote, displayRemote, input, logger } = job;
  for (let attempt = 1; ; attempt++) {
    const made = await commitOnBranch(job, attempt);
    if (!made.staged.changed || options.isDryRun) return made;
    try {
      // The key follows the content, so a resumed task that already pushed it does not push twice.
      const commit = await options.checkpoint({
        key: `push-branch-${input.branch}-${made.staged.tree}`,
        fn: async () => {
          await pushBranch(made.git, remote, displayRemote, input.branch);
          return made.commit;
        },
      });
      logger.info(
        `Pushed branch ${input.branch} (${commit}) to ${displayRemote}`,
      );
      return { ...made, commit };
    } catch (error) {
      if (!(error instanceof PushError)) throw error;
      if (error.failure === 'unreachable') {
        const landed = await remoteHeads(made.git, remote, displayRemote, [
          input.branch,
        ]).then(
          heads => heads.get(input.branch) === made.commit,
          () => false,
        );
        if (!landed) throw error;
        logger.info(
          `Pushed branch ${input.branch} (${made.commit}) to ${displayRemote}, although git reported: ${error.stderr}`,
        );
        return made;
      }
      if (error.failure !== 'moved') throw error;
      if (attempt >= MAX_PUSH_ATTEMPTS) {
        throw userFacing(
          new ConflictError(
            `Branch ${input.branch} of the GitOps repository ${displayRemote} kept changing while this task pushed it (${attempt} attempts): another task is pushing the same branch. Nothing of this task was pushed; run it again once the other one is done. Git said: ${error.stderr}`,
          ),
        );
      }
      logger.info(
        `Branch ${
          input.branch
        } changed in ${displayRemote} while this task pushed it (another task pushed it meanwhile); reading it again (attempt ${
          attempt + 1
        } of ${MAX_PUSH_ATTEMPTS})`,
      );
    }
  }
}
