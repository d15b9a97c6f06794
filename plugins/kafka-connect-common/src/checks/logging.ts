import { problem, Problem } from '../problems';
import { findRelease } from '../strimzi/releases';
import { ParsedValues } from '../values/schema';
import { compareVersions } from './versions';

/**
 * Strimzi copies inline loggers unchanged into the log configuration of the Connect pods.
 * Kafka below 4.0.0 logs through log4j 1, where a logger's value may name appenders after
 * the level ("DEBUG, CONSOLE"); Strimzi's inline configuration defines only CONSOLE, and log4j
 * 1 drops any other name with an error. Kafka 4 logs through log4j 2, whose properties take
 * a level alone: "DEBUG, stdout" is no level there, and log4j 2 ignores it with an error
 * (the logger falls back to its parent's level, the root logger to ERROR).
 */
const INLINE_APPENDERS = ['CONSOLE'];

export function usesLog4j1(kafkaVersion: string): boolean {
  return compareVersions(kafkaVersion, '4.0.0') < 0;
}

export function checkLogging(values: ParsedValues): Problem[] {
  const logging = values.logging;
  if (logging?.type !== 'inline') return [];
  const kafkaVersion =
    values.kafka.version ??
    findRelease(values.strimzi.version)?.defaultKafkaVersion;
  // An unknown Kafka version is reported by the release rules.
  if (!kafkaVersion) return [];
  return Object.entries(logging.loggers).flatMap(([logger, value]) => {
    const [level, ...appenders] = value.split(',').map(part => part.trim());
    if (appenders.length === 0) return [];
    const at = ['logging', 'loggers', logger];
    if (!usesLog4j1(kafkaVersion)) {
      return [
        problem(
          at,
          `Kafka ${kafkaVersion} logs through log4j 2, where Strimzi copies this value unchanged and "${value}" is no level: log4j 2 would ignore it (the logger keeps its parent's level, the root logger falls to ERROR); write the level alone ("${level}"), or use logging.type external for your own appenders`,
        ),
      ];
    }
    const unknown = appenders.filter(a => !INLINE_APPENDERS.includes(a));
    if (unknown.length === 0) return [];
    return [
      problem(
        at,
        `Strimzi's inline log4j configuration defines only the ${INLINE_APPENDERS.join(
          ', ',
        )} appender, so log4j would report and ignore ${unknown
          .map(a => `"${a}"`)
          .join(
            ', ',
          )}; write "${level}" alone (the root logger's CONSOLE still prints it), or use logging.type external for your own appenders`,
      ),
    ];
  });
}
