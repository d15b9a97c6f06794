import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors';

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
};

/**
 * Reads a text file named by an option (`what` names it: "values file", "policy file"). An
 * unreadable one is bad usage (exit 2), said in words: `no such file`, `it is a folder`, ...
 */
export async function readTextFile(
  file: string,
  cwd: string,
  what: string,
): Promise<string> {
  try {
    return await fs.readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(
      `cannot read ${what} ${file}: ${READ_ERRORS[code] ?? code}`,
    );
  }
}
