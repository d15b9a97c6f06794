import { parseValues } from './parse';
import { pruneEmpty } from './prune';

describe('pruneEmpty', () => {
  it('drops the empty sections a form sends for untouched optional fields', () => {
    expect(
      pruneEmpty({
        name: 'orders',
        description: null,
        env: [{ name: 'TZ', value: 'UTC', valueFrom: { secretKeyRef: {} } }],
        volumes: [
          {
            name: 'v',
            mountPath: '/mnt/v',
            secret: { items: [] },
            configMap: { items: [] },
            emptyDir: {},
          },
        ],
        scheduling: {
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [{ matchExpressions: [] }],
              },
            },
          },
        },
        plugins: [],
      }),
    ).toEqual({
      name: 'orders',
      env: [{ name: 'TZ', value: 'UTC' }],
      volumes: [{ name: 'v', mountPath: '/mnt/v', emptyDir: {} }],
    });
  });

  it('keeps falsy scalars that are values', () => {
    expect(
      pruneEmpty({ replicas: 0, metrics: { enabled: false }, description: '' }),
    ).toEqual({
      replicas: 0,
      metrics: { enabled: false },
      description: '',
    });
  });

  it('lets form-shaped values render as the user meant them', () => {
    const result = parseValues({
      name: 'orders',
      namespace: 'data',
      owner: 'user:jane',
      kafka: { bootstrapServers: 'k:9092', tls: { trustedCertificates: [] } },
      volumes: [
        { name: 'v', mountPath: '/mnt/v', secret: { items: [] }, emptyDir: {} },
      ],
      scheduling: {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [] }],
            },
          },
        },
      },
    });
    expect(result.ok && result.value.values.scheduling).toBeUndefined();
    expect(result.ok && result.value.values.volumes).toEqual([
      { name: 'v', mountPath: '/mnt/v', emptyDir: {} },
    ]);
  });

  it('keeps a __proto__ key as an own key, for the schema to refuse, and never as the prototype', () => {
    const input = JSON.parse('{"name": "x", "__proto__": {"polluted": true}}');
    const pruned = pruneEmpty(input);
    expect(Object.getPrototypeOf(pruned)).toBe(Object.prototype);
    expect(Object.keys(pruned)).toEqual(['name', '__proto__']);
    expect((pruned as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
