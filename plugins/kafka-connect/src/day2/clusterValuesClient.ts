import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';

/**
 * The values of a cluster that is in the GitOps repository, as the backend's
 * `GET /api/kafka-connect/clusters/values` gives them to the signed-in user (the backend
 * module `kafkaConnectClusterValuesPlugin` of
 * `@connect-skeleton/plugin-scaffolder-backend-module-kafka-connect`).
 */
export interface CurrentCluster {
  entityRef: string;
  values: Record<string, unknown>;
  layout: 'helm' | 'kustomize';
  valuesUrl: string;
  repositoryPath: string;
  destination: 'local' | 'github' | 'gitlab';
  owner: string;
  /**
   * A change of the cluster still pending on its change branch, `kafka-connect-change/<folder>`
   * (not merged): the change made now replaces it. Absent when there is none (or from an older
   * backend).
   */
  pending?: { branch: string; files: string[] };
  /** Why the backend did not read the change branch, when it did not. */
  pendingNotChecked?: string;
}

export interface ClusterValuesApis {
  discoveryApi: Pick<DiscoveryApi, 'getBaseUrl'>;
  fetchApi: Pick<FetchApi, 'fetch'>;
}

/** The backend's plugin id, as `discoveryApi.getBaseUrl` takes it. */
export const CLUSTER_VALUES_PLUGIN_ID = 'kafka-connect';

/**
 * Reads the values; a refusal (not a cluster, not the user's to change, unreadable file)
 * throws an Error with the backend's message, which says what to do.
 */
export async function fetchClusterValues(
  apis: ClusterValuesApis,
  entityRef: string,
): Promise<CurrentCluster> {
  const base = await apis.discoveryApi.getBaseUrl(CLUSTER_VALUES_PLUGIN_ID);
  const response = await apis.fetchApi.fetch(
    `${base}/clusters/values?entityRef=${encodeURIComponent(entityRef)}`,
  );
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const message = (body as { error?: { message?: unknown } } | undefined)
      ?.error?.message;
    throw new Error(
      typeof message === 'string'
        ? message
        : `Reading ${entityRef} failed: HTTP ${response.status}`,
    );
  }
  return body as CurrentCluster;
}

const cache = new Map<string, Promise<CurrentCluster>>();
const read = new Map<string, CurrentCluster>();

/** The values read last for a cluster, if a read has finished. */
export function lastRead(entityRef: string): CurrentCluster | undefined {
  return read.get(entityRef);
}

/**
 * The same, read once per cluster while the page lives: the field reads it when it is shown
 * (`fresh`), its validator on Next reuses that read.
 */
export function clusterValues(
  apis: ClusterValuesApis,
  entityRef: string,
  options: { fresh?: boolean } = {},
): Promise<CurrentCluster> {
  const known = cache.get(entityRef);
  if (known && !options.fresh) return known;
  const reading = fetchClusterValues(apis, entityRef).then(
    value => {
      read.set(entityRef, value);
      return value;
    },
    error => {
      read.delete(entityRef);
      throw error;
    },
  );
  cache.set(entityRef, reading);
  return reading;
}
