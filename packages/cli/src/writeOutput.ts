import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { RenderedFile } from '@connect-skeleton/plugin-kafka-connect-common';
import { UsageError } from './errors';
import { inspectOutDirSync } from './outDir';

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

/** The files whose text the folder being replaced already holds, by relative path. */
export type UnchangedFiles = ReadonlySet<string>;

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
function carryOver(
  source: string,
  target: string,
  content: string,
  fresh: Fresh,
): boolean {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.lstatSync(source);
  } catch {
    return false;
  }
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
    fs.linkSync(source, target);
  } catch {
    return false;
  }
  let now: string | undefined;
  try {
    now = fs.readFileSync(target, 'utf8');
  } catch {
    now = undefined;
  }
  if (now === content) return true;
  fs.unlinkSync(target);
  return false;
}

function writeAll(
  root: string,
  files: readonly RenderedFile[],
  previous?: { dir: string; unchanged: UnchangedFiles },
): void {
  const folders = new Set<string>();
  const target = (file: RenderedFile) =>
    path.join(root, ...file.path.split('/'));
  const mkdir = (folder: string) => {
    if (!folders.has(folder)) {
      fs.mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
  };
  const write = (file: RenderedFile) => {
    mkdir(path.dirname(target(file)));
    fs.writeFileSync(target(file), file.content, {
      encoding: 'utf8',
      flag: 'wx',
    });
  };
  const same = (file: RenderedFile) =>
    previous?.unchanged.has(file.path) ?? false;
  // New text first: the first file written shows what a fresh file looks like.
  let fresh: Fresh | undefined;
  for (const file of files.filter(f => !same(f))) {
    write(file);
    fresh ??= fs.statSync(target(file));
  }
  for (const file of files.filter(same)) {
    mkdir(path.dirname(target(file)));
    const source = path.join(previous!.dir, ...file.path.split('/'));
    if (!fresh || !carryOver(source, target(file), file.content, fresh)) {
      write(file);
      fresh ??= fs.statSync(target(file));
    }
  }
}

/** Puts `staging` in the place of `dir`; on failure `dir` is left as it was. */
function swapInto(dir: string, staging: string, absent: boolean): void {
  if (absent) {
    fs.renameSync(staging, dir);
    return;
  }
  // Node has no atomic exchange: move the old folder aside, then put it back if the second step fails.
  const aside = siblingName(dir, 'old');
  fs.renameSync(dir, aside);
  try {
    fs.renameSync(staging, dir);
  } catch (error) {
    fs.renameSync(aside, dir);
    throw error;
  }
  // The new render is in place; a leftover hidden folder is not worth failing the run for.
  try {
    fs.rmSync(aside, { recursive: true, force: true });
  } catch {
    // left behind: a hidden sibling, as after a killed process
  }
}

/**
 * Writes every file into `dir` (absolute) so that `dir` is never partial: everything goes into
 * a fresh sibling folder first, which then takes the place of `dir` by rename. `unchanged`,
 * the files whose text `dir` held when it was read (upgrade knows them), may be carried
 * over by hard link instead of written again (see carryOver: only when that gives the same).
 */
export async function writeOutput(
  dir: string,
  shownAs: string,
  files: readonly RenderedFile[],
  cwd: string,
  unchanged?: UnchangedFiles,
): Promise<void> {
  writeOutputSync(dir, shownAs, files, cwd, unchanged);
}

/**
 * The same, synchronously: a fleet upgrade replaces a thousand folders one after another in
 * each thread, and a promise for each of their hundred file system calls costs more than the
 * call (a thread-pool round trip and its wake-ups).
 */
export function writeOutputSync(
  dir: string,
  shownAs: string,
  files: readonly RenderedFile[],
  cwd: string,
  unchanged?: UnchangedFiles,
): void {
  checkRenderedPaths(files);
  // Checked again here, right before the swap, in case the folder changed since the first look.
  const state = inspectOutDirSync(dir, shownAs, cwd);
  const parent = path.dirname(dir);
  try {
    fs.mkdirSync(parent, { recursive: true });
  } catch (error) {
    throw fsProblem(`cannot create the folder ${parent}`, error);
  }

  const staging = siblingName(dir, 'new');
  try {
    try {
      fs.mkdirSync(staging);
      writeAll(
        staging,
        files,
        unchanged && state === 'previous-render'
          ? { dir, unchanged }
          : undefined,
      );
    } catch (error) {
      throw fsProblem(`cannot write next to --out ${shownAs}`, error);
    }
    try {
      swapInto(dir, staging, state === 'absent');
    } catch (error) {
      throw fsProblem(`cannot move the render into --out ${shownAs}`, error);
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
