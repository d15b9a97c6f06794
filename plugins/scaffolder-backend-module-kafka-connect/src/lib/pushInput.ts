import { refuseInput } from './errors';
import { publishFolders } from './publishFolders';
import { branchNameProblem } from './refName';

export const DEFAULT_AUTHOR_NAME = 'Backstage Scaffolder';
export const DEFAULT_AUTHOR_EMAIL = 'scaffolder@backstage.local';

/** The push action's input as given in the template. */
export interface PushInput {
  sourcePath?: string;
  targetPath: string;
  branch: string;
  commitMessage?: string;
  authorName?: string;
  authorEmail?: string;
}

/** The input with defaults applied and every field checked. */
export interface CheckedPushInput {
  sourcePath: string;
  targetPath: string;
  branch: string;
  /** Undefined: the action writes one that names the cluster. */
  commitMessage?: string;
  authorName: string;
  authorEmail: string;
}

const refuse = refuseInput;

/**
 * Applies the defaults (the scaffolder does not apply zod defaults at run time) and checks
 * every field, so that nothing malformed reaches git.
 */
export function checkPushInput(
  input: PushInput,
  defaultBranch: string,
): CheckedPushInput {
  const { sourcePath, targetPath } = publishFolders(input);

  const branchProblem = branchNameProblem(input.branch);
  if (branchProblem)
    throw refuse(
      `branch ${branchProblem} (got ${JSON.stringify(input.branch)})`,
    );
  if (input.branch === defaultBranch) {
    throw refuse(
      `branch must not be the default branch ${defaultBranch}: changes reach it by review and merge`,
    );
  }

  const commitMessage = input.commitMessage?.trim() || undefined;
  // eslint-disable-next-line no-control-regex
  if (commitMessage && /[\u0000]/.test(commitMessage))
    throw refuse('commitMessage must not hold NUL characters');

  const authorName = input.authorName?.trim() || DEFAULT_AUTHOR_NAME;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f<>]/.test(authorName)) {
    throw refuse('authorName must not hold control characters, "<" or ">"');
  }
  const authorEmail = input.authorEmail?.trim() || DEFAULT_AUTHOR_EMAIL;
  if (!/^[^\s<>@]+@[^\s<>@]+$/.test(authorEmail)) {
    throw refuse(
      `authorEmail must be an e-mail address (got ${JSON.stringify(
        authorEmail,
      )})`,
    );
  }
  return {
    sourcePath,
    targetPath,
    branch: input.branch,
    commitMessage,
    authorName,
    authorEmail,
  };
}
