import { z } from 'zod';
import { labels, nonEmptyLine, qualifiedName, singleLine } from './patterns';

/** The Kubernetes scheduling shapes, as strict as the Strimzi CRDs that receive them. */

const stringList = () => z.array(singleLine(253));

/** A titled list the values may leave out; generic, so the inferred value types stay exact. */
const optionalList = <T extends z.ZodType>(item: T, title: string) =>
  z.array(item).meta({ title }).optional();

const labelSelectorRequirement = z.strictObject({
  key: qualifiedName().meta({ title: 'Label' }),
  operator: z
    .enum(['In', 'NotIn', 'Exists', 'DoesNotExist'])
    .meta({ title: 'Operator' }),
  values: stringList().meta({ title: 'Values' }).optional(),
});

export const labelSelectorSchema = z.strictObject({
  matchLabels: labels().meta({ title: 'Labels to match' }).optional(),
  matchExpressions: optionalList(
    labelSelectorRequirement,
    'Expressions to match',
  ),
});

const nodeSelectorRequirement = z.strictObject({
  key: nonEmptyLine(316).meta({ title: 'Node label or field' }),
  operator: z
    .enum(['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'])
    .meta({ title: 'Operator' }),
  values: stringList().meta({ title: 'Values' }).optional(),
});

export const nodeSelectorTermSchema = z
  .strictObject({
    matchExpressions: optionalList(
      nodeSelectorRequirement,
      'Node labels to match',
    ),
    matchFields: optionalList(nodeSelectorRequirement, 'Node fields to match'),
  })
  .meta({ title: 'Node selector term' });
export type NodeSelectorTerm = z.infer<typeof nodeSelectorTermSchema>;

const weight = () => z.number().int().min(1).max(100).meta({ title: 'Weight' });

const topologyKey = () =>
  nonEmptyLine(316).meta({
    title: 'Topology key (node label)',
    examples: ['topology.kubernetes.io/zone', 'kubernetes.io/hostname'],
  });

const podAffinityTermSchema = z
  .strictObject({
    labelSelector: labelSelectorSchema
      .meta({ title: 'Pods with these labels' })
      .optional(),
    namespaceSelector: labelSelectorSchema
      .meta({ title: 'In namespaces with these labels' })
      .optional(),
    namespaces: stringList().meta({ title: 'In these namespaces' }).optional(),
    topologyKey: topologyKey(),
    matchLabelKeys: stringList()
      .meta({ title: 'Also match these label keys' })
      .optional(),
    mismatchLabelKeys: stringList()
      .meta({ title: 'Also mismatch these label keys' })
      .optional(),
  })
  .meta({ title: 'Pod affinity term' });

const podAffinitySchema = (title: string) =>
  z
    .strictObject({
      requiredDuringSchedulingIgnoredDuringExecution: optionalList(
        podAffinityTermSchema,
        'Required',
      ),
      preferredDuringSchedulingIgnoredDuringExecution: z
        .array(
          z.strictObject({
            weight: weight(),
            podAffinityTerm: podAffinityTermSchema,
          }),
        )
        .meta({ title: 'Preferred' })
        .optional(),
    })
    .meta({ title });

export const affinitySchema = z
  .strictObject({
    nodeAffinity: z
      .strictObject({
        requiredDuringSchedulingIgnoredDuringExecution: z
          .strictObject({
            nodeSelectorTerms: z
              .array(nodeSelectorTermSchema)
              .min(1)
              .meta({ title: 'Node selector terms (any one)' }),
          })
          .meta({ title: 'Required' })
          .optional(),
        preferredDuringSchedulingIgnoredDuringExecution: z
          .array(
            z.strictObject({
              weight: weight(),
              preference: nodeSelectorTermSchema,
            }),
          )
          .meta({ title: 'Preferred' })
          .optional(),
      })
      .meta({ title: 'Node affinity' })
      .optional(),
    podAffinity: podAffinitySchema('Pod affinity').optional(),
    podAntiAffinity: podAffinitySchema('Pod anti-affinity').optional(),
  })
  .meta({ title: 'Affinity' });
export type Affinity = z.infer<typeof affinitySchema>;

export const tolerationSchema = z.strictObject({
  key: singleLine(316).meta({ title: 'Taint key' }).optional(),
  operator: z.enum(['Exists', 'Equal']).meta({ title: 'Operator' }).optional(),
  value: singleLine(63).meta({ title: 'Taint value' }).optional(),
  effect: z
    .enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute'])
    .meta({ title: 'Effect' })
    .optional(),
  tolerationSeconds: z
    .number()
    .int()
    .meta({ title: 'Toleration (seconds)' })
    .optional(),
});

export const topologySpreadConstraintSchema = z.strictObject({
  maxSkew: z.number().int().min(1).meta({ title: 'Maximum skew' }),
  topologyKey: topologyKey(),
  whenUnsatisfiable: z
    .enum(['DoNotSchedule', 'ScheduleAnyway'])
    .meta({ title: 'When unsatisfiable' }),
  labelSelector: labelSelectorSchema
    .meta({ title: 'Pods with these labels' })
    .optional(),
  minDomains: z
    .number()
    .int()
    .min(1)
    .meta({ title: 'Minimum domains' })
    .optional(),
  nodeAffinityPolicy: z
    .enum(['Honor', 'Ignore'])
    .meta({ title: 'Node affinity policy' })
    .optional(),
  nodeTaintsPolicy: z
    .enum(['Honor', 'Ignore'])
    .meta({ title: 'Node taints policy' })
    .optional(),
  matchLabelKeys: stringList()
    .meta({ title: 'Also match these label keys' })
    .optional(),
});

export const schedulingSchema = z
  .strictObject({
    nodeSelector: labels()
      .meta({
        title: 'Node selector',
        description: 'Node labels every pod node must have.',
      })
      .optional(),
    affinity: affinitySchema.optional(),
    tolerations: optionalList(tolerationSchema, 'Tolerations'),
    topologySpreadConstraints: optionalList(
      topologySpreadConstraintSchema,
      'Topology spread constraints',
    ),
  })
  .meta({ title: 'Scheduling' });
