import {
  formatProblem,
  renderManifests,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { ExitCode } from '../errors';
import { Io, writeLines } from '../io';
import { policyViolations, readPolicyFile } from '../policyFile';
import { readValuesFile } from '../valuesFile';

/** `manifests`: the YAML stream on stdout; problems on stderr so a pipe never gets half a stream. */
export async function manifestsCommand(
  args: { values: string; policy?: string },
  io: Io,
): Promise<number> {
  const policy = args.policy
    ? await readPolicyFile(args.policy, io.cwd)
    : undefined;
  const read = await readValuesFile(args.values, io.cwd);
  const violations =
    read.ok && policy ? policyViolations(read.values, policy) : [];
  if (violations.length > 0) {
    writeLines(io.stderr, violations.map(formatProblem));
    return ExitCode.badValues;
  }
  const result = read.ok
    ? renderManifests(read.values)
    : { ok: false as const, problems: read.problems };
  if (!result.ok) {
    writeLines(io.stderr, result.problems.map(formatProblem));
    return ExitCode.badValues;
  }
  const stream = result.value;
  io.stdout.write(
    stream.endsWith('\n') || stream === '' ? stream : `${stream}\n`,
  );
  return ExitCode.ok;
}
