import { parse } from 'yaml';
import { renderSkeleton } from '@connect-skeleton/plugin-kafka-connect-common';

/** The cluster the day-2 forms change. */
export const ORDERS_ENTITY = 'resource:default/orders';

/**
 * connect-cluster.yaml of the orders cluster as the renderer writes it and the backend reads
 * it; `values` adds to or overrides the cluster's name, namespace, owner and Kafka.
 */
export function ordersConnectCluster(
  values: Record<string, unknown>,
): Record<string, unknown> {
  const rendered = renderSkeleton(
    {
      name: 'orders',
      namespace: 'streaming',
      owner: 'group:default/data-platform',
      kafka: { bootstrapServers: 'kafka:9093' },
      ...values,
    },
    { layout: 'helm' },
  );
  if (!rendered.ok) throw new Error(JSON.stringify(rendered.problems));
  return parse(
    rendered.value.find(f => f.path === 'connect-cluster.yaml')!.content,
  );
}

/** The orders cluster's change branch, as the backend names it. */
export const ORDERS_CHANGE_BRANCH = 'kafka-connect-change/clusters/orders';

/** What the backend adds about the cluster's change branch, and where the cluster is. */
export interface ReadClusterExtras {
  destination?: 'local' | 'github' | 'gitlab';
  pending?: { branch: string; files: string[] };
  pendingNotChecked?: string;
}

/** The backend's answer to reading the orders cluster: its values and where they live. */
export function readClusterResponse(
  values: Record<string, unknown>,
  extras: ReadClusterExtras = {},
): Response {
  return new Response(
    JSON.stringify({
      entityRef: ORDERS_ENTITY,
      values,
      layout: 'helm',
      valuesUrl: 'file:///gitops.git/clusters/orders/connect-cluster.yaml',
      repositoryPath: 'clusters/orders',
      destination: 'local',
      owner: 'group:default/data-platform',
      ...extras,
    }),
    { status: 200 },
  );
}

/** Where the test backend's plugins answer. */
export const backendDiscovery = {
  getBaseUrl: async (id: string) => `http://backend/api/${id}`,
};
