import {
  Layout,
  layoutOf,
  Problem,
  RenderedFile,
} from '@internal/plugin-kafka-connect-common';
import { ClusterFolder, readFolderFiles } from './clusterFolders';
import { RENDER_MARKER } from './outDir';
import { parseValues } from './valuesFile';

/** A cluster folder as it is: its files, the layout they show, and its values. */
export interface LoadedCluster extends ClusterFolder {
  files: Map<string, string>;
  layout: Layout;
  values: { ok: true; values: unknown } | { ok: false; problems: Problem[] };
}

export async function loadCluster(
  folder: ClusterFolder,
): Promise<LoadedCluster> {
  const files = readFolderFiles(folder.dir);
  return {
    ...folder,
    files,
    // A folder without the layout's own file was edited by hand: helm, the render's default.
    layout: layoutOf(files.keys()) ?? 'helm',
    values: parseValues(
      files.get(RENDER_MARKER) ?? '',
      `${folder.shown}/${RENDER_MARKER}`,
    ),
  };
}

/** `clusters/a/connect-cluster.yaml: replicas: must be ...`: the folder names the cluster. */
export function folderProblem(folder: ClusterFolder, p: Problem): string {
  return `${folder.shown}/${RENDER_MARKER}: ${p.path || '(values)'}: ${
    p.message
  }`;
}

export function asFileSet(files: readonly RenderedFile[]): Map<string, string> {
  return new Map(files.map(f => [f.path, f.content]));
}
