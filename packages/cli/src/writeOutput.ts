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

async function writeAll(
  root: string,
  files: readonly RenderedFile[],
): Promise<void> {
  for (const file of files) {
    const target = path.join(root, ...file.path.split('/'));
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, file.content, { encoding: 'utf8', flag: 'wx' });
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
 * a fresh sibling folder first, which then takes the place of `dir` by rename.
 */
export async function writeOutput(
  dir: string,
  shownAs: string,
  files: readonly RenderedFile[],
  cwd: string,
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
      await writeAll(staging, files);
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
