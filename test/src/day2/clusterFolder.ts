import {
  fileChanges,
  Layout,
  renderSkeleton,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { gitopsUrlReaderServiceFactory } from '@connect-skeleton/plugin-scaffolder-backend-module-kafka-connect';
import { join, resolve } from 'path';
import { pathToFileURL } from 'url';
import { parse } from 'yaml';
import { CatalogEntity } from '../scaffolder/fakeCatalog';
import { REPO_ROOT } from '../scaffolder/templateFile';

/** Helpers for the day-2 tests: clusters as they sit in a GitOps repository. */

export const CHANGE_TEMPLATE = resolve(
  REPO_ROOT,
  'templates/kafka-connect-change/template.yaml',
);
export const ADOPT_TEMPLATE = resolve(
  REPO_ROOT,
  'templates/kafka-connect-adopt/template.yaml',
);
export const CHANGE_REF = 'template:default/kafka-connect-change';
export const ADOPT_REF = 'template:default/kafka-connect-adopt';

/** The backend features the day-2 templates need beside the test backend's own. */
export const DAY2_FEATURES = [gitopsUrlReaderServiceFactory];

/** The files `render` leaves in a cluster folder, path → content. */
export function renderedFiles(
  values: unknown,
  layout: Layout = 'helm',
): Record<string, string> {
  const result = renderSkeleton(values, { layout });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return Object.fromEntries(result.value.map(f => [f.path, f.content]));
}

/** The same files under `folder`, as a repository seed. */
export function inFolder(
  folder: string,
  files: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files).map(([path, content]) => [
      `${folder}/${path}`,
      content,
    ]),
  );
}

/**
 * The cluster's entity as the catalog serves it, read from its catalog-info.yaml at
 * `location` (a catalog location target: `url:https://github.com/…/blob/main/…/catalog-info.yaml`).
 */
export function clusterEntityAt(
  location: string,
  catalogInfo: string,
): CatalogEntity {
  const entity = parse(catalogInfo) as CatalogEntity;
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      namespace: 'default',
      annotations: {
        ...(entity.metadata.annotations as Record<string, string>),
        'backstage.io/managed-by-location': location,
        'backstage.io/managed-by-origin-location': location,
      },
    },
  };
}

/**
 * The cluster's entity as the demo catalog serves it: its catalog-info.yaml, located in the
 * bare repository (the demo's GitopsClusterEntityProvider writes the same location).
 */
export function clusterEntity(
  repository: string,
  folder: string,
  catalogInfo: string,
): CatalogEntity {
  return clusterEntityAt(
    `url:${pathToFileURL(join(repository, folder, 'catalog-info.yaml')).href}`,
    catalogInfo,
  );
}

/**
 * The repository paths (under `folder`) that a change from the files `before` to `after`
 * adds, changes or removes, sorted: what a pull request of the change must hold, and only that.
 */
export function touchedFiles(
  folder: string,
  before: Record<string, string>,
  after: Record<string, string>,
): string[] {
  const diff = fileChanges(
    new Map(Object.entries(before)),
    new Map(Object.entries(after)),
  );
  return [...diff.added, ...diff.changed, ...diff.removed]
    .map(file => `${folder}/${file}`)
    .sort();
}
