/** Variables the Strimzi image's start scripts set from the resource; a second value is ignored or breaks start-up. */
const RESERVED_PREFIXES = ['STRIMZI_', 'KAFKA_CONNECT_'];
const RESERVED_NAMES = [
  'KAFKA_HEAP_OPTS',
  'KAFKA_OPTS',
  'KAFKA_JVM_PERFORMANCE_OPTS',
  'KAFKA_LOG4J_OPTS',
  'JAVA_OPTS',
];

/** True for names the Strimzi image sets itself. */
export function isReservedEnvName(name: string): boolean {
  return (
    RESERVED_NAMES.includes(name) ||
    RESERVED_PREFIXES.some(p => name.startsWith(p))
  );
}

export const RESERVED_ENV_MESSAGE =
  'is set by Strimzi; use jvmOptions for JVM settings, or choose another name';
