import { SUPPORTED_STRIMZI_VERSIONS } from '@connect-skeleton/plugin-kafka-connect-common';
import { join } from 'node:path';
import { parse } from 'yaml';
import { manifestsOf } from '../render/renderHelpers';
import {
  describeWithStrimzi,
  strimziDir,
  strimziReleases,
} from '../strimzi/strimziDir';
import { readYamlDocuments } from '../strimzi/yamlDocuments';
import { connectMBeans } from './connectMBeans';
import { dashboardMetricNames } from './dashboardQueries';
import { applyRules, JmxExporterConfig, Sample } from './jmxExporterMatcher';

/**
 * A team that imports Strimzi's Kafka Connect Grafana dashboard sees data in every panel:
 * each metric name its queries read is produced by our rendered JMX exporter rules, from
 * the same MBean attribute and with the same labels, type and value as Strimzi's own
 * example rules of that release give it.
 */

/** Where each family of the dashboard's names comes from; only `kafka_` names come from rules. */
const SOURCES: [RegExp, string][] = [
  [/^kafka_/, 'the JMX exporter rules'],
  [/^jvm_/, "the JMX exporter's own JVM collectors"],
  [/^container_/, "the kubelet's cAdvisor"],
];
const fromRules = (name: string) => name.startsWith('kafka_');

type K8s = { kind: string; data?: Record<string, string> };

function strimziExampleRules(version: string): JmxExporterConfig {
  const file = join(
    strimziDir(),
    version,
    'examples/metrics/kafka-connect-metrics.yaml',
  );
  const configMap = (readYamlDocuments(file) as K8s[]).find(
    d => d.kind === 'ConfigMap',
  )!;
  return parse(configMap.data!['metrics-config.yml']);
}

/** The rules of the ConfigMap our renderer writes for a cluster of this release. */
function renderedRules(version: string): JmxExporterConfig {
  const objects = manifestsOf({
    name: 'orders',
    namespace: 'data',
    owner: 'group:default/data-platform',
    strimzi: { version },
    kafka: { bootstrapServers: 'my-cluster-kafka-bootstrap:9093' },
  });
  const connect = objects.find(o => o.kind === 'KafkaConnect')!;
  const ref = (connect.spec!.metricsConfig as any).valueFrom.configMapKeyRef;
  const configMap = objects.find(
    o => o.kind === 'ConfigMap' && o.metadata.name === ref.name,
  ) as K8s | undefined;
  expect(configMap).toBeDefined();
  return parse(configMap!.data![ref.key]);
}

/** What a dashboard query sees of a sample: everything but where it came from. */
const series = ({ name, labels, type, value }: Sample) => ({
  name,
  labels,
  type,
  value,
});

describeWithStrimzi("Strimzi's Kafka Connect dashboard on our metrics", () => {
  const releases = strimziReleases().filter(r =>
    SUPPORTED_STRIMZI_VERSIONS.includes(r),
  );
  const mbeans = connectMBeans();

  it('covers the oldest and the newest supported release', () => {
    expect(releases).toContain('0.45.0');
    expect(releases).toContain('1.2.0');
  });

  describe.each(releases)('Strimzi %s', version => {
    const names = dashboardMetricNames(
      join(
        strimziDir(),
        version,
        'examples/metrics/grafana-dashboards/strimzi-kafka-connect.json',
      ),
    );
    const ruleNames = names.filter(fromRules);
    const strimzi = applyRules(strimziExampleRules(version), mbeans);

    it('reads names whose source is known', () => {
      const unknown = names.filter(n => !SOURCES.some(([p]) => p.test(n)));
      expect(unknown).toEqual([]);
      expect(ruleNames.length).toBeGreaterThanOrEqual(15);
    });

    it("gets every rule-made name from Strimzi's example rules over the MBean list (the list is complete)", () => {
      const produced = new Set(strimzi.map(s => s.name));
      expect(ruleNames.filter(n => !produced.has(n))).toEqual([]);
    });

    it('gets every rule-made name from our rendered rules, from the same attributes, with the same labels, type and value', () => {
      const ours = applyRules(renderedRules(version), mbeans);
      const missing = ruleNames.filter(n => !ours.some(s => s.name === n));
      const of = (count: number) => `${count} of ${ruleNames.length}`;
      expect({
        produced: of(ruleNames.length - missing.length),
        missing,
      }).toEqual({ produced: of(ruleNames.length), missing: [] });
      for (const name of ruleNames) {
        const bySource = (samples: Sample[]) =>
          Object.fromEntries(
            samples
              .filter(s => s.name === name)
              .map(s => [s.source, series(s)]),
          );
        // Same attributes under this name, none more (a sum() would count them), none fewer.
        expect({ name, series: bySource(ours) }).toEqual({
          name,
          series: bySource(strimzi),
        });
      }
    });

    it("publishes every attribute Strimzi's rules publish, and never two attributes as one series", () => {
      const ours = applyRules(renderedRules(version), mbeans);
      const published = new Set(ours.map(s => s.source));
      expect(strimzi.map(s => s.source).filter(s => !published.has(s))).toEqual(
        [],
      );
      const seriesKey = (s: Sample) => JSON.stringify([s.name, s.labels]);
      const seen = new Map<string, string>();
      const collisions = ours.flatMap(s => {
        const other = seen.get(seriesKey(s));
        seen.set(seriesKey(s), s.source);
        return other ? [`${s.source} = ${other}`] : [];
      });
      expect(collisions).toEqual([]);
    });
  });
});
