import { formatPath, problem, Problem } from '../problems';
import { fullEntityRef, globMatches } from './glob';
import { Policy } from './schema';

/** Allowed namespaces per owner: entries for the owner (or `*`, any owner) with names or patterns. */
export function checkNamespace(
  namespace: string,
  owner: string,
  policy: Policy,
): Problem[] {
  if (!policy.namespaces) return [];
  const ref = fullEntityRef(owner);
  const entries = policy.namespaces
    .map((entry, index) => ({ entry, index }))
    .filter(
      ({ entry }) => entry.owner === '*' || fullEntityRef(entry.owner) === ref,
    );
  if (
    entries.some(({ entry }) =>
      entry.allowed.some(pattern => globMatches(pattern, namespace)),
    )
  ) {
    return [];
  }
  if (entries.length === 0) {
    return [
      problem(
        ['namespace'],
        `${namespace} is not allowed for ${ref}: the policy names no namespaces for that owner (policy namespaces); ask the platform team to add them, or choose another owner`,
      ),
    ];
  }
  const rules = entries
    .map(({ index }) => formatPath(['namespaces', index, 'allowed']))
    .join(', ');
  const allowed = [...new Set(entries.flatMap(({ entry }) => entry.allowed))];
  return [
    problem(
      ['namespace'],
      `${namespace} is not one of the namespaces the policy allows ${ref} (policy ${rules}): ${allowed.join(
        ', ',
      )}`,
    ),
  ];
}
