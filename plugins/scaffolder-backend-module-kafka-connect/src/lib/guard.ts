import { ConflictError } from '@backstage/errors';
import yaml from 'yaml';
import { userFacing } from './errors';
import { Git } from './git';
import { joinRelative } from './paths';

/** The file that marks a folder as one Kafka Connect cluster's, and says which. */
export const CLUSTER_FILE = 'connect-cluster.yaml';

/** A cluster is known by its namespace and name, as in Kubernetes. */
export interface ClusterIdentity {
  name: string;
  namespace: string;
}

export function formatIdentity(id: ClusterIdentity): string {
  return `${id.namespace}/${id.name}`;
}

/** The top-level fields of a YAML text, or undefined when it does not parse to an object. */
function yamlFields(text: string): Record<string, unknown> | undefined {
  let doc: unknown;
  try {
    doc = yaml.parse(text);
  } catch {
    return undefined;
  }
  if (doc === null || typeof doc !== 'object') return undefined;
  return doc as Record<string, unknown>;
}

/** The name and namespace of a connect-cluster.yaml, or undefined when it has none. */
export function identityFromYaml(text: string): ClusterIdentity | undefined {
  const { name, namespace } = yamlFields(text) ?? {};
  if (typeof name !== 'string' || typeof namespace !== 'string')
    return undefined;
  return { name, namespace };
}

/** The owner a connect-cluster.yaml names, or undefined when it names none. */
export function ownerFromYaml(text: string): string | undefined {
  const { owner } = yamlFields(text) ?? {};
  return typeof owner === 'string' ? owner : undefined;
}

/** What a folder of the repository holds at one commit. */
export type FolderState =
  | { kind: 'missing' }
  | { kind: 'file' }
  | { kind: 'folder'; clusterFile?: string };

/**
 * Why the incoming cluster must not replace `folder`, or undefined when it may: the folder
 * is new, or it already belongs to the same cluster (a day-2 change).
 */
export function guardProblem(
  state: FolderState,
  folder: string,
  where: string,
  incoming: ClusterIdentity,
): string | undefined {
  if (state.kind === 'missing') return undefined;
  if (state.kind === 'file') {
    return `${folder} on ${where} is a file, not a folder: choose another target folder for the cluster.`;
  }
  if (state.clusterFile === undefined) {
    // git keeps no empty folders: this one holds something, and replacing it would delete it.
    return `The folder ${folder} on ${where} already holds files but no ${CLUSTER_FILE}, so it is not a Kafka Connect cluster's folder and replacing it would delete them: choose a folder of its own for the cluster.`;
  }
  const existing = identityFromYaml(state.clusterFile);
  if (!existing) {
    return `${joinRelative(
      folder,
      CLUSTER_FILE,
    )} on ${where} has no name and namespace to compare with: check it by hand before pushing into that folder.`;
  }
  if (
    existing.name !== incoming.name ||
    existing.namespace !== incoming.namespace
  ) {
    return `The folder ${folder} on ${where} already holds the Kafka Connect cluster ${formatIdentity(
      existing,
    )}; these files are for ${formatIdentity(
      incoming,
    )}. Choose another target folder (one folder per cluster), or change ${formatIdentity(
      existing,
    )} through its own values.`;
  }
  return undefined;
}

/** Reads what `folder` is at `ref` of the clone, without checking anything out. */
export async function readFolderState(
  git: Git,
  ref: string,
  folder: string,
): Promise<FolderState> {
  const type = await git(['cat-file', '-t', `${ref}:${folder}`], {
    allowExitCodes: [128],
  });
  if (type.exitCode !== 0) return { kind: 'missing' };
  if (type.stdout.trim() !== 'tree') return { kind: 'file' };
  const file = await git(
    ['cat-file', 'blob', `${ref}:${joinRelative(folder, CLUSTER_FILE)}`],
    { allowExitCodes: [128] },
  );
  return {
    kind: 'folder',
    clusterFile: file.exitCode === 0 ? file.stdout : undefined,
  };
}

/**
 * Throws a ConflictError when any of the refs holds another cluster (or other files) in
 * `folder`; otherwise returns what each ref holds there, for the ownership check.
 */
export async function guardTargetFolder(
  git: Git,
  refs: ReadonlyArray<{ ref: string; label: string }>,
  folder: string,
  incoming: ClusterIdentity,
): Promise<{ label: string; state: FolderState }[]> {
  const states: { label: string; state: FolderState }[] = [];
  for (const { ref, label } of refs) {
    const state = await readFolderState(git, ref, folder);
    const problem = guardProblem(state, folder, label, incoming);
    if (problem) throw userFacing(new ConflictError(problem));
    states.push({ label, state });
  }
  return states;
}
