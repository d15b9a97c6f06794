import { stringify } from 'yaml';
import { renderedFiles } from './clusterFolder';
import { FILES, FOLDER, VALUES } from './ordersSinkChange';

/**
 * Two changes of orders-sink made one after the other while the first is still pending (its
 * branch not merged): the first adds a connector, the second, made from the default branch
 * as every change is, changes the replicas only, so it no longer makes the first one's
 * connector file.
 */

/** The fixture's connectors (fullValues types them loosely). */
const CONNECTORS = VALUES.connectors as Record<string, unknown>[];
const EXTRA_CONNECTOR = { ...CONNECTORS[1], name: 'orders-archive' };

/** Change 1, as the form sends it: the connectors list (a list replaces the old one whole). */
export const FIRST_CHANGE = stringify({
  connectors: [...CONNECTORS, EXTRA_CONNECTOR],
});
/** Change 2, from the default branch: the replicas only. */
export const SECOND_CHANGE = 'replicas: 4\n';

export const FIRST_RENDER = renderedFiles({
  ...VALUES,
  connectors: [...CONNECTORS, EXTRA_CONNECTOR],
});
export const SECOND_RENDER = renderedFiles({ ...VALUES, replicas: 4 });

/** The files change 1 adds (the default branch lacks them) that change 2 does not make. */
export const STALE = Object.keys(FIRST_RENDER)
  .filter(file => !(file in FILES) && !(file in SECOND_RENDER))
  .sort();

/** A branch's files (path → text) under the cluster's folder, relative to it. */
export function clusterFolderOf(
  files: Map<string, string>,
): Record<string, string> {
  return Object.fromEntries(
    [...files]
      .filter(([path]) => path.startsWith(`${FOLDER}/`))
      .map(([path, text]) => [path.slice(FOLDER.length + 1), text]),
  );
}
