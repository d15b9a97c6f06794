import { Policy } from '@connect-skeleton/plugin-kafka-connect-common';
import { policyViolations, readPolicyFile } from './policyFile';
import { readValuesFile, ValuesResult } from './valuesFile';

/** The files a values command reads: `--values FILE` and, when given, `--policy FILE`. */
export interface ValuesArgs {
  values: string;
  policy?: string;
}

/**
 * The policy first: an unusable policy is bad usage (a thrown UsageError), whatever the
 * values hold. Then the values, read but not yet checked.
 */
export async function readValuesAndPolicy(
  args: ValuesArgs,
  cwd: string,
): Promise<{ read: ValuesResult; policy?: Policy }> {
  const policy = args.policy
    ? await readPolicyFile(args.policy, cwd)
    : undefined;
  return { read: await readValuesFile(args.values, cwd), policy };
}

/**
 * The values to render, or the problems that stop it: a policy violation stops a render as
 * bad values do, so nothing is written.
 */
export async function readAllowedValues(
  args: ValuesArgs,
  cwd: string,
): Promise<ValuesResult> {
  const { read, policy } = await readValuesAndPolicy(args, cwd);
  if (!read.ok || !policy) return read;
  const violations = policyViolations(read.values, policy);
  return violations.length > 0 ? { ok: false, problems: violations } : read;
}
