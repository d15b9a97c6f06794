import { AttributeValue, MBean } from './jmxExporterMatcher';

/**
 * The MBeans a Kafka Connect worker and its clients register, as data: groups, keys and
 * attributes from Apache Kafka's documentation of the Connect, producer, consumer, admin
 * client and common client metrics ("Monitoring" chapter; Connect's are generated from
 * ConnectMetricsRegistry), instantiated for one worker that runs a source and a sink
 * connector with one task each. Values are plausible samples: numbers for the metrics,
 * strings where Kafka publishes text (status, class, version, leader name, ...).
 */

/** A metric group: its JMX domain and type, the keys in declared order, its attributes. */
interface Group {
  domain: string;
  type: string;
  keys: readonly string[];
  attributes: readonly string[];
  /** Text-valued attributes and their sample value. */
  text?: Record<string, string>;
  /** Connectors that have this group, when not all do (source-task metrics: sources only). */
  connectors?: readonly string[];
}

const WORKER = 'connect-1';
const SOURCE = 'orders-source';
const SINK = 'orders-sink';

/** Clients Connect runs, by domain: its own group member, the task clients, the logs' clients. */
const CLIENT_IDS: Record<string, readonly string[]> = {
  'kafka.connect': [WORKER],
  'kafka.producer': [`connector-producer-${SOURCE}-0`, `${WORKER}-statuses`],
  'kafka.consumer': [`connector-consumer-${SINK}-0`, `${WORKER}-offsets`],
  'kafka.admin.client': [
    `connector-adminclient-${SINK}-0`,
    `${WORKER}-shared-admin`,
  ],
};

const SAMPLE_KEYS: Record<string, readonly string[]> = {
  connector: [SOURCE, SINK],
  task: ['0'],
  topic: ['orders'],
  partition: ['0'],
  'node-id': ['node-0', 'node--1'],
};

const rateAndTotal = (...names: string[]) =>
  names.flatMap(n => [`${n}-rate`, `${n}-total`]);
const avgAndMax = (...names: string[]) =>
  names.flatMap(n => [`${n}-avg`, `${n}-max`]);

/** "Common monitoring metrics for producer/consumer/connect/streams" (selector, network, auth). */
const COMMON_CLIENT = [
  ...rateAndTotal(
    'connection-close',
    'connection-creation',
    'network-io',
    'outgoing-byte',
    'request',
    'incoming-byte',
    'response',
    'select',
    'successful-authentication',
    'failed-authentication',
    'successful-reauthentication',
    'failed-reauthentication',
  ),
  ...avgAndMax('request-size', 'reauthentication-latency'),
  'io-wait-time-ns-avg',
  'io-wait-time-ns-total',
  'io-wait-ratio',
  'io-time-ns-avg',
  'io-time-ns-total',
  'io-ratio',
  'connection-count',
  'successful-authentication-no-reauth-total',
];

/** "Common Per-broker metrics": the `*-node-metrics` groups, keyed by node-id. */
const PER_NODE = [
  ...rateAndTotal('outgoing-byte', 'request', 'incoming-byte', 'response'),
  ...avgAndMax('request-size', 'request-latency'),
];

const GROUP_MEMBER = [
  ...rateAndTotal('heartbeat', 'join', 'sync'),
  ...avgAndMax('join-time', 'sync-time'),
  'heartbeat-response-time-max',
  'last-heartbeat-seconds-ago',
  'last-rebalance-seconds-ago',
];

const CLIENT_DOMAINS = Object.keys(CLIENT_IDS);
const shortName = (domain: string) =>
  domain === 'kafka.admin.client' ? 'admin-client' : domain.slice(6);

