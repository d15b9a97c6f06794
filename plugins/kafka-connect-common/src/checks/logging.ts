import { problem, Problem } from '../problems';
import { findRelease } from '../strimzi/releases';
import { ParsedValues } from '../values/schema';
import { compareVersions } from './versions';

/**
 * Strimzi copies inline loggers unchanged into the log configuration of the Connect pods.
 * Kafka below 4.0.0 logs through log4j 1, where a logger's value may name appenders after
 * the level ("DEBUG, stdout"): log4j applies the level and reports an appender it does not
 * know (Strimzi's inline configuration defines CONSOLE), so such a value is accepted as
 * Strimzi accepts it. Kafka 4 logs through log4j 2, whose properties take a level alone:
 * "DEBUG, stdout" is no level there, and log4j 2 ignores the whole value with an error (the
 * logger falls back to its parent's level, the root logger to ERROR), so it is refused.
 */
export function usesLog4j1(kafkaVersion: string): boolean {
  return compareVersions(kafkaVersion, '4.0.0') < 0;
}

export function checkLogging(
  values: Pick<ParsedValues, 'kafka' | 'logging' | 'strimzi'>,
): Problem[] {
  const logging = values.logging;
  if (logging?.type !== 'inline') return [];
  const kafkaVersion =
    values.kafka.version ??
    findRelease(values.strimzi.version)?.defaultKafkaVersion;
  // An unknown Kafka version is reported by the release rules.
  if (!kafkaVersion) return [];
  return Object.entries(logging.loggers).flatMap(([logger, value]) => {
    const [level, ...appenders] = value.split(',').map(part => part.trim());
    if (appenders.length === 0 || usesLog4j1(kafkaVersion)) return [];
    return [
      problem(
        ['logging', 'loggers', logger],
        `Kafka ${kafkaVersion} logs through log4j 2, where Strimzi copies this value unchanged and "${value}" is no level: log4j 2 would ignore it (the logger keeps its parent's level, the root logger falls to ERROR); write the level alone ("${level}"), or use logging.type external for your own appenders`,
      ),
    ];
  });
}
