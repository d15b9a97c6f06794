import { z } from 'zod';
import { dnsSubdomain, nonEmptyLine } from './patterns';

/**
 * How the workers expose Prometheus metrics. A field that has no effect with the chosen
 * exporter is a problem naming the fix, never dropped.
 */
export const metricsSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    type: z
      .enum(['jmxPrometheusExporter', 'strimziMetricsReporter'])
      .default('jmxPrometheusExporter'),
    podAnnotations: z.boolean().optional(),
    // The team's own JMX exporter rules instead of the rendered ConfigMap.
    configMap: z
      .strictObject({ name: dnsSubdomain(), key: nonEmptyLine(253) })
      .optional(),
    // The Strimzi Metrics Reporter's allow list (regular expressions); Strimzi refuses an empty one.
    allowList: z.array(nonEmptyLine()).min(1).optional(),
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
  });
