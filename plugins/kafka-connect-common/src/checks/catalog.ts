import { problem, Problem } from '../problems';
import { catalogEntityName } from '../render/labels';
import { ParsedValues } from '../values/schema';

/** Catalog entity names and Kubernetes label values both stop at 63 characters. */
export function checkCatalogName(
  values: Pick<ParsedValues, 'name' | 'environment'>,
): Problem[] {
  const name = catalogEntityName(values);
  if (name.length <= 63) return [];
  return [
    problem(
      ['environment'],
      `"${values.name}-${values.environment}" (name and environment, the catalog entity name) is ${name.length} characters; shorten name or environment to 63 together`,
    ),
  ];
}
