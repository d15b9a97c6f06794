import { formatPath, PathSegment, problem, Problem } from '../problems';
import { Policy } from './schema';
import { AppliedEnvironment } from './environments';

/** Required labels of the KafkaConnect (`labels` of the values): the policy's and its environment's. */

interface RequiredLabel {
  key: string;
  values?: string[];
  at: PathSegment[];
  phrase: string;
}

function requiredLabels(
  policy: Policy,
  environment: AppliedEnvironment | undefined,
): RequiredLabel[] {
  const everywhere = (policy.labels?.required ?? []).map((label, i) => ({
    ...label,
    at: ['labels', 'required', i],
    phrase: '',
  }));
  const inEnvironment = environment
    ? (environment.rules.labels?.required ?? []).map((label, i) => ({
        ...label,
        at: [...environment.at, 'labels', 'required', i],
        phrase: ` ${environment.phrase}`,
      }))
    : [];
  return [...everywhere, ...inEnvironment];
}

export function checkLabels(
  labels: Record<string, string> | undefined,
  policy: Policy,
  environment: AppliedEnvironment | undefined,
): Problem[] {
  const given = labels ?? {};
  return requiredLabels(policy, environment).flatMap(label => {
    const rule = `(policy ${formatPath(label.at)})`;
    const choices = label.values?.join(', ');
    if (!Object.hasOwn(given, label.key)) {
      return [
        problem(
          ['labels', label.key],
          `is required by the policy${label.phrase} ${rule}; add it to labels${
            choices ? ` with one of: ${choices}` : ''
          }`,
        ),
      ];
    }
    const value = given[label.key];
    if (label.values && !label.values.includes(value)) {
      return [
        problem(
          ['labels', label.key],
          `${value} is not one of the values the policy allows${
            label.phrase
          } (policy ${formatPath([...label.at, 'values'])}): ${choices}`,
        ),
      ];
    }
    return [];
  });
}
