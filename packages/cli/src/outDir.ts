import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors';

/** The file that marks a folder as a previous render (values.md: always written). */
export const RENDER_MARKER = 'connect-cluster.yaml';

/** What is at --out today: nothing, an empty folder, or a previous render we may replace. */
export type OutDirState = 'absent' | 'empty' | 'previous-render';

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Decides whether `render` may write to `dir` (already resolved, absolute).
 * Refuses (UsageError) everything that replacing could destroy: see README "The output folder".
 */
export async function inspectOutDir(
  dir: string,
  shownAs: string,
  cwd: string,
): Promise<OutDirState> {
  return inspectOutDirSync(dir, shownAs, cwd);
}

/**
 * The same, synchronously: a fleet upgrade inspects a thousand folders, and a promise for
 * each look costs more than the look (a thread-pool round trip and its wake-ups).
 */
export function inspectOutDirSync(
  dir: string,
  shownAs: string,
  cwd: string,
): OutDirState {
  // Replacing the current folder (or one holding it) would pull it out from under the shell.
  if (isInside(cwd, dir)) {
    throw new UsageError(
      `--out ${shownAs} is the current folder or holds it; render into a folder of its own`,
    );
  }
  let stat;
  try {
    stat = fs.lstatSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'absent';
    throw new UsageError(`cannot inspect --out ${shownAs}: ${code ?? error}`);
  }
  if (stat.isSymbolicLink()) {
    throw new UsageError(
      `--out ${shownAs} is a symbolic link; pass the folder it points to`,
    );
  }
  if (!stat.isDirectory()) {
    throw new UsageError(`--out ${shownAs} exists and is not a folder`);
  }
  const entries = fs.readdirSync(dir);
  if (entries.length === 0) return 'empty';
  if (entries.includes('.git')) {
    throw new UsageError(
      `--out ${shownAs} holds a Git repository; render into a subfolder of it`,
    );
  }
  let marker: fs.Stats | undefined;
  try {
    marker = fs.lstatSync(path.join(dir, RENDER_MARKER));
  } catch {
    marker = undefined;
  }
  if (!marker?.isFile()) {
    throw new UsageError(
      `--out ${shownAs} is not empty and holds no ${RENDER_MARKER}, so it is not a previous render; ` +
        'pick a new or empty folder',
    );
  }
  return 'previous-render';
}
