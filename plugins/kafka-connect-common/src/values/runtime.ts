import { z } from 'zod';
import { dnsSubdomain, nonEmptyLine, quantity } from './patterns';

/** The JVM and the pods' resources and logging: Strimzi's own shapes. */

export const resourceList = z.strictObject({
  cpu: quantity().optional(),
  memory: quantity().optional(),
  'ephemeral-storage': quantity().optional(),
});

export const jvmHeap = () =>
  z.string().regex(/^[0-9]+[kKmMgG]?$/, {
    message: 'must be a JVM heap size like "512m" or "2g"',
  });

export const loggingSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('inline'),
    loggers: z.record(
      nonEmptyLine(253),
      z.enum([
        'ALL',
        'TRACE',
        'DEBUG',
        'INFO',
        'WARN',
        'ERROR',
        'FATAL',
        'OFF',
      ]),
    ),
  }),
  z.strictObject({
    type: z.literal('external'),
    valueFrom: z.strictObject({
      configMapKeyRef: z.strictObject({
        name: dnsSubdomain(),
        key: nonEmptyLine(253),
      }),
    }),
  }),
]);
