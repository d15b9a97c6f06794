import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';
import { userFacing } from './errors';

/** Options for {@link relativeFolder}. */
export interface RelativeFolderOptions {
  /** Whether `.` (the base folder itself) is acceptable. */
  allowRoot: boolean;
}

/**
 * Checks a user-given folder that must stay inside a base folder and returns it in one
 * normal form: forward slashes, no empty or `.` segments, `.` for the base itself.
 * A path that tries to leave its base is refused, not cleaned up: it is a mistake or an attack.
 */
export function relativeFolder(
  input: string,
  field: string,
  options: RelativeFolderOptions,
): string {
  const refuse = (why: string) =>
    userFacing(
      new InputError(`${field}: ${why} (got ${JSON.stringify(input)})`),
    );
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(input)) {
    throw refuse('must not hold control characters');
  }
  if (/^([/\\]|[A-Za-z]:)/.test(input)) {
    throw refuse('must be a relative path, not an absolute one');
  }
  const segments = input.split(/[/\\]/).filter(s => s !== '' && s !== '.');
  if (segments.includes('..')) {
    throw refuse('must not climb out of its folder with ".."');
  }
  // Writing into a `.git` folder would change the repository's machinery, not its content.
  if (segments.some(s => s.toLowerCase() === '.git')) {
    throw refuse('must not name a ".git" folder');
  }
  if (segments.length === 0) {
    if (!options.allowRoot) throw refuse('must name a folder below the top');
    return '.';
  }
  return segments.join('/');
}

/** `base` + a relative path checked by {@link relativeFolder}, guaranteed to stay inside `base`. */
export function resolveInside(base: string, relative: string): string {
  return resolveSafeChildPath(base, relative);
}

/** `a/b` + `c.yaml` → `a/b/c.yaml`; `.` + `c.yaml` → `c.yaml`. Forward slashes throughout. */
export function joinRelative(folder: string, file: string): string {
  return folder === '.' ? file : `${folder}/${file}`;
}

/**
 * Checks that `dir`, with symbolic links followed, is still inside `base`: a link planted in
 * the workspace must not carry reads or writes elsewhere.
 */
export async function assertRealPathInside(
  base: string,
  dir: string,
): Promise<void> {
  const [realBase, realDir] = await Promise.all([
    fs.realpath(base),
    fs.realpath(dir),
  ]);
  const relative = path.relative(realBase, realDir);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw userFacing(
      new InputError(
        `Refusing to use ${dir}: it leads outside ${base} through a symbolic link`,
      ),
    );
  }
}

/**
 * Creates `dir` (and its parents) inside `base`. The deepest folder that already exists is
 * checked first, so a link to elsewhere is refused before anything is created through it.
 */
export async function makeFolderInside(
  base: string,
  dir: string,
): Promise<void> {
  let existing = dir;
  while (!(await exists(existing)) && path.dirname(existing) !== existing) {
    existing = path.dirname(existing);
  }
  await assertRealPathInside(base, existing);
  await fs.mkdir(dir, { recursive: true });
  await assertRealPathInside(base, dir);
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

/** Throws when `file` exists as a symbolic link, which a write would follow. */
export async function refuseSymlink(file: string): Promise<void> {
  const stat = await fs.lstat(file).catch(() => undefined);
  if (stat?.isSymbolicLink()) {
    throw userFacing(
      new InputError(`Refusing to write through the symbolic link ${file}`),
    );
  }
}
