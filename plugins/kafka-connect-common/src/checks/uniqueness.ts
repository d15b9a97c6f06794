import { formatPath, PathSegment, problem, Problem } from '../problems';
import { ParsedValues } from '../values/schema';

/** Lists whose entries are addressed by name: a second entry of the same name is a mistake. */
const NAMED_LISTS = [
  'env',
  'plugins',
  'connectors',
  'configProviders',
  'apiAccess',
] as const;

function duplicates(
  list: readonly { name: string }[],
  at: readonly PathSegment[],
): Problem[] {
  const seen = new Map<string, number>();
  const problems: Problem[] = [];
  list.forEach((entry, index) => {
    const first = seen.get(entry.name);
    if (first === undefined) seen.set(entry.name, index);
    else {
      problems.push(
        problem(
          [...at, index, 'name'],
          `the name "${entry.name}" is already used by ${formatPath([
            ...at,
            first,
          ])}; names must be unique`,
        ),
      );
    }
  });
  return problems;
}

/** Checks each list that parsed; a list with a shape problem is left out. */
export function checkUniqueNames(
  values: Partial<
    Pick<ParsedValues, (typeof NAMED_LISTS)[number] | 'truststore'>
  >,
): Problem[] {
  return [
    ...NAMED_LISTS.flatMap(field => duplicates(values[field] ?? [], [field])),
    ...duplicates(values.truststore?.certificates ?? [], [
      'truststore',
      'certificates',
    ]),
  ];
}
