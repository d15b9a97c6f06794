import { z } from 'zod';
import { isReservedEnvName, RESERVED_ENV_MESSAGE } from '../checks/env';
import { dnsSubdomain, envName, nonEmptyLine, singleLine } from './patterns';

/** Environment variables of the Connect container. */

const secretOrConfigMapKeyRef = z.strictObject({
  name: dnsSubdomain(),
  key: nonEmptyLine(253),
  optional: z.boolean().optional(),
});

const envVarName = () =>
  envName().refine(name => !isReservedEnvName(name), {
    message: RESERVED_ENV_MESSAGE,
  });

/** `{name, value}` or `{name, valueFrom}`: one object with a rule, so errors name the field. */
export const envSchema = z
  .strictObject({
    name: envVarName(),
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
