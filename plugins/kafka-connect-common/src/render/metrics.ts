import { derivedName } from '../names';
import { toYaml } from '../util/yaml';
import { NormalisedValues } from '../values/normalise';
import { JMX_EXPORTER_CONFIG } from './jmxExporterRules';
import { objectMeta } from './labels';

export const METRICS_CONFIG_KEY = 'metrics-config.yml';

function usesJmxExporter(values: NormalisedValues): boolean {
  return (
    values.metrics.enabled && values.metrics.type === 'jmxPrometheusExporter'
  );
}

/** `spec.metricsConfig`: the JMX exporter reads its rules from our ConfigMap. */
export function metricsConfig(values: NormalisedValues) {
  if (!values.metrics.enabled) return undefined;
  if (values.metrics.type === 'strimziMetricsReporter') {
    // The reporter's default allow list already covers the Connect and client metrics.
    return { type: 'strimziMetricsReporter' };
  }
  return {
    type: 'jmxPrometheusExporter',
    valueFrom: {
      configMapKeyRef: {
        name: derivedName(values.name, 'metrics'),
        key: METRICS_CONFIG_KEY,
      },
    },
  };
}

// The rules are the same for every cluster: serialised once, on first use.
let jmxExporterConfigText: string | undefined;
function jmxExporterConfig(): string {
  jmxExporterConfigText ??= toYaml(JMX_EXPORTER_CONFIG);
  return jmxExporterConfigText;
}

/** The ConfigMap `<name>-metrics`, only when the JMX exporter is in use. */
export function metricsConfigMap(values: NormalisedValues) {
  if (!usesJmxExporter(values)) return undefined;
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: objectMeta(values, derivedName(values.name, 'metrics')),
    data: { [METRICS_CONFIG_KEY]: jmxExporterConfig() },
  };
}
