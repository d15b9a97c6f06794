import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/core-plugin-api';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import { CLUSTER_ENTITY_TYPE } from '@connect-skeleton/plugin-kafka-connect-common';

/** The change template, as templates/kafka-connect-change/template.yaml names it. */
export const CHANGE_TEMPLATE = {
  namespace: 'default',
  templateName: 'kafka-connect-change',
};

/** Whether an entity is a Kafka Connect cluster as the renderer writes its catalog-info.yaml. */
export function isKafkaConnectCluster(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    (entity.spec as { type?: unknown } | undefined)?.type ===
      CLUSTER_ENTITY_TYPE
  );
}

/**
 * The change template's page with the cluster chosen: the scaffolder fills the form from the
 * `formData` query parameter. Undefined when the scaffolder's page is not in the app.
 */
export function changeClusterHref(
  templatePage: string | undefined,
  entity: Entity,
): string | undefined {
  if (!templatePage) return undefined;
  const formData = JSON.stringify({ cluster: stringifyEntityRef(entity) });
  return `${templatePage}?formData=${encodeURIComponent(formData)}`;
}

/** The same, where the app mounts the scaffolder. */
export function useChangeClusterHref(entity: Entity): string | undefined {
  const templateRoute = useRouteRef(scaffolderPlugin.routes.selectedTemplate);
  return changeClusterHref(templateRoute?.(CHANGE_TEMPLATE), entity);
}
