import type { RenderedFile } from '@connect-skeleton/plugin-kafka-connect-common';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  joinRelative,
  makeFolderInside,
  refuseSymlink,
  relativeFolder,
  resolveInside,
} from './paths';

/**
 * Writes rendered files below `<base>/<folder>` and returns their paths relative to `base`.
 * Every path is checked before the first write, so a bad one leaves nothing half-written.
 */
export async function writeFilesInside(
  base: string,
  folder: string,
  files: readonly RenderedFile[],
): Promise<string[]> {
  const planned = files.map(file => {
    // The renderer only makes plain relative paths; checked anyway, as they become file names.
    const relative = joinRelative(
      folder,
      relativeFolder(file.path, 'rendered file', { allowRoot: false }),
    );
    return { relative, absolute: resolveInside(base, relative), file };
  });
  for (const { absolute, file } of planned) {
    await makeFolderInside(base, path.dirname(absolute));
    await refuseSymlink(absolute);
    await fs.writeFile(absolute, file.content, 'utf8');
  }
  return planned.map(p => p.relative);
}
