import { parseAllDocuments } from 'yaml';
import { Problem } from '../problems';
import { renderManifests } from '../skeleton';
import { parseValues } from '../values/parse';

/** Resource and pod metadata, security, priority and tracing: where each lands, what is refused. */

const BASE = {
  name: 'orders',
  namespace: 'data',
  owner: 'group:default/data-platform',
  kafka: { bootstrapServers: 'kafka:9092' },
};

function objects(values: Record<string, unknown>): any[] {
  const result = renderManifests(values);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return parseAllDocuments(result.value).map(d => d.toJS());
}

const ofKind = (values: Record<string, unknown>, kind: string) =>
  objects(values).find(o => o.kind === kind);

function problemsOf(values: Record<string, unknown>): Problem[] {
  const result = parseValues(values);
  return result.ok ? [] : result.problems;
}

const RESTRICTED_POD = {
  runAsNonRoot: true,
  seccompProfile: { type: 'RuntimeDefault' },
  fsGroup: 1001,
};
const RESTRICTED_CONTAINER = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
};

describe('resource metadata', () => {
  it("puts labels and annotations on the KafkaConnect beside the renderer's own", () => {
    const connect = ofKind(
      {
        ...BASE,
        labels: { team: 'data', 'app.kubernetes.io/part-of': 'orders' },
        annotations: { 'example.com/ticket': 'DATA-42' },
      },
      'KafkaConnect',
    );
    expect(connect.metadata.labels).toEqual({
      team: 'data',
      'app.kubernetes.io/part-of': 'orders',
      'app.kubernetes.io/name': 'kafka-connect',
      'app.kubernetes.io/instance': 'orders',
      'backstage.io/kubernetes-id': 'orders',
    });
    expect(connect.metadata.annotations).toEqual({
      'example.com/ticket': 'DATA-42',
      'strimzi.io/use-connector-resources': 'true',
    });
    // Only the KafkaConnect carries them.
    const policy = ofKind(
      {
        ...BASE,
        labels: { team: 'data' },
        apiAccess: [{ name: 'ui', namespace: 'ops' }],
      },
      'NetworkPolicy',
    );
    expect(policy.metadata.labels.team).toBeUndefined();
  });

  it.each([
    [
      'labels',
      { labels: { 'strimzi.io/cluster': 'x' } },
      'labels["strimzi.io/cluster"]',
      /Strimzi refuses labels starting with strimzi\.io\//,
    ],
    [
      'labels',
      { labels: { 'backstage.io/kubernetes-id': 'x' } },
      'labels["backstage.io/kubernetes-id"]',
      /set by the renderer/,
    ],
    [
      'pod.labels',
      { pod: { labels: { 'strimzi.io/kind': 'x' } } },
      'pod.labels["strimzi.io/kind"]',
      /strimzi\.io\//,
    ],
    [
      'podSet.labels',
      { podSet: { labels: { 'app.kubernetes.io/instance': 'x' } } },
      'podSet.labels["app.kubernetes.io/instance"]',
      /set by the renderer/,
    ],
    [
      'annotations',
      { annotations: { 'strimzi.io/use-connector-resources': 'false' } },
      'annotations["strimzi.io/use-connector-resources"]',
      /connect\.useConnectorResources/,
    ],
    [
      'pod.annotations',
      { pod: { annotations: { 'prometheus.io/port': '8080' } } },
      'pod.annotations["prometheus.io/port"]',
      /metrics\.podAnnotations sets it to "9404"/,
    ],
  ])('refuses a reserved key in %s', (_field, given, path, says) => {
    const problems = problemsOf({ ...BASE, ...given });
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe(path);
    expect(problems[0].message).toMatch(says);
  });

  it('explains that template.deployment has no effect', () => {
    const problems = problemsOf({
      ...BASE,
      deployment: { strategy: 'Recreate' },
    });
    expect(problems).toEqual([
      {
        path: 'deployment',
        message: expect.stringMatching(
          /Strimzi ignores template\.deployment.*StrimziPodSet.*podSet\.labels/,
        ),
      },
    ]);
  });
});

