/**
 * The one branch a cluster's changes go to: the change template pushes there (a branch, a pull
 * request or a merge request), replacing a change still pending on it; the change form reads it
 * to say so before the task runs. The template's steps write the same prefix
 * (`kafka-connect-change/${{ steps.read.output.repositoryPath }}`; a test holds them to it).
 */
export const CHANGE_BRANCH_PREFIX = 'kafka-connect-change/';

/** The change branch of the cluster in `repositoryPath`, e.g. `kafka-connect-change/clusters/prod/orders`. */
export function changeBranch(repositoryPath: string): string {
  return `${CHANGE_BRANCH_PREFIX}${repositoryPath}`;
}
