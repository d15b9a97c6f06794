import { z } from 'zod';
import { dnsSubdomain, nonEmptyLine, quantity } from './patterns';

/** The JVM and the pods' resources and logging: Strimzi's own shapes. */

export const resourceList = z.strictObject({
  cpu: quantity().meta({ title: 'CPU' }).optional(),
  memory: quantity().meta({ title: 'Memory' }).optional(),
  'ephemeral-storage': quantity()
    .meta({ title: 'Ephemeral storage' })
    .optional(),
});

export const jvmHeap = () =>
  z.string().regex(/^[0-9]+[kKmMgG]?$/, {
    message: 'must be a JVM heap size like "512m" or "2g"',
  });

export const LOG_LEVELS = [
  'ALL',
  'TRACE',
  'DEBUG',
  'INFO',
  'WARN',
  'ERROR',
  'FATAL',
  'OFF',
] as const;

/**
 * A level, or log4j 1's `LEVEL, appender[, appender...]`. Which of the two the cluster's
 * Kafka accepts is a rule across fields: see checks/logging.ts.
 */
const LOGGER_VALUE = new RegExp(
  `^(${LOG_LEVELS.join('|')})( *, *[A-Za-z0-9_.-]+)*$`,
);
const loggerValue = () =>
  z
    .string()
    .max(1024)
    .regex(LOGGER_VALUE, {
      message: `must be a level (${LOG_LEVELS.join(
        ', ',
      )}), or with Kafka 3.x a level and appenders such as "DEBUG, CONSOLE"`,
    });

export const loggingSchema = z
  .discriminatedUnion('type', [
    z
      .strictObject({
        type: z.literal('inline'),
        loggers: z.record(nonEmptyLine(253), loggerValue()).meta({
          title: 'Loggers',
          description:
            'Logger name to level, for example rootLogger.level = INFO. With Kafka 3.x (log4j 1) a level may name the CONSOLE appender: DEBUG, CONSOLE.',
        }),
      })
      .meta({ title: 'Inline log levels' }),
    z
      .strictObject({
        type: z.literal('external'),
        valueFrom: z
          .strictObject({
            configMapKeyRef: z
              .strictObject({
                name: dnsSubdomain().meta({ title: 'ConfigMap name' }),
                key: nonEmptyLine(253).meta({ title: 'Key in the ConfigMap' }),
              })
              .meta({ title: 'ConfigMap key' }),
          })
          .meta({ title: 'Log configuration' }),
      })
      .meta({ title: 'From a ConfigMap' }),
  ])
  .meta({
    title: 'Logging',
    description: "The log levels of the workers; none gives Strimzi's.",
  });
