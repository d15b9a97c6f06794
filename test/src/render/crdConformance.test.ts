import {
  findRelease,
  StrimziRelease,
  SUPPORTED_STRIMZI_VERSIONS,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { fullValues, Variant, variants } from '../fixtures/fullValues';
import { loadCrdValidator } from '../strimzi/crdValidator';
import { describeWithStrimzi, strimziReleases } from '../strimzi/strimziDir';
import { K8sObject, manifestsOf } from './renderHelpers';

/** The image fields the variant gives are in the KafkaConnect, so the CRD judged them. */
function expectImageFields(
  connect: K8sObject,
  build: Variant['build'],
  release: StrimziRelease,
) {
  const spec = connect.spec as Record<string, any>;
  expect(spec.template.pod.imagePullSecrets).toEqual([
    { name: 'registry-pull' },
    { name: 'mirror-pull' },
  ]);
  if (build === 'prebuilt') {
    expect(spec.image).toMatch(/:2\.4\.0@sha256:[0-9a-f]{64}$/);
    expect(spec.build).toBeUndefined();
    return;
  }
  if (build === 'dockerfile') {
    // The base is the Dockerfile's FROM; the pods run what CI built.
    expect(spec.image).toBe(
      'registry.example.com/data/orders-sink-connect:1.0.0',
    );
    expect(spec.build).toBeUndefined();
    return;
  }
  expect(spec.image).toContain('/mirror/strimzi/kafka:');
  // Strimzi builds on spec.image; the other artifacts carry their file names.
  expect(spec.build.output).toMatchObject({
    type: 'docker',
    pushSecret: 'registry-push',
    [release.buildOptions.field]: [
      '--verbosity=info',
      '--registry-mirror=mirror.gcr.io',
    ],
  });
  expect(
    spec.build.plugins
      .flatMap((p: any) => p.artifacts)
      .filter((a: any) => a.type === 'other'),
  ).toEqual([
    expect.objectContaining({ fileName: 'libocijdbc21.so' }),
    expect.objectContaining({ fileName: 'ojdbc11.jar' }),
  ]);
}

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
        expectImageFields(strimziObjects[0], variant.build, release);
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
