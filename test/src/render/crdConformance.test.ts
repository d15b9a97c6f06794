import {
  findRelease,
  SUPPORTED_STRIMZI_VERSIONS,
} from '@internal/plugin-kafka-connect-common';
import { fullValues, variants } from '../fixtures/fullValues';
import { loadCrdValidator } from '../strimzi/crdValidator';
import { describeWithStrimzi, strimziReleases } from '../strimzi/strimziDir';
import { manifestsOf } from './renderHelpers';

/**
 * Every supported release that has CRDs at hand renders its widest cluster, in every
 * combination of the choices it allows, and its own CRDs accept every Strimzi object.
 */
describeWithStrimzi('rendered resources against the real Strimzi CRDs', () => {
  const releases = strimziReleases().filter(r =>
    SUPPORTED_STRIMZI_VERSIONS.includes(r),
  );

  it('covers the oldest and the newest supported release', () => {
    expect(releases).toContain('0.45.0');
    expect(releases).toContain('1.2.0');
  });

  describe.each(releases)('Strimzi %s', version => {
    const release = findRelease(version)!;
    const validator = loadCrdValidator(version);

    it.each(variants(release).map(v => [JSON.stringify(v), v] as const))(
      'accepts the full cluster %s',
      (_label, variant) => {
        const objects = manifestsOf(fullValues(version, variant));
        const strimziObjects = objects.filter(o =>
          o.apiVersion.startsWith('kafka.strimzi.io/'),
        );
        expect(strimziObjects.map(o => o.kind)).toEqual([
          'KafkaConnect',
          'KafkaConnector',
          'KafkaConnector',
        ]);
        for (const object of strimziObjects) {
          expect({
            object: `${object.kind}/${object.metadata.name}`,
            errors: validator.validate(object),
          }).toEqual({
            object: `${object.kind}/${object.metadata.name}`,
            errors: [],
          });
          expect(object.apiVersion).toBe(release.apiVersion);
        }
      },
    );

    it("accepts a cluster that reads the team's own JMX exporter ConfigMap", () => {
      const values = fullValues(version);
      const own = { name: 'team-jmx-rules', key: 'connect.yaml' };
      (values.metrics as Record<string, unknown>).configMap = own;
      const objects = manifestsOf(values);
      expect(objects.filter(o => o.kind === 'ConfigMap')).toEqual([]);
      const connect = objects.find(o => o.kind === 'KafkaConnect')!;
      expect(connect.spec!.metricsConfig).toEqual({
        type: 'jmxPrometheusExporter',
        valueFrom: { configMapKeyRef: own },
      });
      expect(validator.validate(connect)).toEqual([]);
    });

    it('accepts the smallest cluster', () => {
      const objects = manifestsOf({
        name: 'tiny',
        namespace: 'kafka',
        owner: 'user:jane',
        strimzi: { version },
        kafka: { bootstrapServers: 'my-cluster-kafka-bootstrap:9092' },
      });
      const connect = objects.find(o => o.kind === 'KafkaConnect')!;
      expect(validator.validate(connect)).toEqual([]);
      expect(connect.spec!.version).toBe(release.defaultKafkaVersion);
    });
  });
});