const GROUPS: readonly Group[] = [
  // Connect worker: "connect-worker-metrics", per worker and per connector.
  {
    domain: 'kafka.connect',
    type: 'connect-worker-metrics',
    keys: [],
    attributes: [
      'connector-count',
      'task-count',
      ...['connector', 'task'].flatMap(kind => [
        `${kind}-startup-attempts-total`,
        `${kind}-startup-success-total`,
        `${kind}-startup-success-percentage`,
        `${kind}-startup-failure-total`,
        `${kind}-startup-failure-percentage`,
      ]),
    ],
  },
  {
    domain: 'kafka.connect',
    type: 'connect-worker-metrics',
    keys: ['connector'],
    attributes: [
      'connector-total-task-count',
      'connector-running-task-count',
      'connector-paused-task-count',
      'connector-failed-task-count',
      'connector-unassigned-task-count',
      'connector-destroyed-task-count',
      'connector-restarting-task-count',
    ],
  },
  {
    domain: 'kafka.connect',
    type: 'connect-worker-rebalance-metrics',
    keys: [],
    attributes: [
      'completed-rebalances-total',
      'epoch',
      'rebalancing',
      'rebalance-max-time-ms',
      'rebalance-avg-time-ms',
      'time-since-last-rebalance-ms',
    ],
    text: {
      'connect-protocol': 'sessioned',
      'leader-name': 'http://10.1.2.3:8083/',
    },
  },
  // The worker's group membership (WorkerCoordinator).
  {
    domain: 'kafka.connect',
    type: 'connect-coordinator-metrics',
    keys: ['client-id'],
    attributes: ['assigned-connectors', 'assigned-tasks', ...GROUP_MEMBER],
  },
  {
    domain: 'kafka.connect',
    type: 'connector-metrics',
    keys: ['connector'],
    attributes: [],
    text: {
      'connector-class': 'io.confluent.connect.jdbc.JdbcSinkConnector',
      'connector-type': 'sink',
      'connector-version': '10.8.0',
      status: 'running',
    },
  },
  {
    domain: 'kafka.connect',
    type: 'connector-task-metrics',
    keys: ['connector', 'task'],
    attributes: [
      'running-ratio',
      'pause-ratio',
      'offset-commit-max-time-ms',
      'offset-commit-avg-time-ms',
      'batch-size-max',
      'batch-size-avg',
      'offset-commit-failure-percentage',
      'offset-commit-success-percentage',
    ],
    text: { status: 'running' },
  },
  {
    domain: 'kafka.connect',
    type: 'source-task-metrics',
    keys: ['connector', 'task'],
    connectors: [SOURCE],
    attributes: [
      ...rateAndTotal('source-record-poll', 'source-record-write'),
      'poll-batch-max-time-ms',
      'poll-batch-avg-time-ms',
      'source-record-active-count',
      'source-record-active-count-max',
      'source-record-active-count-avg',
    ],
  },
  {
    domain: 'kafka.connect',
    type: 'sink-task-metrics',
    keys: ['connector', 'task'],
    connectors: [SINK],
    attributes: [
      ...rateAndTotal(
        'sink-record-read',
        'sink-record-send',
        'offset-commit-completion',
        'offset-commit-skip',
      ),
      'sink-record-lag-max',
      'partition-count',
      'offset-commit-seq-no',
      'put-batch-max-time-ms',
      'put-batch-avg-time-ms',
      'sink-record-active-count',
      'sink-record-active-count-max',
      'sink-record-active-count-avg',
    ],
  },
  {
    domain: 'kafka.connect',
    type: 'task-error-metrics',
    keys: ['connector', 'task'],
    attributes: [
      'total-record-failures',
      'total-record-errors',
      'total-records-skipped',
      'total-retries',
      'total-errors-logged',
      'deadletterqueue-produce-requests',
      'deadletterqueue-produce-failures',
      'last-error-timestamp',
    ],
  },
  // Every client, Connect's group member included: app-info, common and per-broker metrics.
  ...CLIENT_DOMAINS.flatMap((domain): Group[] => [
    {
      domain,
      type: 'app-info',
      keys: ['client-id'],
      attributes: ['start-time-ms'],
      text: { 'commit-id': '8f2a3b4c5d6e7f80', version: '4.1.0' },
    },
    {
      domain,
      type: `${shortName(domain)}-metrics`,
      keys: ['client-id'],
      attributes: [
        ...COMMON_CLIENT,
        ...(domain === 'kafka.consumer'
          ? [
              'last-poll-seconds-ago',
              'poll-idle-ratio-avg',
              'time-between-poll-avg',
              'time-between-poll-max',
              'commit-sync-time-ns-total',
              'committed-time-ns-total',
            ]
          : []),
        ...(domain === 'kafka.producer'
          ? [
              ...avgAndMax(
                'batch-size',
                'produce-throttle-time',
                'record-queue-time',
                'record-size',
                'request-latency',
              ),
              ...rateAndTotal(
                'batch-split',
                'buffer-exhausted',
                'record-error',
                'record-retry',
                'record-send',
              ),
              'buffer-available-bytes',
              'buffer-total-bytes',
              'bufferpool-wait-ratio',
              'bufferpool-wait-time-ns-total',
              'compression-rate-avg',
              'flush-time-ns-total',
              'metadata-age',
              'metadata-wait-time-ns-total',
              'records-per-request-avg',
              'requests-in-flight',
              'waiting-threads',
            ]
          : []),
      ],
    },
    {
      domain,
      type: `${shortName(domain)}-node-metrics`,
      keys: ['client-id', 'node-id'],
      attributes: PER_NODE,
    },
  ]),
  {
    domain: 'kafka.producer',
    type: 'producer-topic-metrics',
    keys: ['client-id', 'topic'],
    attributes: [
      'byte-rate',
      'byte-total',
      'compression-rate',
      ...rateAndTotal('record-error', 'record-retry', 'record-send'),
    ],
  },
  {
    domain: 'kafka.consumer',
    type: 'consumer-coordinator-metrics',
    keys: ['client-id'],
    attributes: [
      ...GROUP_MEMBER,
      'assigned-partitions',
      ...avgAndMax(
        'commit-latency',
        'partition-assigned-latency',
        'partition-lost-latency',
        'partition-revoked-latency',
        'rebalance-latency',
      ),
      ...rateAndTotal('commit'),
      'failed-rebalance-rate-per-hour',
      'failed-rebalance-total',
      'rebalance-latency-total',
      'rebalance-rate-per-hour',
      'rebalance-total',
    ],
  },
  {
    domain: 'kafka.consumer',
    type: 'consumer-fetch-manager-metrics',
    keys: ['client-id'],
    attributes: [
      ...rateAndTotal('bytes-consumed', 'fetch', 'records-consumed'),
      ...avgAndMax('fetch-latency', 'fetch-size', 'fetch-throttle-time'),
      'records-lag-max',
      'records-lead-min',
      'records-per-request-avg',
    ],
  },
  {
    domain: 'kafka.consumer',
    type: 'consumer-fetch-manager-metrics',
    keys: ['client-id', 'topic'],
    attributes: [
      ...rateAndTotal('bytes-consumed', 'records-consumed'),
      ...avgAndMax('fetch-size'),
      'records-per-request-avg',
    ],
  },
  {
    domain: 'kafka.consumer',
    type: 'consumer-fetch-manager-metrics',
    keys: ['client-id', 'topic', 'partition'],
    attributes: [
      'preferred-read-replica',
      'records-lag',
      'records-lag-avg',
      'records-lag-max',
      'records-lead',
      'records-lead-avg',
      'records-lead-min',
    ],
  },
];

