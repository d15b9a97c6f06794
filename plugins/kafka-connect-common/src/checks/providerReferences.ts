import { PathSegment, problem, Problem } from '../problems';
import { ParsedValues } from '../values/schema';

/** `${alias:...}` in a setting only resolves when a config provider of that name exists. */
const REFERENCE = /\$\{([A-Za-z][A-Za-z0-9_-]*):/g;

function unknownProviders(
  settings: Record<string, unknown>,
  at: readonly PathSegment[],
  declared: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(settings)) {
    if (typeof value !== 'string') continue;
    for (const match of value.matchAll(REFERENCE)) {
      const alias = match[1];
      if (!declared.has(alias)) {
        problems.push(
          problem(
            [...at, key],
            `refers to config provider "${alias}", which configProviders does not declare; add { name: ${alias}, type: ... } to configProviders or fix the reference`,
          ),
        );
      }
    }
  }
  return problems;
}

/** Needs the declared providers; checks whichever of connect and connectors parsed. */
export function checkProviderReferences(
  values: Pick<ParsedValues, 'configProviders'> &
    Partial<Pick<ParsedValues, 'connect' | 'connectors'>>,
): Problem[] {
  const declared = new Set(values.configProviders.map(p => p.name));
  return [
    ...unknownProviders(
      values.connect?.config ?? {},
      ['connect', 'config'],
      declared,
    ),
    ...(values.connectors ?? []).flatMap((c, i) =>
      unknownProviders(c.config, ['connectors', i, 'config'], declared),
    ),
  ];
}
