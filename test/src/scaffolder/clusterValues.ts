/**
 * Values as the template's form sends them: only fields of docs/values.md, no destination,
 * so the template takes its default (the portal's GitOps repository). Secrets appear as
 * references only: a Secret key for SASL, ${secrets:...} in the connector's settings.
 */
export function clusterValues(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    name: 'orders-cdc',
    namespace: 'streaming',
    owner: 'group:default/orders',
    system: 'system:default/orders',
    description: 'Streams the orders database into Kafka',
    environment: 'prod',
    strimzi: { version: '1.2.0' },
    kafka: {
      bootstrapServers: 'main-kafka-bootstrap.kafka.svc:9093',
      tls: {
        trustedCertificates: [
          { secretName: 'main-cluster-ca-cert', pattern: '*.crt' },
        ],
      },
      authentication: {
        type: 'scram-sha-512',
        username: 'orders-cdc',
        passwordSecret: { secretName: 'orders-cdc-user', password: 'password' },
      },
    },
    replicas: 2,
    image: { name: 'registry.example.com/orders/connect' },
    plugins: [
      {
        name: 'debezium-postgres',
        artifacts: [
          {
            type: 'maven',
            group: 'io.debezium',
            artifact: 'debezium-connector-postgres',
            version: '3.0.7.Final',
          },
        ],
      },
    ],
    configProviders: [{ name: 'secrets', type: 'kubernetes-secret' }],
    env: [
      {
        name: 'DB_PASSWORD',
        valueFrom: { secretKeyRef: { name: 'orders-db', key: 'password' } },
      },
    ],
    connectors: [
      {
        name: 'orders-outbox',
        class: 'io.debezium.connector.postgresql.PostgresConnector',
        tasksMax: 1,
        config: {
          'database.hostname': 'orders-db.example.internal',
          'database.user': '${secrets:streaming/orders-db:user}',
          'database.password': '${secrets:streaming/orders-db:password}',
          'topic.prefix': 'orders',
        },
      },
    ],
    ...overrides,
  };
}

/** Where the template puts a cluster in the GitOps repository, and its branch. */
export const ORDERS_FOLDER = 'clusters/prod/orders-cdc';
export const ORDERS_BRANCH = 'kafka-connect/orders-cdc';

/** Files every rendered skeleton of the orders cluster has (helm layout, with a Dockerfile). */
export const ORDERS_SKELETON_FILES = [
  'connect-cluster.yaml',
  'catalog-info.yaml',
  'README.md',
  'Dockerfile',
  'Chart.yaml',
  'values.yaml',
];
