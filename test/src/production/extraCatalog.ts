import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { REPO_ROOT } from '../scaffolder/templateFile';

/**
 * More catalog entities for the replicas: written as files into `dir`, one each, and the
 * `catalog.locations` that read them after the demo's own. A config array replaces the one
 * of an earlier file rather than adding to it, so the demo's locations (app-config.yaml, paths
 * relative to packages/backend, where the replicas run) are repeated first.
 */
export function catalogWithEntities(
  dir: string,
  entities: {
    kind: string;
    metadata: { name: string };
    spec: Record<string, unknown>;
  }[],
): { locations: object[] } {
  const demo = parse(readFileSync(join(REPO_ROOT, 'app-config.yaml'), 'utf8'))
    .catalog.locations as object[];
  const extra = entities.map(entity => {
    const file = join(
      dir,
      `${entity.kind.toLowerCase()}-${entity.metadata.name}.yaml`,
    );
    writeFileSync(
      file,
      stringify({ apiVersion: 'backstage.io/v1alpha1', ...entity }),
    );
    return { type: 'file', target: file };
  });
  return { locations: [...demo, ...extra] };
}
