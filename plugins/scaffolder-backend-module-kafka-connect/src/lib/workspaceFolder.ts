import fs from 'node:fs/promises';
import { refuseInput } from './errors';
import { assertRealPathInside, resolveInside } from './paths';

/**
 * The absolute path of `folder` (checked relative, as `relativeFolder` gives it), which must
 * be a folder of the workspace, also once links are followed. Otherwise an InputError names
 * `field` and, with `hint`, what to do.
 */
export async function workspaceFolder(
  workspacePath: string,
  folder: string,
  field: string,
  hint?: string,
): Promise<string> {
  const dir = resolveInside(workspacePath, folder);
  const isFolder = await fs.stat(dir).then(
    s => s.isDirectory(),
    () => false,
  );
  if (!isFolder) {
    throw refuseInput(
      `${field}: ${folder} is not a folder of the workspace${
        hint ? `: ${hint}` : ''
      }`,
    );
  }
  await assertRealPathInside(workspacePath, dir);
  return dir;
}
