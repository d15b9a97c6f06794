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

const labelsAndAnnotations = () =>
  z.strictObject({
    labels: labels().optional(),
    annotations: annotations().optional(),
  });

export const metadataFields = {
  labels: labels().optional(),
  annotations: annotations().optional(),
  pod: z
    .strictObject({
      labels: labels().optional(),
      annotations: annotations().optional(),
      securityContext: podSecurityContextSchema.optional(),
      priorityClassName: dnsSubdomain().optional(),
      terminationGracePeriodSeconds: z.number().int().min(0).optional(),
    })
    .optional(),
  container: z
    .strictObject({
      securityContext: containerSecurityContextSchema.optional(),
    })
    .optional(),
  podSet: labelsAndAnnotations().optional(),
  tracing: z.strictObject({ type: z.enum(['opentelemetry']) }).optional(),
};
