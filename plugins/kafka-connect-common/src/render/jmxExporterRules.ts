/**
 * This project's Prometheus JMX exporter rules for Kafka Connect: worker, rebalance,
 * connector and task metrics with connector/task labels, plus the embedded clients.
 * Patterns match the exporter's `domain<key=value, ...><>attribute` form.
 */

interface Rule {
  pattern: string;
  name: string;
  labels?: Record<string, string>;
  value?: number;
  type: 'GAUGE' | 'UNTYPED';
  help: string;
  valueFactor?: number;
}

/** Connector and task states (running, paused, failed, ...) as one-valued series with a status label. */
const STATUS_RULES: Rule[] = [
  {
    pattern:
      'kafka.connect<type=connector-metrics, connector=(.+)><>status: ([a-z-]+)',
    name: 'kafka_connect_connector_status',
    value: 1,
    labels: { connector: '$1', status: '$2' },
    type: 'GAUGE',
    help: 'Kafka Connect connector status',
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

const TASK_RULES: Rule[] = [
  {
    // source-task, sink-task, connector-task and task-error metrics share this shape.
    pattern:
      'kafka.connect<type=(.+)-metrics, connector=(.+), task=(.+)><>([a-z-]+)',
    name: 'kafka_connect_$1_$4',
    labels: { connector: '$2', task: '$3' },
    type: 'GAUGE',
    help: 'Kafka Connect $1 metric $4',
  },
];

const WORKER_RULES: Rule[] = [
  {
    pattern:
      'kafka.connect<type=connect-worker-metrics, connector=(.+)><>([a-z-]+)',
    name: 'kafka_connect_worker_connector_$2',
    labels: { connector: '$1' },
    type: 'GAUGE',
    help: 'Kafka Connect worker metric $2 per connector',
  },
  {
    pattern: 'kafka.connect<type=connect-worker-metrics><>([a-z-]+)',
    name: 'kafka_connect_worker_$1',
    type: 'GAUGE',
    help: 'Kafka Connect worker metric $1',
  },
  {
    pattern: 'kafka.connect<type=connect-worker-rebalance-metrics><>([a-z-]+)',
    name: 'kafka_connect_worker_rebalance_$1',
    type: 'GAUGE',
    help: 'Kafka Connect worker rebalance metric $1',
  },
  {
    pattern:
      'kafka.connect<type=connect-(coordinator-|node-)?metrics, client-id=(.+)><>([a-z-]+)',
    name: 'kafka_connect_client_$1$3',
    labels: { clientId: '$2' },
    type: 'GAUGE',
    help: 'Kafka Connect worker client metric $1$3',
  },
];

/** The producers, consumers and admin clients the workers and tasks run. */
const CLIENT_RULES: Rule[] = [
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
      'kafka.(consumer|producer)<type=(.+)-metrics, client-id=(.+), topic=(.+), partition=(.+)><>([a-z-]+)',
    name: 'kafka_$1_$2_$6',
    labels: { clientId: '$3', topic: '$4', partition: '$5' },
    type: 'GAUGE',
    help: 'Kafka $1 metric $6 per partition',
  },
  {
    pattern:
      'kafka.(consumer|producer)<type=(.+)-metrics, client-id=(.+), topic=(.+)><>([a-z-]+)',
    name: 'kafka_$1_$2_$5',
    labels: { clientId: '$3', topic: '$4' },
    type: 'GAUGE',
    help: 'Kafka $1 metric $5 per topic',
  },
  {
    pattern:
      'kafka.(consumer|producer|admin.client)<type=(.+)-metrics, client-id=(.+)><>([a-z-]+)',
    name: 'kafka_$1_$2_$4',
    labels: { clientId: '$3' },
    type: 'GAUGE',
    help: 'Kafka $1 metric $4',
  },
];

export const JMX_EXPORTER_CONFIG = {
  lowercaseOutputName: true,
  lowercaseOutputLabelNames: true,
  rules: [...STATUS_RULES, ...TASK_RULES, ...WORKER_RULES, ...CLIENT_RULES],
};
