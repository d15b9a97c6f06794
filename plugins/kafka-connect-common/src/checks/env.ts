import { formatPath, PathSegment, problem, Problem } from '../problems';
import { truststoreAddsSystemProperties } from '../render/jvmOptions';
import { ParsedValues } from '../values/schema';
import { isAtLeast } from './versions';

/** The fields these rules read. */
type EnvFields = Pick<
  ParsedValues,
  | 'env'
  | 'jvmOptions'
  | 'logging'
  | 'rack'
  | 'resources'
  | 'strimzi'
  | 'tracing'
  | 'image'
  | 'truststore'
>;

/**
 * Environment variable names the Connect container cannot take from `env`, read off
 * Strimzi's operator (KafkaConnectCluster.getEnvVars, JvmOptionUtils) and the image's
 * kafka_connect_run.sh of each release. The operator adds a template variable only when it
 * has not set that name itself ("already in use and will be ignored"), and the start script
 * overwrites a few names: in both cases the value given here would have no effect. A name
 * the operator sets only in some combinations is refused only in those, naming the field
 * that makes Strimzi set it.
 */

/**
 * Why Strimzi sets the name: always; or because of a field (its path), in the words of
 * `because` when "<field> is given" is not the reason; or not at all (undefined).
 */
type SetBy =
  | 'always'
  | { field: readonly PathSegment[]; because?: string }
  | undefined;

interface ReservedEnv {
  matches: (name: string) => boolean;
  /** The releases it applies to, inclusive; open when left out. */
  since?: string;
  before?: string;
  setBy: (values: EnvFields) => SetBy;
  fix: string;
}

const named =
  (...names: string[]) =>
  (name: string) =>
    names.includes(name);

const HEAP_XX = ['InitialRAMPercentage', 'MaxRAMPercentage'];

function memoryPath(values: EnvFields): PathSegment[] | undefined {
  if (values.resources?.requests?.memory !== undefined) {
    return ['resources', 'requests', 'memory'];
  }
  if (values.resources?.limits?.memory !== undefined) {
    return ['resources', 'limits', 'memory'];
  }
  return undefined;
}

/** The jvmOptions field that puts a heap size into KAFKA_HEAP_OPTS, if any. */
function heapOptionPath(values: EnvFields): PathSegment[] | undefined {
  const jvm = values.jvmOptions;
  if (jvm?.['-Xms'] !== undefined) return ['jvmOptions', '-Xms'];
  if (jvm?.['-Xmx'] !== undefined) return ['jvmOptions', '-Xmx'];
  const xx = HEAP_XX.find(key => jvm?.['-XX']?.[key] !== undefined);
  return xx ? ['jvmOptions', '-XX', xx] : undefined;
}

