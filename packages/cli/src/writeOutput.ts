import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { RenderedFile } from '@internal/plugin-kafka-connect-common';
import { UsageError } from './errors';
import { inspectOutDir } from './outDir';

/**
 * Rejects paths that could land outside the output folder or collide; the renderer
 * never produces them, so one is a bug (plain Error, exit 3), not bad usage.
 */
export function checkRenderedPaths(files: readonly RenderedFile[]): void {
  const seen = new Set<string>();
  for (const { path: p } of files) {
    const segments = p.split('/');
    if (
      p.includes('\\') ||
      p.includes('\0') ||
      segments.some(s => s === '' || s === '.' || s === '..')
    ) {
      throw new Error(`renderer produced an unsafe file path "${p}"`);
    }
    if (seen.has(p)) {
      throw new Error(`renderer produced "${p}" twice`);
    }
    seen.add(p);
  }
  for (const p of seen) {
    const segments = p.split('/');
    for (let i = 1; i < segments.length; i++) {
      const folder = segments.slice(0, i).join('/');
      if (seen.has(folder)) {
        throw new Error(`renderer produced "${folder}" as a file and a folder`);
      }
    }
  }
}

/** A not-yet-existing hidden sibling of `dir`, so renames stay on one file system. */
function siblingName(dir: string, role: string): string {
  const suffix = randomBytes(6).toString('hex');
  return path.join(
    path.dirname(dir),
    `.${path.basename(dir)}.connect-skeleton-${role}-${suffix}`,
  );
}

function fsProblem(what: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  return new UsageError(`${what}: ${code}`);
}

/** What a folder holds before it is replaced: its files' text by relative path. */
export type PreviousFiles = ReadonlyMap<string, string>;

/** What a file written now looks like on disk: the mode, owner and group a carried file must have. */
type Fresh = { mode: number; uid: number; gid: number };

/**
 * Puts the previous folder's file into `target` by a hard link, when that gives exactly
 * what writing it would: a plain file with no other link, holding the same text (read
 * again now: the folder may have changed since it was read), with the mode, owner and
 * group a fresh file gets. A link costs the file system a name, where a write costs a new
 * file now and freeing the old one later (most of an upgrade's system time). False when
 * any of it does not hold (or the file system has no hard links): then the file is written.
 */
async function carryOver(
  source: string,
  target: string,
  content: string,
  fresh: Fresh,
): Promise<boolean> {
  const stat = await fs.lstat(source).catch(() => undefined);
  if (
    !stat?.isFile() ||
    stat.nlink !== 1 ||
    stat.mode !== fresh.mode ||
    stat.uid !== fresh.uid ||
    stat.gid !== fresh.gid
  ) {
    return false;
  }
  try {
    await fs.link(source, target);
  } catch {
    return false;
  }
  if ((await fs.readFile(target, 'utf8').catch(() => undefined)) === content) {
    return true;
  }
  await fs.unlink(target);
  return false;
}

async function writeAll(
  root: string,
  files: readonly RenderedFile[],
  previous?: { dir: string; files: PreviousFiles },
): Promise<void> {
  const folders = new Set<string>();
  const target = (file: RenderedFile) =>
    path.join(root, ...file.path.split('/'));
  const write = async (file: RenderedFile) => {
    const folder = path.dirname(target(file));
    if (!folders.has(folder)) {
      await fs.mkdir(folder, { recursive: true });
      folders.add(folder);
    }
    await fs.writeFile(target(file), file.content, {
      encoding: 'utf8',
      flag: 'wx',
    });
  };
  const same = (file: RenderedFile) =>
    previous?.files.get(file.path) === file.content;
  // New text first: the first file written shows what a fresh file looks like.
  let fresh: Fresh | undefined;
  for (const file of files.filter(f => !same(f))) {
    await write(file);
    fresh ??= await fs.stat(target(file));
  }
  for (const file of files.filter(same)) {
    const folder = path.dirname(target(file));
    if (!folders.has(folder)) {
      await fs.mkdir(folder, { recursive: true });
      folders.add(folder);
    }
    const source = path.join(previous!.dir, ...file.path.split('/'));
    if (
      !fresh ||
      !(await carryOver(source, target(file), file.content, fresh))
    ) {
      await write(file);
      fresh ??= await fs.stat(target(file));
    }
  }
}

/** Puts `staging` in the place of `dir`; on failure `dir` is left as it was. */
async function swapInto(
  dir: string,
  staging: string,
  absent: boolean,
): Promise<void> {
  if (absent) {
    await fs.rename(staging, dir);
    return;
  }
  // Node has no atomic exchange: move the old folder aside, then put it back if the second step fails.
  const aside = siblingName(dir, 'old');
  await fs.rename(dir, aside);
  try {
    await fs.rename(staging, dir);
  } catch (error) {
    await fs.rename(aside, dir);
    throw error;
  }
  // The new render is in place; a leftover hidden folder is not worth failing the run for.
  await fs.rm(aside, { recursive: true, force: true }).catch(() => undefined);
}

/**
 * Writes every file into `dir` (absolute) so that `dir` is never partial: everything goes into
 * a fresh sibling folder first, which then takes the place of `dir` by rename. `previous`,
 * what `dir` held when it was read (upgrade knows it), lets files that keep their text be
 * carried over by hard link instead of written again (see carryOver).
 */
export async function writeOutput(
  dir: string,
  shownAs: string,
  files: readonly RenderedFile[],
  cwd: string,
  previous?: PreviousFiles,
): Promise<void> {
  checkRenderedPaths(files);
  // Checked again here, right before the swap, in case the folder changed since the first look.
  const state = await inspectOutDir(dir, shownAs, cwd);
  const parent = path.dirname(dir);
  try {
    await fs.mkdir(parent, { recursive: true });
  } catch (error) {
    throw fsProblem(`cannot create the folder ${parent}`, error);
  }

  const staging = siblingName(dir, 'new');
  try {
    try {
      await fs.mkdir(staging);
      await writeAll(
        staging,
        files,
        previous && state === 'previous-render'
          ? { dir, files: previous }
          : undefined,
      );
    } catch (error) {
      throw fsProblem(`cannot write next to --out ${shownAs}`, error);
    }
    try {
      await swapInto(dir, staging, state === 'absent');
    } catch (error) {
      throw fsProblem(`cannot move the render into --out ${shownAs}`, error);
    }
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}