describe('spec.template', () => {
  const values = {
    ...BASE,
    pod: {
      labels: { team: 'data' },
      annotations: {
        'example.com/owner': 'data',
        'prometheus.io/scrape': 'true',
      },
      securityContext: RESTRICTED_POD,
      priorityClassName: 'streaming-high',
      terminationGracePeriodSeconds: 120,
    },
    container: { securityContext: RESTRICTED_CONTAINER },
    podSet: {
      labels: { tier: 'connect' },
      annotations: { 'example.com/a': 'b' },
    },
  };

  it('puts pod, container and pod set settings where Strimzi reads them', () => {
    const template = ofKind(values, 'KafkaConnect').spec.template;
    expect(template.pod).toEqual({
      metadata: {
        labels: { team: 'data' },
        annotations: {
          'example.com/owner': 'data',
          'prometheus.io/scrape': 'true',
          'prometheus.io/port': '9404',
          'prometheus.io/path': '/metrics',
        },
      },
      securityContext: RESTRICTED_POD,
      priorityClassName: 'streaming-high',
      terminationGracePeriodSeconds: 120,
    });
    expect(template.connectContainer).toEqual({
      securityContext: RESTRICTED_CONTAINER,
    });
    expect(template.podSet).toEqual({
      metadata: {
        labels: { tier: 'connect' },
        annotations: { 'example.com/a': 'b' },
      },
    });
    expect(template.deployment).toBeUndefined();
  });

  it('keeps pod metadata without metrics annotations when metrics are off', () => {
    const template = ofKind(
      { ...values, metrics: { enabled: false } },
      'KafkaConnect',
    ).spec.template;
    expect(template.pod.metadata.annotations).toEqual({
      'example.com/owner': 'data',
      'prometheus.io/scrape': 'true',
    });
  });

  it.each([
    [
      { pod: { securityContext: { seccompProfile: { type: 'Localhost' } } } },
      'pod.securityContext.seccompProfile.localhostProfile',
      /exactly when type is Localhost/,
    ],
    [
      { pod: { securityContext: { runAsUser: -1 } } },
      'pod.securityContext.runAsUser',
      /at least 0/,
    ],
    [
      { pod: { securityContext: { windowsOptions: { hostProcess: true } } } },
      'pod.securityContext.windowsOptions',
      /unknown field/,
    ],
    [
      {
        container: {
          securityContext: {
            privileged: true,
            allowPrivilegeEscalation: false,
          },
        },
      },
      'container.securityContext.allowPrivilegeEscalation',
      /Kubernetes refuses/,
    ],
    [
      {
        container: { securityContext: { capabilities: { drop: ['ALL; rm'] } } },
      },
      'container.securityContext.capabilities.drop[0]',
      /Linux capability name/,
    ],
    [
      { pod: { priorityClassName: 'High Priority' } },
      'pod.priorityClassName',
      /DNS-1123 subdomain/,
    ],
    [
      { pod: { terminationGracePeriodSeconds: -5 } },
      'pod.terminationGracePeriodSeconds',
      /at least 0/,
    ],
    [
      {
        pod: { securityContext: { seLinuxChangePolicy: 'Recursive' } },
        strimzi: { version: '0.45.0' },
      },
      'pod.securityContext.seLinuxChangePolicy',
      /needs Strimzi 0\.46\.0/,
    ],
    [
      { podSet: { metadata: { labels: { a: 'b' } } } },
      'podSet.metadata',
      /unknown field/,
    ],
    [{ tracing: { type: 'jaeger' } }, 'tracing.type', /"opentelemetry"/],
  ])('refuses %j', (given, path, says) => {
    const problems = problemsOf({ ...BASE, ...given });
    expect(problems.map(p => p.path)).toEqual([path]);
    expect(problems[0].message).toMatch(says);
  });

  it('accepts seLinuxChangePolicy from 0.46.0 on', () => {
    const template = ofKind(
      {
        ...BASE,
        strimzi: { version: '0.46.0' },
        pod: { securityContext: { seLinuxChangePolicy: 'MountOption' } },
      },
      'KafkaConnect',
    ).spec.template;
    expect(template.pod.securityContext).toEqual({
      seLinuxChangePolicy: 'MountOption',
    });
  });
});

