import { z } from 'zod';
import { dnsSubdomain, nonEmptyLine } from './patterns';

/**
 * How the workers expose Prometheus metrics. A field that has no effect with the chosen
 * exporter is a problem naming the fix, never dropped.
 */
export const metricsSchema = z
  .strictObject({
    enabled: z.boolean().default(true).meta({ title: 'Expose metrics' }),
    type: z
      .enum(['jmxPrometheusExporter', 'strimziMetricsReporter'])
      .default('jmxPrometheusExporter')
      .meta({
        title: 'Exporter',
        description: 'strimziMetricsReporter needs Strimzi 0.48.0 or later.',
      }),
    podAnnotations: z
      .boolean()
      .meta({
        title: 'Add prometheus.io scrape annotations to the pods',
        description: 'Defaults to whether metrics are exposed.',
      })
      .optional(),
    // The team's own JMX exporter rules instead of the rendered ConfigMap.
    configMap: z
      .strictObject({
        name: dnsSubdomain().meta({ title: 'ConfigMap name' }),
        key: nonEmptyLine(253).meta({ title: 'Key in the ConfigMap' }),
      })
      .meta({
        title: 'Your own JMX exporter rules',
        description:
          "jmxPrometheusExporter only. The ConfigMap and key that hold your rules; then no metrics ConfigMap is rendered. Leave empty to use the rendered rules, which give the names Strimzi's Kafka Connect dashboard reads.",
      })
      .optional(),
    // The Strimzi Metrics Reporter's allow list (regular expressions); Strimzi refuses an empty one.
    allowList: z
      .array(nonEmptyLine())
      .min(1)
      .meta({
        title: 'Metrics Reporter allow list',
        description:
          "strimziMetricsReporter only. Regular expressions of the metric names to expose; leave empty for Strimzi's default for Kafka Connect.",
      })
      .optional(),
  })
  .superRefine((metrics, ctx) => {
    const off = !metrics.enabled;
    if (
      metrics.configMap &&
      (off || metrics.type !== 'jmxPrometheusExporter')
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['configMap'],
        message: off
          ? 'has no effect while metrics.enabled is false; remove configMap, or set enabled: true'
          : 'only the JMX exporter reads rules from a ConfigMap; remove configMap, or use type: jmxPrometheusExporter',
      });
    }
    if (
      metrics.allowList &&
      (off || metrics.type !== 'strimziMetricsReporter')
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['allowList'],
        message: off
          ? 'has no effect while metrics.enabled is false; remove allowList, or set enabled: true'
          : 'only the Strimzi Metrics Reporter takes an allow list (the JMX exporter publishes what its rules match); remove allowList, or use type: strimziMetricsReporter',
      });
    }
  })
  .meta({ title: 'Metrics' });
