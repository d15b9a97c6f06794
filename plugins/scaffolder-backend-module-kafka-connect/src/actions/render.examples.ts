import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** A small cluster with nothing to build: Strimzi's own image runs. */
export const MINIMAL_VALUES = {
  name: 'orders',
  namespace: 'streaming',
  owner: 'group:default/orders',
  environment: 'prod',
  kafka: { bootstrapServers: 'main-kafka-bootstrap.kafka.svc:9092' },
};

/** A change-data-capture cluster: a plugin, an RDS truststore, secrets through a config provider. */
export const CDC_VALUES = {
  name: 'orders-cdc',
  namespace: 'streaming',
  owner: 'group:default/orders',
  system: 'orders',
  environment: 'prod',
  strimzi: { version: '0.51.0' },
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
  replicas: 3,
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
  truststore: {
    certificates: [
      {
        name: 'rds-global',
        url: 'https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem',
      },
    ],
  },
  configProviders: [{ name: 'secrets', type: 'kubernetes-secret' }],
  connectors: [
    {
      name: 'orders-outbox',
      class: 'io.debezium.connector.postgresql.PostgresConnector',
      tasksMax: 1,
      config: {
        'database.hostname': 'orders-db.example.internal',
        'database.user': '${secrets:streaming/orders-db:user}',
        'database.password': '${secrets:streaming/orders-db:password}',
        'database.dbname': 'orders',
        'topic.prefix': 'orders',
      },
    },
  ],
};

export const examples: TemplateExample[] = [
  {
    description:
      'Render a small cluster into the workspace as a Helm chart (the default layout). In a template, `values` is usually built from the form: `values: ${{ parameters }}`.',
    example: yaml.stringify({
      steps: [
        {
          id: 'render',
          action: 'kafka-connect:render',
          name: 'Render the Kafka Connect cluster',
          input: { values: MINIMAL_VALUES },
        },
      ],
    }),
  },
  {
    description:
      'Render a change-data-capture cluster with a Debezium plugin and an RDS truststore, one file per object with a kustomization.yaml, into a sub-folder of the workspace.',
    example: yaml.stringify({
      steps: [
        {
          id: 'render',
          action: 'kafka-connect:render',
          name: 'Render the Kafka Connect cluster',
          input: {
            values: CDC_VALUES,
            layout: 'kustomize',
            targetPath: 'clusters/prod/orders-cdc',
          },
        },
      ],
    }),
  },
];
