import { z } from 'zod';
import {
  dnsLabel,
  downloadUrl,
  entityRef,
  labelValue,
  qualifiedName,
  quantity,
  sha512,
  singleLine,
} from '../values/patterns';
import { parseQuantity, compareQuantities } from '../util/quantity';
import { parseVersionRule } from './mavenVersion';

/**
 * The policy document (docs/policy.md): what a platform team allows clusters to be. Versioned
 * like a Kubernetes object, every field known: a misspelt rule is an error, never a rule that
 * silently allows everything.
 */

export const POLICY_API_VERSION = 'connect-skeleton/policy/v1';
export const POLICY_KIND = 'KafkaConnectPolicy';

const QUANTITY_KEYS = ['cpu', 'memory', 'ephemeral-storage'] as const;
export type ResourceName = (typeof QUANTITY_KEYS)[number];

function minNotAboveMax<T>(
  compare: (min: T, max: T) => number,
): (bounds: { min?: T; max?: T }, ctx: z.RefinementCtx) => void {
  return (bounds, ctx) => {
    if (
      bounds.min !== undefined &&
      bounds.max !== undefined &&
      compare(bounds.min, bounds.max) > 0
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['min'],
        message: `must not be above max (${String(bounds.max)})`,
      });
    }
  };
}

const quantityBounds = z
  .strictObject({ min: quantity().optional(), max: quantity().optional() })
  .superRefine(
    minNotAboveMax((a, b) =>
      // The schema's quantity() already refused what parseQuantity cannot read.
      compareQuantities(parseQuantity(a)!, parseQuantity(b)!),
    ),
  );

const resourceBounds = z.strictObject(
  Object.fromEntries(
    QUANTITY_KEYS.map(key => [key, quantityBounds.optional()]),
  ) as Record<ResourceName, z.ZodOptional<typeof quantityBounds>>,
);

const requiredLabel = z.strictObject({
  key: qualifiedName(),
  values: z
    .array(labelValue())
    .min(1, { message: 'needs at least one value; leave it out to allow any' })
    .optional(),
});

export const labelRulesSchema = z.strictObject({
  required: z.array(requiredLabel).default([]),
});

export const environmentRulesSchema = z.strictObject({
  replicas: z
    .strictObject({
      min: z.number().int().min(0).optional(),
      max: z.number().int().min(0).optional(),
    })
    .superRefine(minNotAboveMax((a: number, b: number) => a - b))
    .optional(),
  resources: z
    .strictObject({
      requests: resourceBounds.optional(),
      limits: resourceBounds.optional(),
    })
    .optional(),
  labels: labelRulesSchema.optional(),
});
export type EnvironmentRules = z.output<typeof environmentRulesSchema>;

const COORDINATE_PATTERN = /^[A-Za-z0-9_.*-]+$/;
const coordinatePattern = () =>
  z.string().regex(COORDINATE_PATTERN, {
    message:
      'must be letters, digits, ".", "_", "-" and "*" (a Maven coordinate, * for any run of characters)',
  });

const MAVEN_FIELDS = ['group', 'artifact', 'version', 'repository'] as const;

/** One allowed artifact: Maven coordinates, one URL (with its checksum), or a URL prefix. */
export const allowedArtifactSchema = z
  .strictObject({
    description: singleLine(1024).optional(),
    group: coordinatePattern().optional(),
    artifact: coordinatePattern().optional(),
    version: z
      .string()
      .superRefine((text, ctx) => {
        const rule = parseVersionRule(text);
        if (typeof rule === 'string')
          ctx.addIssue({ code: 'custom', message: rule });
      })
      .optional(),
    repository: downloadUrl().optional(),
    url: downloadUrl().optional(),
    sha512sum: sha512().optional(),
    urlPrefix: downloadUrl()
      .refine(prefix => /^https?:\/\/[^/]+\/(.*\/)?$/.test(prefix), {
        message:
          'must end with "/" (e.g. https://repo1.maven.org/maven2/io/debezium/), so that it cannot also allow another host or a longer folder name',
      })
      .optional(),
  })
  .superRefine((entry, ctx) => {
    const maven = MAVEN_FIELDS.some(field => entry[field] !== undefined);
    const kinds = [
      maven,
      entry.url !== undefined,
      entry.urlPrefix !== undefined,
    ];
    if (kinds.filter(Boolean).length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message:
          'must be one of: Maven coordinates (group and artifact, optionally version and repository), url (optionally with sha512sum), or urlPrefix',
      });
      return;
    }
    if (maven) {
      for (const field of ['group', 'artifact'] as const) {
        if (entry[field] === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: `is required for Maven coordinates (use "*" for any ${field})`,
          });
        }
      }
    }
    if (entry.sha512sum !== undefined && entry.url === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['sha512sum'],
        message: 'goes with url only: it is the checksum of that one file',
      });
    }
  });
export type AllowedArtifact = z.output<typeof allowedArtifactSchema>;

const NAMESPACE_PATTERN = /^[a-z0-9*]([-a-z0-9*]*[a-z0-9*])?$/;

export const policySchema = z.strictObject({
  apiVersion: z.literal(POLICY_API_VERSION),
  kind: z.literal(POLICY_KIND),
  metadata: z
    .strictObject({
      name: dnsLabel().optional(),
      description: singleLine(1024).optional(),
    })
    .optional(),
  plugins: z
    .strictObject({ allowed: z.array(allowedArtifactSchema) })
    .optional(),
  namespaces: z
    .array(
      z.strictObject({
        owner: z.union([z.literal('*'), entityRef(['group', 'user'])]),
        allowed: z
          .array(
            z.string().max(63).regex(NAMESPACE_PATTERN, {
              message:
                'must be a namespace name, or a pattern with "*" such as orders-*',
            }),
          )
          .min(1, { message: 'needs at least one namespace or pattern' }),
      }),
    )
    .optional(),
  labels: labelRulesSchema.optional(),
  environments: z.record(dnsLabel(), environmentRulesSchema).optional(),
  otherEnvironments: environmentRulesSchema.optional(),
});

export type Policy = z.output<typeof policySchema>;
export type PolicyInput = z.input<typeof policySchema>;
