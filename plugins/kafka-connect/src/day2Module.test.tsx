import { Entity } from '@backstage/catalog-model';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContextMenuItemBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import {
  kafkaConnectChangeFormFields,
  kafkaConnectChangeFormModule,
  kafkaConnectEntityExtensions,
  kafkaConnectEntityPageModule,
} from './day2Module';
import {
  changeClusterHref,
  isKafkaConnectCluster,
} from './entity/changeClusterLink';

const CLUSTER: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'orders-staging', namespace: 'default' },
  spec: { type: 'kafka-connect-cluster', owner: 'group:default/data-platform' },
};
const DATABASE: Entity = {
  ...CLUSTER,
  metadata: { name: 'orders-db' },
  spec: { type: 'database' },
};
const COMPONENT: Entity = {
  ...CLUSTER,
  kind: 'Component',
  metadata: { name: 'orders-service' },
};

describe('the day-2 modules', () => {
  it('put the change field in the scaffolder and the card and menu item on the catalog entity page', () => {
    expect(kafkaConnectChangeFormModule.pluginId).toBe('scaffolder');
    expect(kafkaConnectEntityPageModule.pluginId).toBe('catalog');
  });

  it('give the change template its KafkaConnectClusterChange field, with a validator', async () => {
    const [extension] = kafkaConnectChangeFormFields;
    const loader = createExtensionTester(extension as any).get(
      FormFieldBlueprint.dataRefs.formFieldLoader,
    ) as () => Promise<unknown>;
    const field = (await loader()) as {
      name: string;
      component: unknown;
      validation?: unknown;
    };
    expect(field.name).toBe('KafkaConnectClusterChange');
    expect(typeof field.component).toBe('function');
    expect(typeof field.validation).toBe('function');
  });

  it.each([
    [1, 'KafkaConnectManifests'],
    [2, 'KafkaConnectChecksums'],
  ])(
    'give the adopt template its field %#, %s, with a validator',
    async (index, name) => {
      const extension = kafkaConnectChangeFormFields[index];
      const loader = createExtensionTester(extension as any).get(
        FormFieldBlueprint.dataRefs.formFieldLoader,
      ) as () => Promise<unknown>;
      const field = (await loader()) as {
        name: string;
        component: unknown;
        validation?: unknown;
      };
      expect(field.name).toBe(name);
      expect(typeof field.component).toBe('function');
      expect(typeof field.validation).toBe('function');
    },
  );

  it('show the card and "Change this cluster" on Kafka Connect clusters only', () => {
    const [card, menuItem] = kafkaConnectEntityExtensions;
    const cardFilter = createExtensionTester(card as any).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    ) as (entity: Entity) => boolean;
    const menuFilter = createExtensionTester(menuItem as any).get(
      EntityContextMenuItemBlueprint.dataRefs.filterFunction,
    ) as (entity: Entity) => boolean;
    for (const filter of [cardFilter, menuFilter, isKafkaConnectCluster]) {
      expect(filter(CLUSTER)).toBe(true);
      expect(filter(DATABASE)).toBe(false);
      expect(filter(COMPONENT)).toBe(false);
    }
  });

  it('open the change template with the cluster chosen', () => {
    const href = changeClusterHref(
      '/create/templates/default/kafka-connect-change',
      CLUSTER,
    )!;
    const url = new URL(href, 'http://portal');
    expect(url.pathname).toBe('/create/templates/default/kafka-connect-change');
    expect(JSON.parse(url.searchParams.get('formData')!)).toEqual({
      cluster: 'resource:default/orders-staging',
    });
    expect(changeClusterHref(undefined, CLUSTER)).toBeUndefined();
  });
});
