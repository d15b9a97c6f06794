import { derivedName } from '../names';
import { toYaml } from '../util/yaml';
import { NormalisedValues } from '../values/normalise';
import { JMX_EXPORTER_CONFIG } from './jmxExporterRules';
import { objectMeta } from './labels';

export const METRICS_CONFIG_KEY = 'metrics-config.yml';

/** The rendered ConfigMap is needed only for the JMX exporter with our own rules. */
function rendersRules(values: NormalisedValues): boolean {
  return (
    values.metrics.enabled &&
    values.metrics.type === 'jmxPrometheusExporter' &&
    !values.metrics.configMap
  );
}

/** `spec.metricsConfig`: the JMX exporter reads its rules from our ConfigMap or the team's. */
export function metricsConfig(values: NormalisedValues) {
  const { metrics } = values;
  if (!metrics.enabled) return undefined;
  if (metrics.type === 'strimziMetricsReporter') {
    // Without an allow list Strimzi applies its own default for Connect, which covers the
    // names its reporter dashboard reads (docs/values.md).
    return metrics.allowList
      ? {
          type: 'strimziMetricsReporter',
          values: { allowList: metrics.allowList },
        }
      : { type: 'strimziMetricsReporter' };
  }
  const own = metrics.configMap;
  return {
    type: 'jmxPrometheusExporter',
    valueFrom: {
      configMapKeyRef: own
        ? { name: own.name, key: own.key }
        : {
            name: derivedName(values.name, 'metrics'),
            key: METRICS_CONFIG_KEY,
          },
    },
  };
}

// Every release gets the one rule set (Strimzi's example rules are the same in all of
// them), so it is serialised once, on first use.
let jmxExporterConfigText: string | undefined;
function jmxExporterConfig(): string {
  jmxExporterConfigText ??= toYaml(JMX_EXPORTER_CONFIG);
  return jmxExporterConfigText;
}

/** The ConfigMap `<name>-metrics`, only when the JMX exporter reads our rules. */
export function metricsConfigMap(values: NormalisedValues) {
  if (!rendersRules(values)) return undefined;
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: objectMeta(values, derivedName(values.name, 'metrics')),
    data: { [METRICS_CONFIG_KEY]: jmxExporterConfig() },
  };
}
