import {
  formatProblem,
  validateValues,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { ExitCode } from '../errors';
import { Io, writeLines } from '../io';
import { readValuesFile } from '../valuesFile';

/** `validate`: the problems are the command's output, so they go to stdout (values.md). */
export async function validateCommand(
  args: { values: string },
  io: Io,
): Promise<number> {
  const read = await readValuesFile(args.values, io.cwd);
  const problems = read.ok ? validateValues(read.values) : read.problems;
  writeLines(io.stdout, problems.map(formatProblem));
  return problems.length > 0 ? ExitCode.badValues : ExitCode.ok;
}
