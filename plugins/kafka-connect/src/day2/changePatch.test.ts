import { mergeChanges } from '@connect-skeleton/plugin-kafka-connect-common';
import {
  changePatch,
  editedValues,
  patchCluster,
  patchText,
  readPatch,
} from './changePatch';

const CURRENT = {
  name: 'orders',
  namespace: 'streaming',
  replicas: 1,
  kafka: { version: '4.1.0', bootstrapServers: 'kafka:9093' },
  connect: { groupId: 'streaming.orders', config: {} },
  plugins: [
    { name: 'a', artifacts: [{ type: 'jar', url: 'https://x/a.jar' }] },
  ],
  env: [],
  description: 'Orders',
};

describe('changePatch', () => {
  it('is nothing when the form only drew what was there, or empty sections and lists', () => {
    expect(changePatch(CURRENT, CURRENT)).toBeUndefined();
    expect(
      changePatch(CURRENT, {
        ...CURRENT,
        kafka: { ...CURRENT.kafka, tls: {} },
        connect: { groupId: 'streaming.orders' },
        env: undefined,
        volumes: [],
        scheduling: { tolerations: [] },
      }),
    ).toBeUndefined();
  });

  it('holds the fields that differ, a mapping field by field, a list whole, an emptied field as null', () => {
    const edited = {
      ...CURRENT,
      replicas: 3,
      kafka: { ...CURRENT.kafka, version: '4.2.0' },
      plugins: [
        ...CURRENT.plugins,
        { name: 'b', artifacts: [{ type: 'jar', url: 'https://x/b.jar' }] },
      ],
      description: undefined,
      rack: { topologyKey: 'zone', extra: {} },
    };
    const patch = changePatch(CURRENT, edited);
    expect(patch).toEqual({
      replicas: 3,
      kafka: { version: '4.2.0' },
      plugins: edited.plugins,
      description: null,
      rack: { topologyKey: 'zone' },
    });
    // Applied as kafka-connect:change-values applies it, it gives the edited values back.
    expect(mergeChanges(CURRENT, patch)).toEqual({
      ...edited,
      description: undefined,
      rack: { topologyKey: 'zone' },
    });
  });
});

describe('the changes text', () => {
  it('is YAML the change action reads, naming the cluster it was made for', () => {
    const text = patchText({ replicas: 3 }, 'resource:default/orders');
    expect(text).toBe(
      '# The fields of connect-cluster.yaml that change, for resource:default/orders\nreplicas: 3\n',
    );
    expect(readPatch(text)).toEqual({ replicas: 3 });
    expect(patchCluster(text)).toBe('resource:default/orders');
    expect(patchText(undefined, 'resource:default/orders')).toBe('');
  });

  it("gives the form back the values with the change so far, and today's values for none or for text that is no mapping", () => {
    expect(editedValues(CURRENT, 'replicas: 2\n').replicas).toBe(2);
    expect(editedValues(CURRENT, '')).toBe(CURRENT);
    expect(editedValues(CURRENT, '- a list\n')).toBe(CURRENT);
    expect(editedValues(CURRENT, ': not yaml : [')).toBe(CURRENT);
    expect(patchCluster('replicas: 2\n')).toBeUndefined();
  });
});