describe('tracing', () => {
  it.each(['0.45.0', '1.2.0'])('renders spec.tracing on %s', version => {
    const spec = ofKind(
      { ...BASE, strimzi: { version }, tracing: { type: 'opentelemetry' } },
      'KafkaConnect',
    ).spec;
    expect(spec.tracing).toEqual({ type: 'opentelemetry' });
  });
});

describe('API access for a whole namespace', () => {
  it('admits every pod of a named namespace with the namespace selector alone', () => {
    const policy = ofKind(
      {
        ...BASE,
        apiAccess: [
          { name: 'monitoring', namespace: 'monitoring' },
          { name: 'ui', podLabels: { app: 'kafka-ui' } },
        ],
      },
      'NetworkPolicy',
    );
    expect(policy.spec.ingress[0].from).toEqual([
      {
        namespaceSelector: {
          matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' },
        },
      },
      {
        podSelector: { matchLabels: { app: 'kafka-ui' } },
        namespaceSelector: {
          matchLabels: { 'kubernetes.io/metadata.name': 'data' },
        },
      },
    ]);
  });

  it('still needs pod labels without a namespace', () => {
    expect(
      problemsOf({ ...BASE, apiAccess: [{ name: 'ui', podLabels: {} }] }),
    ).toEqual([
      {
        path: 'apiAccess[0].podLabels',
        message: expect.stringMatching(
          /required without namespace.*give namespace instead/,
        ),
      },
    ]);
  });
});

describe('logger values with appenders', () => {
  const withLoggers = (version: string, kafka: string, value: string) => ({
    ...BASE,
    strimzi: { version },
    kafka: { ...BASE.kafka, version: kafka },
    logging: {
      type: 'inline',
      loggers: { 'log4j.logger.io.debezium': value },
    },
  });

  it('renders "DEBUG, CONSOLE" unchanged where Kafka uses log4j 1', () => {
    const spec = ofKind(
      withLoggers('0.46.0', '3.9.0', 'DEBUG, CONSOLE'),
      'KafkaConnect',
    ).spec;
    expect(spec.logging.loggers).toEqual({
      'log4j.logger.io.debezium': 'DEBUG, CONSOLE',
    });
  });

  it('refuses an appender the inline configuration does not define (log4j 1)', () => {
    const problems = problemsOf(
      withLoggers('0.45.0', '3.9.0', 'DEBUG, stdout'),
    );
    expect(problems).toEqual([
      {
        path: 'logging.loggers["log4j.logger.io.debezium"]',
        message: expect.stringMatching(
          /defines only the CONSOLE appender.*"stdout".*write "DEBUG" alone/,
        ),
      },
    ]);
  });

  it('refuses any appender where Kafka uses log4j 2, saying why', () => {
    const problems = problemsOf(
      withLoggers('0.46.0', '4.0.0', 'DEBUG, CONSOLE'),
    );
    expect(problems).toEqual([
      {
        path: 'logging.loggers["log4j.logger.io.debezium"]',
        message: expect.stringMatching(
          /Kafka 4\.0\.0 logs through log4j 2.*no level.*write the level alone \("DEBUG"\)/,
        ),
      },
    ]);
  });

  it('refuses a value that is no level at all', () => {
    const problems = problemsOf(withLoggers('0.45.0', '3.9.0', 'verbose'));
    expect(problems.map(p => p.path)).toEqual([
      'logging.loggers["log4j.logger.io.debezium"]',
    ]);
  });
});
