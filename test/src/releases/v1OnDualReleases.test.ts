import {
  findRelease,
  RELEASE_FACTS,
  servedApis,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { fullValues, variants } from '../fixtures/fullValues';
import { K8sObject, manifestsOf } from '../render/renderHelpers';
import { loadCrdValidator } from '../strimzi/crdValidator';
import { describeWithStrimzi, strimziReleases } from '../strimzi/strimziDir';

/**
 * The releases that serve both APIs (0.49.0 to 0.51.0) with `strimzi.apiVersion: v1`: the
 * widest cluster in every variant the v1 API allows renders v1 objects that the v1 schema
 * of that release's CRDs accepts, for the same Connect cluster as the v1beta2 rendering
 * (consumer group and storage topics), so a team can move to v1 before upgrading to 1.0.0.
 */

const IDENTITY = {
  groupId: 'group.id',
  offsetStorageTopic: 'offset.storage.topic',
  configStorageTopic: 'config.storage.topic',
  statusStorageTopic: 'status.storage.topic',
} as const;

/** The consumer group and storage topics, wherever the API version keeps them. */
function identity(connect: K8sObject): Record<string, unknown> {
  const spec = connect.spec!;
  const config = spec.config as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(IDENTITY).map(([field, setting]) => [
      field,
      connect.apiVersion.endsWith('/v1') ? spec[field] : config[setting],
    ]),
  );
}

const strimziObjects = (objects: K8sObject[]) =>
  objects.filter(o => o.apiVersion.startsWith('kafka.strimzi.io/'));

describeWithStrimzi(
  'strimzi.apiVersion v1 on the releases that serve both APIs',
  () => {
    const dual = RELEASE_FACTS.filter(
      f => servedApis(f).length > 1 && strimziReleases().includes(f.version),
    ).map(f => f.version);

    it('covers 0.49.0, 0.50.0 and 0.51.0', () => {
      expect(dual).toEqual(['0.49.0', '0.50.0', '0.51.0']);
    });

    describe.each(dual)('Strimzi %s', version => {
      const release = findRelease(version, 'v1')!;
      const validator = loadCrdValidator(version);

      it.each(variants(release).map(v => [JSON.stringify(v), v] as const))(
        'renders the full cluster %s as v1 objects its CRDs accept, same group and topics as v1beta2',
        (_label, variant) => {
          const given = fullValues(version, variant);
          const asV1 = strimziObjects(
            manifestsOf({ ...given, strimzi: { version, apiVersion: 'v1' } }),
          );
          expect(asV1.map(o => `${o.apiVersion} ${o.kind}`)).toEqual([
            'kafka.strimzi.io/v1 KafkaConnect',
            'kafka.strimzi.io/v1 KafkaConnector',
            'kafka.strimzi.io/v1 KafkaConnector',
          ]);
          for (const object of asV1) {
            expect({
              object: `${object.kind}/${object.metadata.name}`,
              errors: validator.validate(object),
            }).toEqual({
              object: `${object.kind}/${object.metadata.name}`,
              errors: [],
            });
          }
          // The v1 variants (no oauth) are all v1beta2 variants too: the same values, other API.
          const asV1beta2 = strimziObjects(manifestsOf(given));
          expect(asV1beta2[0].apiVersion).toBe('kafka.strimzi.io/v1beta2');
          expect(identity(asV1[0])).toEqual(identity(asV1beta2[0]));
          expect(identity(asV1[0])).toEqual({
            groupId: 'orders-sink',
            offsetStorageTopic: 'orders-sink-offsets',
            configStorageTopic: 'orders-sink-configs',
            statusStorageTopic: 'orders-sink-status',
          });
          expect(asV1.slice(1).map(c => c.spec)).toEqual(
            asV1beta2.slice(1).map(c => c.spec),
          );
        },
      );

      it('renders the smallest cluster as v1 with the derived group and topics in the spec', () => {
        const [connect] = strimziObjects(
          manifestsOf({
            name: 'tiny',
            namespace: 'kafka',
            owner: 'user:jane',
            strimzi: { version, apiVersion: 'v1' },
            kafka: { bootstrapServers: 'my-cluster-kafka-bootstrap:9092' },
          }),
        );
        expect(validator.validate(connect)).toEqual([]);
        expect(identity(connect)).toEqual({
          groupId: 'kafka.tiny',
          offsetStorageTopic: 'kafka.tiny.offsets',
          configStorageTopic: 'kafka.tiny.configs',
          statusStorageTopic: 'kafka.tiny.status',
        });
      });

      it('is judged by the v1 schema: the same object as v1beta2 with the group in config is refused', () => {
        const [connect] = strimziObjects(
          manifestsOf({
            ...fullValues(version),
            strimzi: { version, apiVersion: 'v1' },
          }),
        );
        const { groupId, ...withoutGroup } = connect.spec!;
        expect(groupId).toBe('orders-sink');
        expect(
          validator.validate({ ...connect, spec: withoutGroup }),
        ).toContain('/spec/groupId: required field missing');
      });
    });
  },
);