/**
 * Kafka's JmxReporter quotes a key value holding a character ObjectName reserves (the
 * worker's `host:port` id, for example); plain names stay bare.
 */
function jmxValue(value: string): string {
  return /^[\w\-%. \t]*$/.test(value)
    ? value
    : `"${value.replace(/[\\"]/g, c => `\\${c}`)}"`;
}

function keyCombinations(group: Group): [string, string][][] {
  let combinations: [string, string][][] = [[]];
  for (const key of group.keys) {
    let values = SAMPLE_KEYS[key];
    if (key === 'client-id') values = CLIENT_IDS[group.domain];
    if (key === 'connector' && group.connectors) values = group.connectors;
    combinations = combinations.flatMap(prefix =>
      values.map(v => [...prefix, [key, v] as [string, string]]),
    );
  }
  return combinations;
}

function sampleValue(attribute: string, index: number): number {
  // Distinct, non-zero numbers, so a wrong value factor or value would show.
  return attribute.endsWith('-ms') ? 1_700_000_000_000 + index : index + 2;
}

export function connectMBeans(): MBean[] {
  const mbeans: MBean[] = GROUPS.flatMap(group =>
    keyCombinations(group).map(keys => {
      const attributes: Record<string, AttributeValue> = {};
      group.attributes.forEach((a, i) => {
        attributes[a] = sampleValue(a, i);
      });
      Object.assign(attributes, group.text ?? {});
      const objectName = [
        `${group.domain}:type=${group.type}`,
        ...keys.map(([k, v]) => `${k}=${jmxValue(v)}`),
      ].join(',');
      return { objectName, attributes };
    }),
  );
  // Connect registers its own app-info under the worker id, the advertised host:port.
  mbeans.push({
    objectName: `kafka.connect:type=app-info,client-id=${jmxValue(
      '10.1.2.3:8083',
    )}`,
    attributes: {
      'start-time-ms': 1_700_000_000_000,
      'commit-id': '8f2a3b4c5d6e7f80',
      version: '4.1.0',
    },
  });
  return mbeans;
}
