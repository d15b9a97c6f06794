import { Artifacts, MAVEN_GROUP } from './artifacts';
import { CLASSES } from './javaSources';

/**
 * The seed cluster's shape (examples/values/seed-0.45.0.yaml: Debezium MySQL and PostgreSQL
 * tgz plugins, a transforms zip, the AWS config provider's zip, the RDS CA bundle, AWS
 * Secrets Manager as config provider) with every URL on the test's artifact server, plus
 * a Maven plugin with transitive dependencies, a jar and an `other` artifact, and
 * connectors that name the classes, so every artifact kind and the class check are built.
 */

export const STRIMZI_VERSION = '0.45.0';
export const KAFKA_VERSION = '3.9.0';

export const PLUGIN = {
  mysql: 'debezium-connector-mysql',
  postgres: 'debezium-connector-postgres',
  transforms: 'kafka-connect-transform-common',
  aws: 'csid-secrets-provider-aws',
  orders: 'orders',
} as const;

export function seedShapedValues(
  server: string,
  artifacts: Artifacts,
): Record<string, any> {
  const file = (p: string) => ({
    url: `${server}/${p}`,
    sha512sum: artifacts.sha512[p],
  });
  return {
    name: 'my-connect-cluster',
    namespace: 'kafka',
    owner: 'group:default/data-platform',
    strimzi: { version: STRIMZI_VERSION },
    kafka: {
      version: KAFKA_VERSION,
      bootstrapServers: 'my-cluster-kafka-bootstrap:9093',
    },
    image: { name: 'registry.example.com/data/kafka-connect' },
    plugins: [
      {
        name: PLUGIN.mysql,
        artifacts: [
          {
            type: 'tgz',
            ...file('plugins/debezium-connector-mysql-plugin.tar.gz'),
          },
        ],
      },
      {
        name: PLUGIN.postgres,
        artifacts: [
          {
            type: 'tgz',
            ...file('plugins/debezium-connector-postgres-plugin.tar.gz'),
          },
        ],
      },
      {
        name: PLUGIN.transforms,
        artifacts: [
          {
            type: 'zip',
            ...file('plugins/kafka-connect-transform-common.zip'),
          },
        ],
      },
      {
        name: PLUGIN.aws,
        artifacts: [
          { type: 'zip', ...file('plugins/csid-secrets-provider-aws.zip') },
        ],
      },
      {
        name: PLUGIN.orders,
        artifacts: [
          {
            type: 'maven',
            group: MAVEN_GROUP,
            artifact: 'orders-connector',
            version: '1.0.0',
            repository: `${server}/maven`,
          },
          { type: 'jar', ...file('plugins/order-converter.jar') },
          { type: 'other', ...file('plugins/orders-native.so') },
        ],
      },
    ],
    truststore: {
      certificates: [
        { name: 'rds-global-bundle', url: `${server}/certs/global-bundle.pem` },
      ],
    },
    configProviders: [
      {
        name: 'secretManager',
        type: 'aws-secrets-manager',
        params: { 'aws.region': 'ap-northeast-2' },
      },
      { name: 'file', type: 'file' },
    ],
    connect: {
      config: { 'key.converter': CLASSES.jsonConverter },
    },
    connectors: [
      {
        name: 'mysql-source',
        class: CLASSES.mysqlConnector,
        tasksMax: 1,
        config: {
          transforms: 'ts',
          'transforms.ts.type': CLASSES.extractTimestamp,
        },
      },
      {
        name: 'postgres-source',
        class: CLASSES.postgresConnector,
        tasksMax: 1,
      },
      {
        name: 'orders-source',
        class: CLASSES.ordersConnector,
        tasksMax: 1,
        config: { 'value.converter': CLASSES.orderConverter },
      },
    ],
  };
}
