import { promises as fs, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors';
import { RENDER_MARKER } from './outDir';

/** A cluster folder: one that holds a connect-cluster.yaml, i.e. a previous render. */
export interface ClusterFolder {
  /** Absolute. */
  dir: string;
  /** As messages and diffs show it: relative to the caller's folder, forward slashes. */
  shown: string;
}

/** Folders never searched: Git's own, dependencies, and hidden ones (render's staging siblings). */
function skipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

function shownPath(dir: string, cwd: string): string {
  const relative = path.relative(cwd, dir);
  return (relative === '' ? '.' : relative).split(path.sep).join('/');
}

/** Synchronous, as readFolderFiles: a fleet has a thousand folders to look into. */
function walk(dir: string, found: string[]): void {
  const entries = readdirSync(dir, { withFileTypes: true });
  if (entries.some(e => e.isFile() && e.name === RENDER_MARKER)) {
    // A render folder belongs to connect-skeleton: its subfolders are its own (templates/).
    found.push(dir);
    return;
  }
  const folders = entries
    .filter(e => e.isDirectory() && !skipped(e.name))
    .map(e => e.name)
    .sort();
  for (const name of folders) walk(path.join(dir, name), found);
}

/**
 * Every cluster folder under the given paths (each a cluster folder, a folder holding some
 * at any depth, or a connect-cluster.yaml), each once, sorted. A path that does not exist or
 * holds no cluster is bad usage: a fleet command that silently did nothing would pass CI.
 */
export async function findClusterFolders(
  paths: readonly string[],
  cwd: string,
): Promise<ClusterFolder[]> {
  const found = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (!stat) throw new UsageError(`${given}: no such file or folder`);
    if (stat.isFile()) {
      if (path.basename(absolute) !== RENDER_MARKER) {
        throw new UsageError(
          `${given} is a file, not ${RENDER_MARKER} nor a folder`,
        );
      }
      found.add(path.dirname(absolute));
    } else {
      const here: string[] = [];
      walk(absolute, here);
      if (here.length === 0) {
        throw new UsageError(`${given} holds no ${RENDER_MARKER}`);
      }
      here.forEach(dir => found.add(dir));
    }
  }
  return [...found].sort().map(dir => ({ dir, shown: shownPath(dir, cwd) }));
}

/**
 * Every file of a cluster folder, path (relative, forward slashes) → text. Read synchronously:
 * the fleet commands read thousands of small files one folder after another, and a promise per
 * open, stat, read and close costs more than the reads themselves.
 */
export function readFolderFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const read = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel), {
      withFileTypes: true,
    })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) read(child);
      else files.set(child, readFileSync(path.join(dir, child), 'utf8'));
    }
  };
  read('');
  return files;
}
