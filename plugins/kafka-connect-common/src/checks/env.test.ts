import { Problem } from '../problems';
import { parseValues } from '../values/parse';

/** The env names Strimzi sets itself, release by release and field by field. */

function values(overrides: Record<string, unknown> = {}) {
  return {
    name: 'orders',
    namespace: 'data',
    owner: 'group:default/data-platform',
    strimzi: { version: '1.2.0' },
    kafka: { bootstrapServers: 'kafka:9092' },
    // A memory request and no heap option: the image sizes the heap, nothing is set.
    resources: { requests: { memory: '2Gi' } },
    ...overrides,
  };
}

function envProblems(
  name: string,
  overrides: Record<string, unknown> = {},
): Problem[] {
  const result = parseValues(
    values({
      // From a ConfigMap, so the plain-text credential rule stays out of the way.
      env: [{ name, valueFrom: { configMapKeyRef: { name: 'c', key: 'k' } } }],
      ...overrides,
    }),
  );
  return result.ok ? [] : result.problems;
}

const ADD_OPENS = '--add-opens=java.base/java.util=ALL-UNNAMED';

describe('STRIMZI_JAVA_SYSTEM_PROPERTIES in env', () => {
  it('is allowed when Strimzi does not set it, and rendered into the container', () => {
    const result = parseValues(
      values({
        env: [{ name: 'STRIMZI_JAVA_SYSTEM_PROPERTIES', value: ADD_OPENS }],
      }),
    );
    expect(result.ok).toBe(true);
  });

  it('is refused with jvmOptions.javaSystemProperties, naming both fields', () => {
    expect(
      envProblems('STRIMZI_JAVA_SYSTEM_PROPERTIES', {
        jvmOptions: {
          javaSystemProperties: [{ name: 'user.timezone', value: 'UTC' }],
        },
      }),
    ).toEqual([
      {
        path: 'env[0].name',
        message: expect.stringMatching(
          /set by Strimzi 1\.2\.0 itself because jvmOptions\.javaSystemProperties is given.*KAFKA_OPTS/,
        ),
      },
    ]);
  });

  it('is refused when the truststore adds the javax.net.ssl properties', () => {
    const problems = envProblems('STRIMZI_JAVA_SYSTEM_PROPERTIES', {
      image: { name: 'registry.example.com/data/orders' },
      truststore: {
        certificates: [{ name: 'corp', url: 'https://pki.example.com/ca.pem' }],
      },
    });
    expect(problems).toEqual([
      {
        path: 'env[0].name',
        message: expect.stringMatching(
          /truststore\.certificates.*javax\.net\.ssl/,
        ),
      },
    ]);
  });

  it('is allowed with truststore certificates when Strimzi builds (no truststore properties then)', () => {
    // image.build strimzi refuses certificates on its own; only that problem remains.
    const problems = envProblems('STRIMZI_JAVA_SYSTEM_PROPERTIES', {
      image: { build: 'strimzi' },
      truststore: {
        certificates: [{ name: 'corp', url: 'https://pki.example.com/ca.pem' }],
      },
    });
    expect(problems.map(p => p.path)).toEqual(['truststore.certificates']);
  });
});

describe('the names Strimzi sets only in some combinations', () => {
  it.each([
    [
      'KAFKA_HEAP_OPTS',
      { jvmOptions: { '-Xmx': '1g' } },
      /jvmOptions\["-Xmx"\]/,
    ],
    [
      'KAFKA_HEAP_OPTS',
      { jvmOptions: { '-XX': { MaxRAMPercentage: '70' } } },
      /jvmOptions\["-XX"\]\.MaxRAMPercentage/,
    ],
    ['KAFKA_HEAP_OPTS', { resources: undefined }, /default -Xms128M/],
    ['STRIMZI_DYNAMIC_HEAP_PERCENTAGE', {}, /resources\.requests\.memory/],
    [
      'KAFKA_JVM_PERFORMANCE_OPTS',
      { jvmOptions: { '-XX': { UseG1GC: 'true' } } },
      /jvmOptions\["-XX"\]/,
    ],
    [
      'STRIMZI_TRACING',
      { tracing: { type: 'opentelemetry' } },
      /tracing\.type/,
    ],
    [
      'KAFKA_LOG4J_OPTS',
      { logging: { type: 'inline', loggers: { 'rootLogger.level': 'INFO' } } },
      /replace the log configuration Strimzi renders from logging/,
    ],
  ])('refuses %s with %j', (name, overrides, says) => {
    const problems = envProblems(name, overrides);
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('env[0].name');
    expect(problems[0].message).toMatch(says);
  });

  it.each([
    ['KAFKA_HEAP_OPTS', {}],
    ['STRIMZI_DYNAMIC_HEAP_PERCENTAGE', { jvmOptions: { '-Xmx': '1g' } }],
    [
      'KAFKA_JVM_PERFORMANCE_OPTS',
      { jvmOptions: { '-XX': { MaxRAMPercentage: '70' } } },
    ],
    ['STRIMZI_TRACING', {}],
    ['KAFKA_LOG4J_OPTS', {}],
    ['STRIMZI_DYNAMIC_HEAP_MAX', {}],
    ['KAFKA_OPTS', {}],
    ['KAFKA_CONNECT_PLUGIN_PATH', {}],
    ['HTTPS_PROXY', {}],
  ])('allows %s with %j, where Strimzi leaves it alone', (name, overrides) => {
    expect(envProblems(name, overrides)).toEqual([]);
  });
});

describe('the names Strimzi always sets, per release', () => {
  it.each([
    ['STRIMZI_KAFKA_GC_LOG_ENABLED', '1.2.0', /jvmOptions\.gcLoggingEnabled/],
    ['KAFKA_CONNECT_JMX_EXPORTER_ENABLED', '0.48.0', /metrics\.enabled/],
    ['KAFKA_CONNECT_METRICS_ENABLED', '0.47.0', /metrics\.enabled/],
    ['KAFKA_CONNECT_SASL_MECHANISM', '0.46.0', /kafka\.authentication/],
    ['ADVERTISED_HOSTNAME', '1.2.0', /start script/],
    ['CERTS_STORE_PASSWORD', '0.45.0', /start script/],
    ['JAVA_OPTS', '1.2.0', /no effect.*KAFKA_OPTS/],
  ])('refuses %s on %s', (name, version, says) => {
    const problems = envProblems(name, { strimzi: { version } });
    expect(problems.map(p => [p.path, says.test(p.message)])).toEqual([
      ['env[0].name', true],
    ]);
  });

  it.each([
    ['KAFKA_CONNECT_METRICS_ENABLED', '0.48.0'],
    ['KAFKA_CONNECT_SASL_MECHANISM', '0.47.0'],
    ['CERTS_STORE_PASSWORD', '0.47.0'],
  ])('allows %s on %s, which no longer sets or reads it', (name, version) => {
    expect(envProblems(name, { strimzi: { version } })).toEqual([]);
  });
});
