import { parse } from 'yaml';
import { JMX_EXPORTER_CONFIG } from '../render/jmxExporterRules';
import { shortHash } from '../util/hash';
import { canonicalJson } from './canonical';
import { isRecord } from './original';
import { ImportContext } from './context';

/**
 * Fingerprints (FNV-1a of the rules as canonical JSON) of the JMX exporter rules in
 * Strimzi's own example, examples/metrics/kafka-connect-metrics.yaml: the same rules in
 * every release from 0.45.0 to 1.2.0 (test/src/import checks each release's file).
 */
const STRIMZI_EXAMPLE_RULES = new Set(['fdfb66d1']);

/** True when the exporter configuration is Strimzi's example as shipped (comments aside). */
export function isStrimziExampleConfig(text: string): boolean {
  let config: unknown;
  try {
    config = parse(text);
  } catch {
    return false;
  }
  if (!isRecord(config)) return false;
  const { rules, ...rest } = config;
  const restIsExample =
    canonicalJson(rest) ===
    canonicalJson({
      lowercaseOutputName: true,
      lowercaseOutputLabelNames: true,
    });
  return (
    restIsExample && STRIMZI_EXAMPLE_RULES.has(shortHash(canonicalJson(rules)))
  );
}

/** True when the configuration is the one this tool renders (a skeleton imported again). */
export function isRenderedConfig(text: string): boolean {
  try {
    return canonicalJson(parse(text)) === canonicalJson(JMX_EXPORTER_CONFIG);
  } catch {
    return false;
  }
}

/**
 * `spec.metricsConfig` → `metrics`. The JMX exporter's ConfigMap, when the file holds it,
 * is either Strimzi's example (dropped for the rendered rules, said on stderr) or the
 * team's own (kept: `metrics.configMap` points at it and nothing replaces it).
 */
export function importMetrics(ctx: ImportContext, podAnnotations: boolean) {
  const { connect } = ctx;
  const config = connect.takeRecord(['spec', 'metricsConfig']);
  if (!config) {
    return { enabled: false };
  }
  const type = connect.take(['spec', 'metricsConfig', 'type']);
  if (type === 'strimziMetricsReporter') {
    ctx.trace(['metrics', 'type'], connect, ['spec', 'metricsConfig', 'type']);
    const allowListPath = ['spec', 'metricsConfig', 'values', 'allowList'];
    const allowList = connect.take(allowListPath);
    if (allowList === undefined) return { enabled: true, type, podAnnotations };
    ctx.trace(['metrics', 'allowList'], connect, allowListPath);
    return { enabled: true, type, podAnnotations, allowList };
  }
  if (type !== 'jmxPrometheusExporter') {
    ctx.problems.push(
      connect.problem(
        ['spec', 'metricsConfig', 'type'],
        `unknown metrics type ${JSON.stringify(
          type,
        )}; use jmxPrometheusExporter or strimziMetricsReporter`,
      ),
    );
    return { enabled: false };
  }
  const refPath = ['spec', 'metricsConfig', 'valueFrom', 'configMapKeyRef'];
  const name = connect.take([...refPath, 'name']);
  const key = connect.take([...refPath, 'key']);
  if (typeof name !== 'string' || typeof key !== 'string') {
    ctx.problems.push(
      connect.problem(
        refPath,
        'jmxPrometheusExporter needs valueFrom.configMapKeyRef with name and key (Strimzi refuses it without)',
      ),
    );
    return { enabled: false };
  }
  const configMap = ctx.configMaps.find(
    c => (c.peek(['metadata', 'name']) as unknown) === name,
  );
  if (configMap) {
    ctx.used.add(configMap);
    const text = configMap.peek(['data', key]);
    if (typeof text !== 'string') {
      ctx.problems.push(
        configMap.problem(
          ['data', key],
          `missing: ${connect.label} reads its JMX exporter rules from this key`,
        ),
      );
      return { enabled: false };
    }
    if (isRenderedConfig(text)) {
      configMap.mark([]);
      return { enabled: true, type, podAnnotations };
    }
    if (isStrimziExampleConfig(text)) {
      // The whole ConfigMap is replaced by the rendered one: nothing of it is carried over.
      configMap.mark([]);
      ctx.notes.push(
        `${configMap.label}: Strimzi's example JMX exporter rules; dropped in favour of the rendered ConfigMap ${ctx.name}-metrics (the same metric names for what Strimzi's dashboard reads)`,
      );
      return { enabled: true, type, podAnnotations };
    }
    configMap.mark([]);
    ctx.notes.push(
      `${configMap.label}: the team's own JMX exporter rules; kept as metrics.configMap (the skeleton does not render it: keep applying it as before)`,
    );
  } else {
    ctx.notes.push(
      `${connect.label}: metricsConfig reads ConfigMap ${name}, which the file does not hold; kept as metrics.configMap`,
    );
  }
  ctx.trace(['metrics', 'configMap'], connect, refPath);
  return { enabled: true, type, podAnnotations, configMap: { name, key } };
}
