import { renderManifests } from '@connect-skeleton/plugin-kafka-connect-common';
import { manifestsOf } from '../render/renderHelpers';

/** metrics.configMap and metrics.allowList: where they land, and the combinations refused. */

const BASE = {
  name: 'orders',
  namespace: 'data',
  owner: 'group:default/data-platform',
  kafka: { bootstrapServers: 'my-cluster-kafka-bootstrap:9093' },
};

const OWN_RULES = { name: 'team-jmx-rules', key: 'connect.yaml' };

function problemsOf(metrics: Record<string, unknown>) {
  const result = renderManifests({ ...BASE, metrics });
  return result.ok ? [] : result.problems;
}

describe('metrics.configMap', () => {
  it("points the JMX exporter at the team's ConfigMap and renders none of ours", () => {
    const objects = manifestsOf({ ...BASE, metrics: { configMap: OWN_RULES } });
    expect(objects.map(o => o.kind)).toEqual(['KafkaConnect']);
    expect(objects[0].spec!.metricsConfig).toEqual({
      type: 'jmxPrometheusExporter',
      valueFrom: { configMapKeyRef: OWN_RULES },
    });
    // The pods are still annotated for scraping: only the rules come from elsewhere.
    expect(
      (objects[0].spec!.template as any).pod.metadata.annotations,
    ).toMatchObject({ 'prometheus.io/scrape': 'true' });
  });

  it('renders our ConfigMap and points at it when not given', () => {
    const objects = manifestsOf(BASE);
    expect(objects.map(o => o.kind)).toEqual(['ConfigMap', 'KafkaConnect']);
    expect(
      (objects[1].spec!.metricsConfig as any).valueFrom.configMapKeyRef,
    ).toEqual({ name: 'orders-metrics', key: 'metrics-config.yml' });
  });

  it.each([
    [
      { type: 'strimziMetricsReporter', configMap: OWN_RULES },
      /only the JMX exporter reads rules from a ConfigMap; remove configMap, or use type: jmxPrometheusExporter/,
    ],
    [
      { enabled: false, configMap: OWN_RULES },
      /has no effect while metrics.enabled is false; remove configMap, or set enabled: true/,
    ],
  ])('is a problem with %j', (metrics, message) => {
    expect(problemsOf(metrics)).toEqual([
      { path: 'metrics.configMap', message: expect.stringMatching(message) },
    ]);
  });

  it('needs a ConfigMap name and a key', () => {
    expect(problemsOf({ configMap: { name: 'Not_A_Name' } })).toEqual([
      { path: 'metrics.configMap.name', message: expect.any(String) },
      { path: 'metrics.configMap.key', message: 'is required' },
    ]);
  });
});

describe('metrics.allowList', () => {
  it("becomes the Strimzi Metrics Reporter's values.allowList", () => {
    const allowList = ['kafka_connect_.*', 'kafka_consumer_consumer_metrics.*'];
    const [connect] = manifestsOf({
      ...BASE,
      metrics: { type: 'strimziMetricsReporter', allowList },
    });
    expect(connect.spec!.metricsConfig).toEqual({
      type: 'strimziMetricsReporter',
      values: { allowList },
    });
  });

  it('leaves the reporter to Strimzi’s default allow list when not given', () => {
    const [connect] = manifestsOf({
      ...BASE,
      metrics: { type: 'strimziMetricsReporter' },
    });
    expect(connect.spec!.metricsConfig).toEqual({
      type: 'strimziMetricsReporter',
    });
  });

  it.each([
    [
      { allowList: ['kafka_.*'] },
      /only the Strimzi Metrics Reporter takes an allow list.*remove allowList, or use type: strimziMetricsReporter/,
    ],
    [
      { enabled: false, type: 'strimziMetricsReporter', allowList: ['x'] },
      /has no effect while metrics.enabled is false/,
    ],
  ])('is a problem with %j', (metrics, message) => {
    expect(problemsOf(metrics)).toEqual([
      { path: 'metrics.allowList', message: expect.stringMatching(message) },
    ]);
  });

  it('reads an empty list as not given (as every empty value), so Strimzi never sees one', () => {
    const [connect] = manifestsOf({
      ...BASE,
      metrics: { type: 'strimziMetricsReporter', allowList: [] },
    });
    expect(connect.spec!.metricsConfig).toEqual({
      type: 'strimziMetricsReporter',
    });
  });
});
