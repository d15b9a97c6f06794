import { z } from 'zod';
import { labels, nonEmptyLine, qualifiedName, singleLine } from './patterns';

/** The Kubernetes scheduling shapes, as strict as the Strimzi CRDs that receive them. */

const stringList = () => z.array(singleLine(253));

const labelSelectorRequirement = z.strictObject({
  key: qualifiedName(),
  operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist']),
  values: stringList().optional(),
});

export const labelSelectorSchema = z.strictObject({
  matchLabels: labels().optional(),
  matchExpressions: z.array(labelSelectorRequirement).optional(),
});

const nodeSelectorRequirement = z.strictObject({
  key: nonEmptyLine(316),
  operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt']),
  values: stringList().optional(),
});

export const nodeSelectorTermSchema = z.strictObject({
  matchExpressions: z.array(nodeSelectorRequirement).optional(),
  matchFields: z.array(nodeSelectorRequirement).optional(),
});
export type NodeSelectorTerm = z.infer<typeof nodeSelectorTermSchema>;

const weight = () => z.number().int().min(1).max(100);

const podAffinityTermSchema = z.strictObject({
  labelSelector: labelSelectorSchema.optional(),
  namespaceSelector: labelSelectorSchema.optional(),
  namespaces: stringList().optional(),
  topologyKey: nonEmptyLine(316),
  matchLabelKeys: stringList().optional(),
  mismatchLabelKeys: stringList().optional(),
});

const podAffinitySchema = z.strictObject({
  requiredDuringSchedulingIgnoredDuringExecution: z
    .array(podAffinityTermSchema)
    .optional(),
  preferredDuringSchedulingIgnoredDuringExecution: z
    .array(
      z.strictObject({
        weight: weight(),
        podAffinityTerm: podAffinityTermSchema,
      }),
    )
    .optional(),
});

export const affinitySchema = z.strictObject({
  nodeAffinity: z
    .strictObject({
      requiredDuringSchedulingIgnoredDuringExecution: z
        .strictObject({
          nodeSelectorTerms: z.array(nodeSelectorTermSchema).min(1),
        })
        .optional(),
      preferredDuringSchedulingIgnoredDuringExecution: z
        .array(
          z.strictObject({
            weight: weight(),
            preference: nodeSelectorTermSchema,
          }),
        )
        .optional(),
    })
    .optional(),
  podAffinity: podAffinitySchema.optional(),
  podAntiAffinity: podAffinitySchema.optional(),
});
export type Affinity = z.infer<typeof affinitySchema>;

export const tolerationSchema = z.strictObject({
  key: singleLine(316).optional(),
  operator: z.enum(['Exists', 'Equal']).optional(),
  value: singleLine(63).optional(),
  effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']).optional(),
  tolerationSeconds: z.number().int().optional(),
});

export const topologySpreadConstraintSchema = z.strictObject({
  maxSkew: z.number().int().min(1),
  topologyKey: nonEmptyLine(316),
  whenUnsatisfiable: z.enum(['DoNotSchedule', 'ScheduleAnyway']),
  labelSelector: labelSelectorSchema.optional(),
  minDomains: z.number().int().min(1).optional(),
  nodeAffinityPolicy: z.enum(['Honor', 'Ignore']).optional(),
  nodeTaintsPolicy: z.enum(['Honor', 'Ignore']).optional(),
  matchLabelKeys: stringList().optional(),
});

export const schedulingSchema = z.strictObject({
  nodeSelector: labels().optional(),
  affinity: affinitySchema.optional(),
  tolerations: z.array(tolerationSchema).optional(),
  topologySpreadConstraints: z.array(topologySpreadConstraintSchema).optional(),
});
