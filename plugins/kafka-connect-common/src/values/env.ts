import { z } from 'zod';
import { dnsSubdomain, envName, nonEmptyLine, singleLine } from './patterns';

/** Environment variables of the Connect container. */

const secretOrConfigMapKeyRef = z.strictObject({
  name: dnsSubdomain(),
  key: nonEmptyLine(253),
  optional: z.boolean().optional(),
});

/**
 * `{name, value}` or `{name, valueFrom}`: one object with a rule, so errors name the field.
 * Names Strimzi sets itself depend on the release and other fields: checks/env.ts.
 */
export const envSchema = z
  .strictObject({
    name: envName(),
    value: singleLine(32768).optional(),
    valueFrom: z
      .union([
        z.strictObject({ secretKeyRef: secretOrConfigMapKeyRef }),
        z.strictObject({ configMapKeyRef: secretOrConfigMapKeyRef }),
      ])
      .optional(),
  })
  .superRefine((variable, ctx) => {
    if ((variable.value === undefined) === (variable.valueFrom === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message:
          'give exactly one of value or valueFrom (with secretKeyRef or configMapKeyRef)',
      });
    }
  });
export type EnvVar = z.infer<typeof envSchema>;
