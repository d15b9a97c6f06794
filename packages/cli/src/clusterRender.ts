import {
  Layout,
  layoutOf,
  Problem,
  RenderedFile,
  renderSkeleton,
  RenderResult,
  rerenderFromText,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { ClusterFolder, readFolderFiles } from './clusterFolders';
import { RENDER_MARKER } from './outDir';
import { parseValues } from './valuesFile';

/** A cluster folder's files, and the layout they show. */
export interface ClusterFiles extends ClusterFolder {
  files: Map<string, string>;
  layout: Layout;
}

/** A cluster folder as it is: its files, the layout they show, and its values. */
export interface LoadedCluster extends ClusterFiles {
  values: { ok: true; values: unknown } | { ok: false; problems: Problem[] };
}

/** Synchronous: the fleet commands read folders one after another (see readFolderFiles). */
export function readCluster(folder: ClusterFolder): ClusterFiles {
  const files = readFolderFiles(folder.dir);
  return {
    ...folder,
    files,
    // A folder without the layout's own file was edited by hand: helm, the render's default.
    layout: layoutOf(files.keys()) ?? 'helm',
  };
}

function valuesOf(cluster: ClusterFiles): LoadedCluster['values'] {
  return parseValues(
    cluster.files.get(RENDER_MARKER) ?? '',
    `${cluster.shown}/${RENDER_MARKER}`,
  );
}

export function loadCluster(folder: ClusterFolder): LoadedCluster {
  const cluster = readCluster(folder);
  return { ...cluster, values: valuesOf(cluster) };
}

/**
 * The folder rendered again from its own values, in its own layout, or the problems. A
 * connect-cluster.yaml as render wrote it takes the short way (rerenderFromText); any
 * other goes through the full YAML parser, with its messages.
 */
export function renderAgain(
  cluster: ClusterFiles,
): RenderResult<RenderedFile[]> {
  const text = cluster.files.get(RENDER_MARKER);
  const quick =
    text === undefined
      ? undefined
      : rerenderFromText(text, { layout: cluster.layout });
  if (quick) return quick;
  const values = valuesOf(cluster);
  return values.ok
    ? renderSkeleton(values.values, { layout: cluster.layout })
    : values;
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
