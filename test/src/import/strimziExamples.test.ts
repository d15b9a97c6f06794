import fs from 'node:fs';
import path from 'node:path';
import {
  importCluster,
  isStrimziExampleConfig,
  SUPPORTED_STRIMZI_VERSIONS,
} from '@connect-skeleton/plugin-kafka-connect-common';
import {
  describeWithStrimzi,
  strimziDir,
  strimziReleases,
} from '../strimzi/strimziDir';
import { readDocuments, roundTrip } from './corpus';

/**
 * Strimzi's own examples of every release (read from $STRIMZI_DIR, never copied): the
 * connect, build and source connector examples round-trip; the metrics example's rules are
 * recognised as Strimzi's and replaced by the rendered ConfigMap; from 0.49.0 on the
 * metrics examples are v1 without the fields v1 requires, and the import says so.
 */
function example(version: string, ...file: string[]) {
  return readDocuments(path.join(strimziDir(), version, 'examples', ...file));
}

describeWithStrimzi("import of Strimzi's own examples", () => {
  const all = strimziReleases();
  const supported = all.filter(r => SUPPORTED_STRIMZI_VERSIONS.includes(r));

  it.each(all)(
    "recognises the JMX exporter rules of %s's metrics example as Strimzi's",
    version => {
      const configMap = example(
        version,
        'metrics',
        'kafka-connect-metrics.yaml',
      ).find(d => d.kind === 'ConfigMap')!;
      const [text] = Object.values(configMap.data) as string[];
      expect(isStrimziExampleConfig(text)).toBe(true);
      // One changed rule makes them the team's own.
      expect(isStrimziExampleConfig(text.replace('GAUGE', 'COUNTER'))).toBe(
        false,
      );
    },
  );

  describe.each(supported)('Strimzi %s', version => {
    it('kafka-connect.yaml with source-connector.yaml round-trips', () => {
      const documents = [
        ...example(version, 'connect', 'kafka-connect.yaml'),
        ...example(version, 'connect', 'source-connector.yaml'),
      ];
      const { actual, expected } = roundTrip(documents, {
        target: version,
        namespace: 'kafka',
      });
      expect(actual).toEqual(expected);
    });

    it('kafka-connect-build.yaml round-trips', () => {
      const { actual, expected } = roundTrip(
        example(version, 'connect', 'kafka-connect-build.yaml'),
        { target: version, namespace: 'kafka' },
      );
      expect(actual).toEqual(expected);
    });

    const metrics = example(version, 'metrics', 'kafka-connect-metrics.yaml');
    const isV1 = metrics[0].apiVersion === 'kafka.strimzi.io/v1';
    if (isV1) {
      it('the v1 metrics example lacks the fields v1 requires: refused, naming them', () => {
        const result = importCluster(metrics, {
          owner: 'group:default/platform',
          namespace: 'kafka',
          strimzi: version,
        });
        expect(result.ok).toBe(false);
        const paths = result.ok ? [] : result.problems.map(p => p.path);
        for (const field of [
          'groupId',
          'offsetStorageTopic',
          'configStorageTopic',
          'statusStorageTopic',
        ]) {
          expect(paths).toContain(
            `KafkaConnect my-connect-cluster: spec.${field}`,
          );
        }
      });
    } else {
      it("the metrics example round-trips, Strimzi's rules replaced by the rendered ConfigMap", () => {
        const { actual, expected, rendered, notes } = roundTrip(metrics, {
          target: version,
          namespace: 'kafka',
          strimziExampleMetrics: true,
        });
        expect(actual).toEqual(expected);
        expect(
          rendered
            .filter(o => o.kind === 'ConfigMap')
            .map(o => o.metadata.name),
        ).toEqual(['my-connect-cluster-metrics']);
        expect(notes.join('\n')).toMatch(
          /ConfigMap connect-metrics: Strimzi's example JMX exporter rules; dropped/,
        );
      });
    }
  });

  it('reads every release folder', () => {
    expect(fs.existsSync(strimziDir())).toBe(true);
    expect(supported.length).toBeGreaterThanOrEqual(8);
  });
});
