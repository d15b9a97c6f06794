import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Io } from '../io';
import { run } from '../run';

/** The repository's own example values (examples/values/), a full cluster on Strimzi 0.51.0. */
export const EXAMPLE_VALUES = path.resolve(
  __dirname,
  '../../../../examples/values/orders-cdc.yaml',
);

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with `cwd` and returns what it printed (fleet work: `threads`). */
export async function runCli(
  argv: readonly string[],
  cwd: string,
  threads?: number,
): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd,
    threads,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** A fresh temporary folder, removed by the returned cleanup. */
export async function tempDir(): Promise<{
  dir: string;
  cleanup: () => Promise<void>;
}> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'connect-skeleton-'));
  return { dir, cleanup: () => fs.rm(dir, { recursive: true, force: true }) };
}

/** Every file below `root` (relative, '/' separators) with its bytes, sorted by path. */
export async function readTree(root: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  async function walk(rel: string): Promise<void> {
    for (const entry of await fs.readdir(path.join(root, rel), {
      withFileTypes: true,
    })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(child);
      else files.set(child, await fs.readFile(path.join(root, child)));
    }
  }
  await walk('');
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}
