import { formatPath, PathSegment, problem, Problem } from '../problems';
import { Policy, EnvironmentRules } from './schema';

/**
 * Which of the policy's environment rules judge a cluster. The values name their environment
 * in `environment` (docs/values.md); the policy's `environments` has rules per name, and
 * `otherEnvironments` the rules for a cluster whose environment it does not list or that
 * names none. Without `otherEnvironments`, such a cluster is refused: a policy that names
 * environments means every cluster to be in one of them.
 */
export interface AppliedEnvironment {
  rules: EnvironmentRules;
  /** Where the rules are in the policy: `environments.prod` or `otherEnvironments`. */
  at: PathSegment[];
  /** "for environment prod": how messages say which rules apply. */
  phrase: string;
}

export type EnvironmentResult =
  | { kind: 'none' }
  | { kind: 'refused'; problem: Problem }
  | { kind: 'applies'; environment: AppliedEnvironment };

export function environmentRules(
  environment: string | undefined,
  policy: Policy,
): EnvironmentResult {
  const listed = policy.environments ?? {};
  if (environment !== undefined && Object.hasOwn(listed, environment)) {
    return {
      kind: 'applies',
      environment: {
        rules: listed[environment],
        at: ['environments', environment],
        phrase: `for environment ${environment}`,
      },
    };
  }
  if (policy.otherEnvironments) {
    return {
      kind: 'applies',
      environment: {
        rules: policy.otherEnvironments,
        at: ['otherEnvironments'],
        phrase:
          environment === undefined
            ? 'for a cluster without an environment'
            : `for environment ${environment}, which the policy does not list`,
      },
    };
  }
  const names = Object.keys(listed);
  if (names.length === 0) return { kind: 'none' };
  const choices = names.join(', ');
  return {
    kind: 'refused',
    problem: problem(
      ['environment'],
      environment === undefined
        ? `is required by the policy, which has rules per environment and none for clusters without one (policy environments): give one of ${choices}`
        : `${environment} is not one of the policy's environments, and the policy has no otherEnvironments (policy environments): use one of ${choices}`,
    ),
  };
}

/** `(policy environments.prod.replicas.min)`: the rule, as the policy file names it. */
export function ruleRef(
  environment: AppliedEnvironment,
  ...rest: PathSegment[]
): string {
  return `(policy ${formatPath([...environment.at, ...rest])})`;
}

export function checkReplicas(
  replicas: number,
  environment: AppliedEnvironment,
): Problem[] {
  const bounds = environment.rules.replicas;
  if (!bounds) return [];
  if (bounds.min !== undefined && replicas < bounds.min) {
    return [
      problem(
        ['replicas'],
        `${replicas} is below the policy's minimum of ${bounds.min} ${
          environment.phrase
        } ${ruleRef(environment, 'replicas', 'min')}`,
      ),
    ];
  }
  if (bounds.max !== undefined && replicas > bounds.max) {
    return [
      problem(
        ['replicas'],
        `${replicas} is above the policy's maximum of ${bounds.max} ${
          environment.phrase
        } ${ruleRef(environment, 'replicas', 'max')}`,
      ),
    ];
  }
  return [];
}
