import { z } from 'zod';
import { annotations, dnsSubdomain, labels } from './patterns';
import {
  containerSecurityContextSchema,
  podSecurityContextSchema,
} from './securityContext';

/**
 * The KafkaConnect's own metadata and Strimzi's pod template: labels, annotations, security,
 * priority and tracing. Top-level fields of connect-cluster.yaml (see docs/values.md).
 */

export const metadataFields = {
  labels: labels()
    .meta({
      title: 'Labels of the KafkaConnect',
      description:
        'Strimzi copies them to the pods and every other resource it makes, except app.kubernetes.io/* ones. Not strimzi.io/*, app.kubernetes.io/name or instance, nor backstage.io/kubernetes-id: those are set for you.',
    })
    .optional(),
  annotations: annotations()
    .meta({ title: 'Annotations of the KafkaConnect' })
    .optional(),
  pod: z
    .strictObject({
      labels: labels().meta({ title: 'Pod labels' }).optional(),
      annotations: annotations()
        .meta({
          title: 'Pod annotations',
          description:
            'The prometheus.io scrape annotations of Metrics are added to these.',
        })
        .optional(),
      securityContext: podSecurityContextSchema.optional(),
      priorityClassName: dnsSubdomain()
        .meta({ title: 'Priority class' })
        .optional(),
      terminationGracePeriodSeconds: z
        .number()
        .int()
        .min(0)
        .meta({
          title: 'Termination grace period (seconds)',
          description: "Strimzi's default is 30.",
        })
        .optional(),
    })
    .meta({ title: 'Pods' })
    .optional(),
  container: z
    .strictObject({
      securityContext: containerSecurityContextSchema.optional(),
    })
    .meta({ title: 'Connect container' })
    .optional(),
  podSet: z
    .strictObject({
      labels: labels().meta({ title: 'Labels' }).optional(),
      annotations: annotations().meta({ title: 'Annotations' }).optional(),
    })
    .meta({
      title: 'StrimziPodSet',
      description:
        'Labels and annotations of the StrimziPodSet that owns the pods.',
    })
    .optional(),
  tracing: z
    .strictObject({
      type: z.enum(['opentelemetry']).meta({ title: 'Tracer' }),
    })
    .meta({
      title: 'Tracing',
      description:
        'OpenTelemetry tracing of the workers; set OTEL_SERVICE_NAME and OTEL_EXPORTER_OTLP_ENDPOINT under Environment.',
    })
    .optional(),
};
