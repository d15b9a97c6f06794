import {
  formatProblem,
  validateValues,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { ExitCode } from '../errors';
import { Io, writeLines } from '../io';
import { policyViolations } from '../policyFile';
import { readValuesAndPolicy, ValuesArgs } from '../policedValues';

/**
 * `validate`: the problems are the command's output, so they go to stdout (values.md). With
 * `--policy`, good values are then checked against the policy, and its violations are problems.
 */
export async function validateCommand(
  args: ValuesArgs,
  io: Io,
): Promise<number> {
  const { read, policy } = await readValuesAndPolicy(args, io.cwd);
  let problems = read.ok ? validateValues(read.values) : read.problems;
  if (read.ok && problems.length === 0 && policy) {
    problems = policyViolations(read.values, policy);
  }
  writeLines(io.stdout, problems.map(formatProblem));
  return problems.length > 0 ? ExitCode.badValues : ExitCode.ok;
}
