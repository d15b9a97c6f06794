import path from 'node:path';
import {
  Layout,
  renderSkeleton,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { failWithProblems } from '../badValues';
import { ExitCode } from '../errors';
import { Io, writeLines } from '../io';
import { inspectOutDir } from '../outDir';
import { readAllowedValues, ValuesArgs } from '../policedValues';
import { writeOutput } from '../writeOutput';

/** `render`: every file rendered in memory, then written into --out in one swap, then listed. */
export async function renderCommand(
  args: ValuesArgs & { out: string; layout?: Layout },
  io: Io,
): Promise<number> {
  const dir = path.resolve(io.cwd, args.out);
  // Look at --out before rendering, so a refused folder is reported without other noise.
  await inspectOutDir(dir, args.out, io.cwd);
  const read = await readAllowedValues(args, io.cwd);
  const result = read.ok
    ? renderSkeleton(read.values, args.layout ? { layout: args.layout } : {})
    : read;
  if (!result.ok) return failWithProblems(io, result.problems);

  await writeOutput(dir, args.out, result.value, io.cwd);
  // Paths as the caller named --out, so they can be fed to `git add` or `xargs` as they are.
  writeLines(
    io.stdout,
    result.value.map(file => path.join(args.out, ...file.path.split('/'))),
  );
  return ExitCode.ok;
}
