/**
 * This project's Prometheus JMX exporter rules for Kafka Connect and the clients it runs.
 *
 * Metric names, labels and types follow Strimzi's example rules (the `connect-metrics`
 * ConfigMap of examples/metrics/kafka-connect-metrics.yaml), so Strimzi's Kafka Connect
 * Grafana dashboard finds every series it reads. Those rules are the same in every release
 * from 0.45.0 to 1.2.0, so every cluster gets this one set; test/src/metrics compares it with
 * each release's own rules, over the MBeans Connect registers.
 *
 * Beyond Strimzi's rules, these also publish the numeric attributes Strimzi's suffix lists
 * leave out (task `-percentage`s, client `-rate`s and `-max`es, per-partition `-max`/`-min`),
 * and label the consumer's per-topic fetch metrics with `topic` instead of folding the topic
 * into `clientId`. None of these reuses a name the dashboard reads.
 *
 * The exporter matches `domain<key=value, ...><>attribute: value` and the first matching rule
 * wins, so the specific shapes come before the general ones.
 */

export interface JmxRule {
  pattern: string;
  name: string;
  type: 'GAUGE' | 'COUNTER' | 'UNTYPED';
  help: string;
  labels?: Record<string, string>;
  value?: number;
  valueFactor?: number;
}

type Labels = Record<string, string>;

/** Capturing groups in a pattern: the attribute's group comes right after them. */
function groupCount(pattern: string): number {
  return (pattern.match(/(?<!\\)\((?!\?)/g) ?? []).length;
}

/**
 * For one kind of MBean (`bean` ends with `<>`): its `-total` attributes as counters and
 * every other attribute as a gauge, named `<prefix><attribute>`. The attribute stops at
 * the `: ` before the value, so a pattern never takes a prefix of a longer name.
 */
function countersAndGauges(
  bean: string,
  prefix: string,
  labels: Labels,
  help: string,
): JmxRule[] {
  const attribute = `$${groupCount(bean) + 1}`;
  const withLabels = Object.keys(labels).length > 0 ? { labels } : {};
  return [
    {
      pattern: `${bean}([a-z0-9-]+-total): `,
      name: `${prefix}${attribute}`,
      ...withLabels,
      type: 'COUNTER',
      help,
    },
    {
      pattern: `${bean}([a-z0-9-]+): `,
      name: `${prefix}${attribute}`,
      ...withLabels,
      type: 'GAUGE',
      help,
    },
  ];
}

/** Text attributes as a series of value 1 that carries the text in a label. */
const CONNECTOR_INFO: JmxRule[] = [
  {
    pattern:
      'kafka.connect<type=connector-metrics, connector=(.+)><>(connector-class|connector-type|connector-version|status): (.+)',
    name: 'kafka_connect_connector_$2',
    value: 1,
    labels: { connector: '$1', $2: '$3' },
    type: 'GAUGE',
    help: 'Kafka Connect connector $2',
  },
  {
    pattern:
      'kafka.connect<type=connector-task-metrics, connector=(.+), task=(.+)><>status: ([a-z-]+)',
    name: 'kafka_connect_connector_task_status',
    value: 1,
    labels: { connector: '$1', task: '$2', status: '$3' },
    type: 'GAUGE',
    help: 'Kafka Connect connector task status',
  },
];

/** connector-task, source-task, sink-task and task-error metrics share one shape. */
const TASK_RULES = countersAndGauges(
  'kafka.connect<type=(.+)-metrics, connector=(.+), task=(.+)><>',
  'kafka_connect_$1_',
  { connector: '$2', task: '$3' },
  'Kafka Connect $1 metric',
);

const WORKER_RULES: JmxRule[] = [
  ...countersAndGauges(
    'kafka.connect<type=connect-worker-metrics, connector=(.+)><>',
    'kafka_connect_worker_',
    { connector: '$1' },
    'Kafka Connect worker metric per connector',
  ),
  ...countersAndGauges(
    'kafka.connect<type=connect-worker-metrics><>',
    'kafka_connect_worker_',
    {},
    'Kafka Connect worker metric',
  ),
  {
    pattern:
      'kafka.connect<type=connect-worker-rebalance-metrics><>(leader-name|connect-protocol): (.+)',
    name: 'kafka_connect_worker_rebalance_$1',
    value: 1,
    labels: { $1: '$2' },
    type: 'UNTYPED',
    help: 'Kafka Connect worker rebalance $1',
  },
  ...countersAndGauges(
    'kafka.connect<type=connect-worker-rebalance-metrics><>',
    'kafka_connect_worker_rebalance_',
    {},
    'Kafka Connect worker rebalance metric',
  ),
];

/**
 * Every client, named by its metric group without the domain: the tasks' producers and
 * consumers, the admin clients, and the worker's own group member, whose
 * `connect-coordinator-metrics` become `kafka_connect_coordinator_*`.
 */
const CLIENT_RULES: JmxRule[] = [
  {
    pattern: 'kafka.(.+)<type=app-info, client-id=(.+)><>start-time-ms',
    name: 'kafka_$1_start_time_seconds',
    labels: { clientId: '$2' },
    type: 'GAUGE',
    help: 'Kafka $1 client start time in seconds since the epoch',
    valueFactor: 0.001,
  },
  {
    pattern:
      'kafka.(.+)<type=app-info, client-id=(.+)><>(commit-id|version): (.+)',
    name: 'kafka_$1_$3_info',
    value: 1,
    labels: { clientId: '$2', $3: '$4' },
    type: 'UNTYPED',
    help: 'Kafka $1 client $3',
  },
  ...countersAndGauges(
    'kafka.consumer<type=consumer-fetch-manager-metrics, client-id=(.+), topic=(.+), partition=(.+)><>',
    'kafka_consumer_fetch_manager_',
    { clientId: '$1', topic: '$2', partition: '$3' },
    'Kafka consumer fetch metric per partition',
  ),
  ...countersAndGauges(
    'kafka.consumer<type=consumer-fetch-manager-metrics, client-id=(.+), topic=(.+)><>',
    'kafka_consumer_fetch_manager_',
    { clientId: '$1', topic: '$2' },
    'Kafka consumer fetch metric per topic',
  ),
  ...countersAndGauges(
    'kafka.producer<type=producer-topic-metrics, client-id=(.+), topic=(.+)><>',
    'kafka_producer_topic_',
    { clientId: '$1', topic: '$2' },
    'Kafka producer metric per topic',
  ),
  ...countersAndGauges(
    'kafka.(.+)<type=(.+)-metrics, client-id=(.+), node-id=(.+)><>',
    'kafka_$2_',
    { clientId: '$3', nodeId: '$4' },
    'Kafka $1 metric per broker, group $2',
  ),
  ...countersAndGauges(
    'kafka.(.+)<type=(.+)-metrics, client-id=(.*)><>',
    'kafka_$2_',
    { clientId: '$3' },
    'Kafka $1 metric, group $2',
  ),
];

export const JMX_EXPORTER_CONFIG = {
  lowercaseOutputName: true,
  lowercaseOutputLabelNames: true,
  rules: [...CONNECTOR_INFO, ...TASK_RULES, ...WORKER_RULES, ...CLIENT_RULES],
};
