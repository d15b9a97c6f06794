import path from 'node:path';
import {
  formatProblem,
  Layout,
  renderSkeleton,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { ExitCode } from '../errors';
import { Io, writeLines } from '../io';
import { inspectOutDir } from '../outDir';
import { policyViolations, readPolicyFile } from '../policyFile';
import { readValuesFile } from '../valuesFile';
import { writeOutput } from '../writeOutput';

/** `render`: every file rendered in memory, then written into --out in one swap, then listed. */
export async function renderCommand(
  args: { values: string; out: string; layout?: Layout; policy?: string },
  io: Io,
): Promise<number> {
  const dir = path.resolve(io.cwd, args.out);
  // Look at --out before rendering, so a refused folder is reported without other noise.
  await inspectOutDir(dir, args.out, io.cwd);
  const policy = args.policy
    ? await readPolicyFile(args.policy, io.cwd)
    : undefined;

  const read = await readValuesFile(args.values, io.cwd);
  // A policy violation writes nothing, as bad values do.
  const violations =
    read.ok && policy ? policyViolations(read.values, policy) : [];
  if (violations.length > 0) {
    writeLines(io.stderr, violations.map(formatProblem));
    return ExitCode.badValues;
  }
  const result = read.ok
    ? renderSkeleton(read.values, args.layout ? { layout: args.layout } : {})
    : { ok: false as const, problems: read.problems };
  if (!result.ok) {
    writeLines(io.stderr, result.problems.map(formatProblem));
    return ExitCode.badValues;
  }

  await writeOutput(dir, args.out, result.value, io.cwd);
  // Paths as the caller named --out, so they can be fed to `git add` or `xargs` as they are.
  writeLines(
    io.stdout,
    result.value.map(file => path.join(args.out, ...file.path.split('/'))),
  );
  return ExitCode.ok;
}