const RULES: ReservedEnv[] = [
  {
    matches: named('STRIMZI_KAFKA_GC_LOG_ENABLED'),
    setBy: () => 'always',
    fix: 'use jvmOptions.gcLoggingEnabled',
  },
  {
    matches: named('KAFKA_CONNECT_METRICS_ENABLED'),
    before: '0.48.0',
    setBy: () => 'always',
    fix: 'use metrics.enabled',
  },
  {
    matches: named('KAFKA_CONNECT_JMX_EXPORTER_ENABLED'),
    since: '0.48.0',
    setBy: () => 'always',
    fix: 'use metrics.enabled and metrics.type',
  },
  {
    // Up to 0.46 the image's start scripts build the TLS and SASL setup from these.
    matches: name => name.startsWith('KAFKA_CONNECT_'),
    before: '0.47.0',
    setBy: () => 'always',
    fix: 'up to Strimzi 0.46 the image reads KAFKA_CONNECT_* variables to set up the Kafka connection; use kafka.tls and kafka.authentication, or choose another name',
  },
  {
    matches: named('STRIMZI_JAVA_SYSTEM_PROPERTIES'),
    setBy: values => {
      if (nonEmptyList(values.jvmOptions?.javaSystemProperties)) {
        return { field: ['jvmOptions', 'javaSystemProperties'] };
      }
      return truststoreAddsSystemProperties(values)
        ? {
            field: ['truststore', 'certificates'],
            because:
              'is set by Strimzi itself because truststore.certificates adds the javax.net.ssl system properties of the truststore, and Strimzi then ignores this one',
          }
        : undefined;
    },
    fix: 'put the -D properties into jvmOptions.javaSystemProperties, and other JVM flags (such as --add-opens) into KAFKA_OPTS, which the image appends to',
  },
  {
    matches: named('KAFKA_HEAP_OPTS'),
    setBy: values => {
      const heap = heapOptionPath(values);
      if (heap) return { field: heap };
      // No heap option: with a memory request or limit the image sizes the heap itself.
      if (memoryPath(values)) return undefined;
      return {
        field: ['resources'],
        because:
          'is set by Strimzi itself to its default -Xms128M because neither jvmOptions nor resources gives a heap or memory size, and Strimzi then ignores this one',
      };
    },
    fix: 'set the heap with jvmOptions -Xms and -Xmx, or give resources a memory request or limit and leave the heap to the image',
  },
  {
    matches: named('STRIMZI_DYNAMIC_HEAP_PERCENTAGE'),
    setBy: values => {
      const jvm = values.jvmOptions;
      const sized =
        jvm?.['-Xmx'] !== undefined ||
        jvm?.['-XX']?.MaxRAMPercentage !== undefined;
      const memory = memoryPath(values);
      return sized || !memory ? undefined : { field: memory };
    },
    fix: 'set jvmOptions -Xmx or -XX MaxRAMPercentage instead',
  },
  {
    matches: named('KAFKA_JVM_PERFORMANCE_OPTS'),
    setBy: values =>
      Object.keys(values.jvmOptions?.['-XX'] ?? {}).some(
        key => !HEAP_XX.includes(key),
      )
        ? { field: ['jvmOptions', '-XX'] }
        : undefined,
    fix: 'put the flags into jvmOptions -XX',
  },
  {
    matches: named('STRIMZI_TRACING'),
    setBy: values =>
      values.tracing ? { field: ['tracing', 'type'] } : undefined,
    fix: 'use tracing.type',
  },
  {
    // 0.45's start script reads the rack from the init container's file.
    matches: named('STRIMZI_RACK_ID'),
    before: '0.46.0',
    setBy: values => (values.rack ? { field: ['rack'] } : undefined),
    fix: 'leave the rack to rack.topologyKey',
  },
  {
    matches: named('KAFKA_LOG4J_OPTS'),
    setBy: values =>
      values.logging
        ? {
            field: ['logging'],
            because:
              'would replace the log configuration Strimzi renders from logging (the image keeps a given KAFKA_LOG4J_OPTS)',
          }
        : undefined,
    fix: 'remove one of them',
  },
  {
    matches: named(
      'ADVERTISED_HOSTNAME',
      'GC_LOG_ENABLED',
      'KAFKA_GC_LOG_OPTS',
      'LOG_DIR',
    ),
    setBy: () => 'always',
    fix: "the Strimzi image's start script sets it; choose another name",
  },
  {
    matches: named('CERTS_STORE_PASSWORD'),
    before: '0.47.0',
    setBy: () => 'always',
    fix: "the Strimzi image's start script sets it; choose another name",
  },
];

function nonEmptyList(list: readonly unknown[] | undefined): boolean {
  return (list?.length ?? 0) > 0;
}

function applies(rule: ReservedEnv, version: string): boolean {
  return (
    (!rule.since || isAtLeast(version, rule.since)) &&
    (!rule.before || !isAtLeast(version, rule.before))
  );
}

/** Read by neither Kafka's scripts nor Strimzi's image: a value would change nothing. */
const WITHOUT_EFFECT: Record<string, string> = {
  JAVA_OPTS:
    'is read by neither Kafka nor the Strimzi image, so it would have no effect; use KAFKA_OPTS (appended to the JVM options) or jvmOptions',
};

/** The problem for one variable name, or undefined when Strimzi leaves the name alone. */
export function reservedEnvProblem(
  name: string,
  values: EnvFields,
): string | undefined {
  if (WITHOUT_EFFECT[name]) return WITHOUT_EFFECT[name];
  const version = values.strimzi.version;
  const rule = RULES.find(r => r.matches(name) && applies(r, version));
  const setBy = rule?.setBy(values);
  if (!rule || setBy === undefined) return undefined;
  if (setBy === 'always') {
    return `is set by Strimzi ${version} itself, which ignores a second value; ${rule.fix}`;
  }
  const because =
    setBy.because ??
    `is set by Strimzi ${version} itself because ${formatPath(
      setBy.field,
    )} is given, and Strimzi then ignores this one`;
  return `${because}; ${rule.fix}`;
}

export function checkEnv(values: EnvFields): Problem[] {
  return values.env.flatMap((variable, index) => {
    const message = reservedEnvProblem(variable.name, values);
    return message ? [problem(['env', index, 'name'], message)] : [];
  });
}
