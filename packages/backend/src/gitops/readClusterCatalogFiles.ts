/*
 * Reads `clusters/**\/catalog-info.yaml` as committed on a branch of a bare repository,
 * with `git ls-tree` and `git cat-file`: what is merged counts, not what is checked out.
 */
import { branchExists } from './ensureGitopsRepository';
import { runGit } from './git';

export interface CatalogFile {
  /** Path inside the repository, e.g. `clusters/prod/orders/catalog-info.yaml`. */
  path: string;
  content: string;
}

export interface BranchSnapshot {
  /** The commit the files were read from; undefined when the branch does not exist. */
  commit?: string;
  files: CatalogFile[];
}

const CATALOG_FILE = /^clusters\/(?:.+\/)?catalog-info\.yaml$/;
// Regular files only: symlinks (120000) and submodules (160000) have no content to read.
const REGULAR_FILE_MODES = new Set(['100644', '100755']);
const READ_CONCURRENCY = 8;

/** True for the paths the provider reads. */
export function isClusterCatalogPath(path: string): boolean {
  return CATALOG_FILE.test(path);
}

interface TreeEntry {
  mode: string;
  type: string;
  object: string;
  path: string;
}

// `ls-tree -z` entries: "<mode> <type> <object>\t<path>", each ended by NUL.
function parseLsTree(output: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of output.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, object] = record.slice(0, tab).split(' ');
    entries.push({ mode, type, object, path: record.slice(tab + 1) });
  }
  return entries;
}

// Byte order, independent of locale, so "first file wins" means the same everywhere.
function byPath(a: TreeEntry, b: TreeEntry): number {
  if (a.path === b.path) return 0;
  return a.path < b.path ? -1 : 1;
}

async function mapWithConcurrency<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, worker),
  );
  return results;
}

export async function readClusterCatalogFiles(
  gitDir: string,
  branch: string,
): Promise<BranchSnapshot> {
  if (!(await branchExists(gitDir, branch))) {
    return { files: [] };
  }
  const git = (args: string[]) => runGit([`--git-dir=${gitDir}`, ...args]);

  // Pin the commit first so the listing and every blob come from the same snapshot.
  const commit = (
    await git(['rev-parse', '--verify', `refs/heads/${branch}^{commit}`])
  ).trim();
  const listing = await git([
    'ls-tree',
    '-r',
    '-z',
    '--full-tree',
    commit,
    '--',
    'clusters',
  ]);
  const entries = parseLsTree(listing)
    .filter(
      e =>
        e.type === 'blob' &&
        REGULAR_FILE_MODES.has(e.mode) &&
        isClusterCatalogPath(e.path),
    )
    .sort(byPath);

  const files = await mapWithConcurrency(
    entries,
    READ_CONCURRENCY,
    async entry => ({
      path: entry.path,
      content: await git(['cat-file', 'blob', entry.object]),
    }),
  );
  return { commit, files };
}
