import {
  formatProblem,
  validateValues,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { ExitCode } from '../errors';
import { Io, writeLines } from '../io';
import { policyViolations, readPolicyFile } from '../policyFile';
import { readValuesFile } from '../valuesFile';

/**
 * `validate`: the problems are the command's output, so they go to stdout (values.md). With
 * `--policy`, good values are then checked against the policy, and its violations are problems.
 */
export async function validateCommand(
  args: { values: string; policy?: string },
  io: Io,
): Promise<number> {
  // The policy first: an unusable policy is bad usage, whatever the values hold.
  const policy = args.policy
    ? await readPolicyFile(args.policy, io.cwd)
    : undefined;
  const read = await readValuesFile(args.values, io.cwd);
  let problems = read.ok ? validateValues(read.values) : read.problems;
  if (read.ok && problems.length === 0 && policy) {
    problems = policyViolations(read.values, policy);
  }
  writeLines(io.stdout, problems.map(formatProblem));
  return problems.length > 0 ? ExitCode.badValues : ExitCode.ok;
}
