import { z } from 'zod';
import { problem, Problem, PathSegment } from '../problems';
import { issuesToProblems } from '../values/issues';
import {
  Policy,
  policySchema,
  POLICY_API_VERSION,
  POLICY_KIND,
} from './schema';

export type PolicyParseResult =
  | { ok: true; policy: Policy }
  | { ok: false; problems: Problem[] };

function pathOf(issue: z.core.$ZodIssue): PathSegment[] {
  return issue.path.filter(
    (s): s is PathSegment => typeof s === 'string' || typeof s === 'number',
  );
}

/**
 * Checks a policy document (already read from YAML). Problems name the policy's own field
 * (`environments.prod.replicas.mni: unknown policy field ...`), never the values'.
 */
export function parsePolicy(input: unknown): PolicyParseResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return {
      ok: false,
      problems: [
        {
          path: '',
          message: `a policy must be a YAML mapping with apiVersion: ${POLICY_API_VERSION} and kind: ${POLICY_KIND} (see docs/policy.md)`,
        },
      ],
    };
  }
  const parsed = policySchema.safeParse(input, { reportInput: true });
  if (parsed.success) return { ok: true, policy: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.flatMap(issue =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map(key =>
            problem(
              [...pathOf(issue), key],
              'unknown policy field; remove it or check its spelling against docs/policy.md',
            ),
          )
        : issuesToProblems([issue]),
    ),
  };
}
