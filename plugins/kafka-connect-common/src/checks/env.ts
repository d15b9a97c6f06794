import { problem, Problem } from '../problems';
import { ParsedValues } from '../values/schema';

/** Variables the Strimzi image's start scripts set from the resource; a second value is ignored or breaks start-up. */
const RESERVED_PREFIXES = ['STRIMZI_', 'KAFKA_CONNECT_'];
const RESERVED_NAMES = [
  'KAFKA_HEAP_OPTS',
  'KAFKA_OPTS',
  'KAFKA_JVM_PERFORMANCE_OPTS',
  'KAFKA_LOG4J_OPTS',
  'JAVA_OPTS',
];

export function checkEnv(values: ParsedValues): Problem[] {
  const problems: Problem[] = [];
  values.env.forEach((variable, index) => {
    if (
      RESERVED_NAMES.includes(variable.name) ||
      RESERVED_PREFIXES.some(p => variable.name.startsWith(p))
    ) {
      problems.push(
        problem(
          ['env', index, 'name'],
          `${variable.name} is set by Strimzi; use jvmOptions for JVM settings, or choose another name`,
        ),
      );
    }
  });
  return problems;
}
