import { z } from 'zod';
import { formatPath, PathSegment, problem, Problem } from '../problems';
import { UNKNOWN_FIELD_HINTS } from './removedFields';

/** Turns zod's issues into field-named problems whose message says what to write instead. */

const SECRET_FIELD = /(password|secret|token|key)$/i;

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

function article(expected: string): string {
  if (expected === 'array') return 'a list';
  if (expected === 'object' || expected === 'record') return 'a mapping';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/** What to write for the required fields a first-time user most often leaves out. */
const REQUIRED_HINTS: Record<string, string> = {
  name: 'the cluster name, a DNS label such as orders-cdc',
  namespace: 'the Kubernetes namespace the cluster runs in',
  owner: 'the owning team or person, such as group:default/data-platform',
  kafka: 'the Kafka connection, at least kafka.bootstrapServers',
  'kafka.bootstrapServers':
    'host:port of the Kafka bootstrap service, such as my-cluster-kafka-bootstrap.kafka.svc:9093',
};

function message(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input !== undefined) {
        return `must be ${article(issue.expected)}, not ${typeName(
          issue.input,
        )}`;
      }
      // List indexes do not matter for the hint: `apiAccess[2].podLabels` → `apiAccess.podLabels`.
      const hint =
        REQUIRED_HINTS[issue.path.filter(s => typeof s === 'string').join('.')];
      return hint ? `is required: ${hint}` : 'is required';
    }
    case 'invalid_value':
      return `must be one of: ${issue.values
        .map(v => JSON.stringify(v))
        .join(', ')}`;
    case 'too_small':
      if (issue.origin === 'array') {
        return `needs at least ${issue.minimum} ${
          Number(issue.minimum) === 1 ? 'entry' : 'entries'
        }`;
      }
      return issue.message.startsWith('Too small')
        ? `must be at least ${issue.minimum}`
        : issue.message;
    case 'too_big':
      return issue.message.startsWith('Too big')
        ? `must be at most ${issue.maximum}`
        : issue.message;
    case 'invalid_union':
      if (issue.discriminator && 'options' in issue && issue.options) {
        return `must be one of: ${issue.options
          .map(o => JSON.stringify(o))
          .join(', ')}`;
      }
      return `does not match any accepted shape: ${unionDetails(issue)}`;
    case 'invalid_key':
      return `has a key that ${issue.issues.map(message).join('; ')}`;
    default:
      return issue.message;
  }
}

/** The messages of the union branch that got furthest, so the user sees a concrete fix. */
function unionDetails(issue: z.core.$ZodIssueInvalidUnion): string {
  const branches = issue.errors.filter(b => b.length > 0);
  if (branches.length === 0) return issue.message;
  const closest = branches.reduce((a, b) => (b.length < a.length ? b : a));
  return closest
    .map(i => `${i.path.length ? `${i.path.join('.')} ` : ''}${message(i)}`)
    .join('; ');
}

export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
): Problem[] {
  return issues.flatMap(issue => {
    const path = issue.path.filter(
      (s): s is PathSegment => typeof s === 'string' || typeof s === 'number',
    );
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map(key =>
        problem(
          [...path, key],
          UNKNOWN_FIELD_HINTS.get(formatPath([...path, key])) ??
            (SECRET_FIELD.test(key)
              ? 'unknown field; the values never hold credentials: reference a Secret instead (see docs/values.md)'
              : 'unknown field; remove it or check its spelling against docs/values.md'),
        ),
      );
    }
    return [problem(path, message(issue))];
  });
}
