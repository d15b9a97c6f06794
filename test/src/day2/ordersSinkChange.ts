import { parse } from 'yaml';
import { fullValues } from '../fixtures/fullValues';
import { succeededForgeChange } from '../scaffolder/clusterChangeAudit';
import { ScaffolderClient } from '../scaffolder/scaffolderClient';
import { TaskResult } from '../scaffolder/testBackend';
import {
  CHANGE_REF,
  inFolder,
  renderedFiles,
  touchedFiles,
} from './clusterFolder';

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

/** The succeeded audit events of a change of orders-sink that opened or updated `requestUrl`. */
export function succeededForgeChangeOf(
  result: TaskResult,
  forge: 'github' | 'gitlab',
  repository: string,
  requestUrl: string,
) {
  return succeededForgeChange({
    ...forgeChangeOf(result, forge, repository),
    requestUrl,
  });
}

/** Runs the change template on orders-sink with the form's other `parameters`. */
export function changeOrdersSink(
  scaffolder: ScaffolderClient,
  parameters: Record<string, unknown>,
): Promise<TaskResult> {
  return scaffolder.run(
    { cluster: ENTITY, ...parameters },
    { templateRef: CHANGE_REF },
  );
}

/** The files of the cluster's folder that `changes` to its values touch, as repository paths. */
export function touchedBy(changes: Record<string, unknown>): string[] {
  return touchedFiles(FOLDER, FILES, renderedFiles({ ...VALUES, ...changes }));
}

/**
 * A change proposes only the files it touches: connect-cluster.yaml among them, and not
 * every file of the folder.
 */
export function expectOnlyTouched(
  proposed: string[],
  changes: Record<string, unknown>,
) {
  const touched = touchedBy(changes);
  expect(touched).toContain(`${FOLDER}/connect-cluster.yaml`);
  expect(touched.length).toBeLessThan(Object.keys(FILES).length);
  expect(proposed).toEqual(touched);
}

/** The cluster's values as a branch's files hold them. */
export function valuesOn(files: Map<string, string>): unknown {
  return parse(files.get(`${FOLDER}/connect-cluster.yaml`)!);
}
