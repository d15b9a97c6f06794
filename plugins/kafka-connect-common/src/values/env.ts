import { z } from 'zod';
import { dnsSubdomain, envName, nonEmptyLine, singleLine } from './patterns';

/** Environment variables of the Connect container. */

const keyRef = (what: 'Secret' | 'ConfigMap') =>
  z.strictObject({
    name: dnsSubdomain().meta({ title: `${what} name` }),
    key: nonEmptyLine(253).meta({ title: `Key in the ${what}` }),
    optional: z
      .boolean()
      .meta({ title: `Start the container without this ${what} key` })
      .optional(),
  });

/**
 * `{name, value}` or `{name, valueFrom}`: one object with a rule, so errors name the field.
 * Names Strimzi sets itself depend on the release and other fields: checks/env.ts.
 */
export const envSchema = z
  .strictObject({
    name: envName().meta({ title: 'Name', examples: ['OTEL_SERVICE_NAME'] }),
    value: singleLine(32768).meta({ title: 'Value' }).optional(),
    valueFrom: z
      .union([
        z
          .strictObject({
            secretKeyRef: keyRef('Secret').meta({ title: 'Secret key' }),
          })
          .meta({ title: 'A Secret key' }),
        z
          .strictObject({
            configMapKeyRef: keyRef('ConfigMap').meta({
              title: 'ConfigMap key',
            }),
          })
          .meta({ title: 'A ConfigMap key' }),
      ])
      .meta({ title: 'Value from a Secret or ConfigMap' })
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
