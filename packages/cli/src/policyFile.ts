import { parseAllDocuments } from 'yaml';
import {
  checkPolicy,
  formatProblem,
  parsePolicy,
  parseValues,
  Policy,
  Problem,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { UsageError } from './errors';
import { readTextFile } from './textFile';

/**
 * `--policy FILE`: the platform's policy (docs/policy.md). A policy that cannot be read or
 * used is bad usage (exit 2), like an unreadable values file: nothing can be judged by it.
 */
export async function readPolicyFile(
  file: string,
  cwd: string,
): Promise<Policy> {
  const text = await readTextFile(file, cwd, 'policy file');
  const docs = parseAllDocuments(text);
  const all = Array.isArray(docs) ? docs : [];
  const error = all.flatMap(doc => [...doc.errors, ...doc.warnings])[0];
  if (error) {
    throw new UsageError(
      `invalid YAML in policy file ${file}: ${error.message.split('\n')[0]}`,
    );
  }
  if (all.length !== 1) {
    throw new UsageError(
      `policy file ${file} must hold one YAML document, not ${all.length}`,
    );
  }
  let document: unknown;
  try {
    document = all[0].toJS();
  } catch (cause) {
    // toJS throws for unresolved aliases and alias bombs.
    throw new UsageError(
      `invalid YAML in policy file ${file}: ${(cause as Error).message}`,
    );
  }
  const parsed = parsePolicy(document);
  if (!parsed.ok) {
    // One line per broken field, each naming the file: the message is the whole report.
    throw new UsageError(
      [
        `policy file ${file} is not a valid policy (docs/policy.md):`,
        ...parsed.problems.map(p => `  ${file}: ${formatProblem(p)}`),
      ].join('\n'),
    );
  }
  return parsed.policy;
}

/**
 * The policy's violations by values read from a file; none when the values themselves have
 * problems (those are reported by the values checks, and a policy judges good values only).
 */
export function policyViolations(values: unknown, policy: Policy): Problem[] {
  const parsed = parseValues(values);
  return parsed.ok ? checkPolicy(parsed.value.values, policy) : [];
}
