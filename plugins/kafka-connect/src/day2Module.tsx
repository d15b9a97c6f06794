import {
  createFrontendModule,
  ExtensionDefinition,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContextMenuItemBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  FormFieldBlueprint,
  createFormField,
} from '@backstage/plugin-scaffolder-react/alpha';
import EditIcon from '@material-ui/icons/Edit';
import {
  isKafkaConnectCluster,
  useChangeClusterHref,
} from './entity/changeClusterLink';

/**
 * Day 2 in the portal: the change form's field (a module of the scaffolder plugin) and, on a
 * cluster's entity page, the way to it (a module of the catalog plugin).
 */

/**
 * `ui:field: KafkaConnectClusterChange` on the change template's `changes` parameter, and
 * `ui:field: KafkaConnectManifests` and `KafkaConnectChecksums` on the adopt template's
 * `manifests` and `checksums` parameters.
 */
export const kafkaConnectChangeFormFields: ExtensionDefinition[] = [
  FormFieldBlueprint.make({
    name: 'kafka-connect-cluster-change',
    params: {
      field: () =>
        Promise.all([
          import('./day2/ClusterChangeField'),
          import('./day2/changeValidation'),
        ]).then(([field, validation]) =>
          createFormField({
            name: 'KafkaConnectClusterChange',
            component: field.ClusterChangeField,
            validation: validation.validateClusterChange as any,
          }),
        ),
    },
  }),
  FormFieldBlueprint.make({
    name: 'kafka-connect-manifests',
    params: {
      field: () =>
        Promise.all([
          import('./adopt/ManifestsField'),
          import('./adopt/manifestsCheck'),
        ]).then(([field, check]) =>
          createFormField({
            name: 'KafkaConnectManifests',
            component: field.ManifestsField,
            validation: check.validateManifests as any,
          }),
        ),
    },
  }),
  FormFieldBlueprint.make({
    name: 'kafka-connect-checksums',
    params: {
      field: () =>
        Promise.all([
          import('./adopt/ManifestsField'),
          import('./adopt/manifestsCheck'),
        ]).then(([field, check]) =>
          createFormField({
            name: 'KafkaConnectChecksums',
            component: field.ManifestsField,
            validation: check.validateChecksums as any,
          }),
        ),
    },
  }),
];

function useChangeMenuItem() {
  const { entity } = useEntity();
  const href = useChangeClusterHref(entity);
  return href
    ? { title: 'Change this cluster', href }
    : {
        title: 'Change this cluster',
        disabled: true,
        onClick: () => undefined,
      };
}

/** The Kafka Connect card and the context menu item of a cluster's entity page. */
export const kafkaConnectEntityExtensions: ExtensionDefinition[] = [
  EntityCardBlueprint.make({
    name: 'kafka-connect-cluster',
    params: {
      filter: isKafkaConnectCluster,
      loader: () => import('./entity/ClusterCard').then(m => <m.ClusterCard />),
    },
  }),
  EntityContextMenuItemBlueprint.make({
    name: 'kafka-connect-change',
    params: {
      filter: isKafkaConnectCluster,
      icon: <EditIcon fontSize="small" />,
      useProps: useChangeMenuItem,
    },
  }),
];

/** The change and adopt forms' fields, as a module of the scaffolder plugin. */
export const kafkaConnectChangeFormModule = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: kafkaConnectChangeFormFields,
});

/** The entity page's Kafka Connect card and "Change this cluster", as a module of the catalog plugin. */
export const kafkaConnectEntityPageModule = createFrontendModule({
  pluginId: 'catalog',
  extensions: kafkaConnectEntityExtensions,
});
