import { fullValues } from '../fixtures/fullValues';
import { TaskResult } from '../scaffolder/testBackend';
import { CHANGE_REF, inFolder, renderedFiles } from './clusterFolder';

/**
 * The cluster the change-template tests change: orders-sink of data-connect, owned by
 * data-platform, rendered at 0.51.0 in its folder of the GitOps repository.
 */
export const FOLDER = 'clusters/staging/orders-sink';
/** The branch the change template proposes a change of the folder from. */
export const BRANCH = `kafka-connect-change/${FOLDER}`;
export const ENTITY = 'resource:default/orders-sink-staging';
export const VALUES = fullValues('0.51.0');
export const FILES = renderedFiles(VALUES);
/** The repository before any change: a README and the cluster's folder. */
export const SEED = { 'README.md': '# GitOps\n', ...inFolder(FOLDER, FILES) };

/** The audit event's subject: orders-sink sent to `forge`'s `repository` by task `result`. */
export function forgeChangeOf(
  result: TaskResult,
  forge: 'github' | 'gitlab',
  repository: string,
) {
  return {
    taskId: result.id,
    templateRef: CHANGE_REF,
    cluster: {
      name: 'orders-sink',
      namespace: 'data-connect',
      owner: 'group:default/data-platform',
      folder: FOLDER,
    },
    forge,
    repository,
    branch: BRANCH,
  };
}

/** The paths whose content differs between two branches' files (one missing counts). */
export function changedPaths(
  main: Map<string, string>,
  branch: Map<string, string>,
): string[] {
  return [...new Set([...main.keys(), ...branch.keys()])]
    .filter(path => main.get(path) !== branch.get(path))
    .sort();
}
