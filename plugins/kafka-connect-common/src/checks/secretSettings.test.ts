import { formatProblem, Problem } from '../problems';
import { parseValues } from '../values/parse';

/**
 * Real setting names from the projects' documentation, each with its verdict: `refused`
 * when written with a literal value (it holds a secret), `passes` when it only mentions one
 * (a prefix, a name, a path, a class, a URL, a duration).
 */
type Row = [name: string, verdict: 'refused' | 'passes'];

const CONNECTOR_SETTINGS: Row[] = [
  // Apache Kafka clients and Connect (SslConfigs, SaslConfigs; prefixed for overrides)
  ['ssl.key.password', 'refused'],
  ['ssl.keystore.password', 'refused'],
  ['ssl.truststore.password', 'refused'],
  ['ssl.keystore.key', 'refused'],
  ['ssl.keystore.location', 'passes'],
  ['ssl.truststore.type', 'passes'],
  ['ssl.keystore.certificate.chain', 'passes'],
  ['ssl.truststore.certificates', 'passes'],
  ['ssl.endpoint.identification.algorithm', 'passes'],
  ['producer.override.ssl.keystore.password', 'refused'],
  ['consumer.override.ssl.key.password', 'refused'],
  ['sasl.oauthbearer.client.credentials.client.secret', 'refused'],
  ['sasl.oauthbearer.client.credentials.client.id', 'passes'],
  ['sasl.oauthbearer.assertion.private.key.passphrase', 'refused'],
  ['sasl.oauthbearer.assertion.private.key.file', 'passes'],
  ['sasl.oauthbearer.token.endpoint.url', 'passes'],
  ['producer.override.sasl.oauthbearer.token.endpoint.url', 'passes'],
  ['sasl.oauthbearer.jwks.endpoint.url', 'passes'],
  ['sasl.login.callback.handler.class', 'passes'],
  ['sasl.kerberos.service.name', 'passes'],
  ['sasl.mechanism', 'passes'],
  ['delegation.token.secret.key', 'refused'],
  ['delegation.token.expiry.time.ms', 'passes'],
  // Confluent Schema Registry clients (converters)
  ['value.converter.basic.auth.user.info', 'refused'],
  ['key.converter.schema.registry.basic.auth.user.info', 'refused'],
  ['value.converter.basic.auth.credentials.source', 'passes'],
  ['value.converter.bearer.auth.token', 'refused'],
  ['value.converter.bearer.auth.client.secret', 'refused'],
  ['value.converter.bearer.auth.issuer.endpoint.url', 'passes'],
  ['value.converter.schema.registry.ssl.keystore.password', 'refused'],
  ['value.converter.schema.registry.url', 'passes'],
  // Debezium (PostgreSQL, MySQL, SQL Server, Oracle, MongoDB)
  ['database.password', 'refused'],
  ['database.user', 'passes'],
  ['database.hostname', 'passes'],
  ['database.sslpassword', 'refused'],
  ['database.sslkey', 'passes'],
  ['database.sslrootcert', 'passes'],
  ['database.ssl.keystore.password', 'refused'],
  ['database.ssl.truststore.password', 'refused'],
  ['schema.history.internal.consumer.ssl.keystore.password', 'refused'],
  ['schema.history.internal.kafka.topic', 'passes'],
  ['mongodb.password', 'refused'],
  ['mongodb.user', 'passes'],
  ['mongodb.connection.string', 'passes'],
  ['topic.prefix', 'passes'],
  // Confluent JDBC source and sink
  ['connection.password', 'refused'],
  ['connection.user', 'passes'],
  ['connection.url', 'passes'],
  ['connection.attempts', 'passes'],
  // Confluent licensing (every Confluent connector)
  ['confluent.license', 'refused'],
  ['confluent.topic', 'passes'],
  ['confluent.topic.ssl.truststore.password', 'refused'],
  // Confluent S3 sink
  ['aws.access.key.id', 'refused'],
  ['aws.secret.access.key', 'refused'],
  ['s3.sse.customer.key', 'refused'],
  ['s3.sse.kms.key.id', 'passes'],
  ['s3.proxy.password', 'refused'],
  ['s3.proxy.user', 'passes'],
  ['s3.credentials.provider.class', 'passes'],
  ['aws.credentials.provider.class', 'passes'],
  ['s3.bucket.name', 'passes'],
  // Confluent GCS sink, BigQuery, Pub/Sub
  ['gcs.credentials.path', 'passes'],
  ['gcs.credentials.json', 'refused'],
  ['gcp.pubsub.credentials.json', 'refused'],
  ['gcs.bucket.name', 'passes'],
  // Confluent Azure Blob Storage and Data Lake sinks, Azure Functions sink
  ['azblob.account.key', 'refused'],
  ['azblob.sas.token', 'refused'],
  ['azblob.account.name', 'passes'],
  ['azblob.client.secret', 'refused'],
  ['azure.datalake.client.key', 'refused'],
  ['azure.datalake.token.endpoint', 'passes'],
  ['function.key', 'refused'],
  ['azure.servicebus.sas.key', 'refused'],
  // Snowflake sink
  ['snowflake.private.key', 'refused'],
  ['snowflake.private.key.passphrase', 'refused'],
  ['snowflake.oauth.client.secret', 'refused'],
  ['snowflake.oauth.refresh.token', 'refused'],
  ['snowflake.oauth.client.id', 'passes'],
  ['snowflake.user.name', 'passes'],
  ['snowflake.url.name', 'passes'],
  // Confluent Elasticsearch sink
  ['elastic.https.ssl.keystore.password', 'refused'],
  ['elastic.https.ssl.key.password', 'refused'],
  ['elastic.https.ssl.keystore.location', 'passes'],
  ['connection.username', 'passes'],
  ['elastic.security.protocol', 'passes'],
  // MongoDB Kafka connector
  ['connection.uri', 'passes'],
  // Confluent HTTP sink, Salesforce, Splunk, JMS, Data Diode
  ['oauth2.client.secret', 'refused'],
  ['oauth2.token.url', 'passes'],
  ['salesforce.consumer.secret', 'refused'],
  ['salesforce.password.token', 'refused'],
  ['splunk.hec.token', 'refused'],
  ['java.naming.security.credentials', 'refused'],
  ['java.naming.security.principal', 'passes'],
  ['diode.encryption.password', 'refused'],
  ['diode.encryption.salt', 'refused'],
  // Apache Camel Kafka connectors (Kamelets)
  ['camel.kamelet.aws-s3-sink.accessKey', 'refused'],
  ['camel.kamelet.aws-s3-sink.secretKey', 'refused'],
  ['camel.kamelet.aws-s3-sink.region', 'passes'],
  ['camel.kamelet.aws-s3-sink.bucketNameOrArn', 'passes'],
  ['camel.kamelet.aws-s3-sink.useDefaultCredentialsProvider', 'passes'],
  ['camel.kamelet.elasticsearch-index-sink.password', 'refused'],
  ['camel.kamelet.elasticsearch-index-sink.user', 'passes'],
  ['camel.kamelet.dropbox-sink.accessToken', 'refused'],
  ['camel.kamelet.dropbox-sink.clientIdentifier', 'passes'],
  ['camel.kamelet.twitter-search-source.apiKey', 'refused'],
  ['camel.kamelet.twitter-search-source.apiKeySecret', 'refused'],
  ['camel.kamelet.twitter-search-source.accessTokenSecret', 'refused'],
  ['camel.kamelet.google-pubsub-sink.serviceAccountKey', 'refused'],
  ['camel.kamelet.google-pubsub-sink.projectId', 'passes'],
  ['camel.kamelet.azure-eventhubs-source.sharedAccessKey', 'refused'],
  ['camel.kamelet.azure-eventhubs-source.sharedAccessName', 'passes'],
  ['camel.kamelet.azure-eventhubs-source.blobAccessKey', 'refused'],
  ['camel.kamelet.slack-sink.webhookUrl', 'refused'],
  ['camel.kamelet.slack-sink.channel', 'passes'],
  // A Kubernetes Secret's name, not a secret
  ['connection.password.secret', 'passes'],
];

const PROVIDER_PARAMS: Row[] = [
  // Confluent's AWS Secrets Manager config provider (csid-secrets-provider-aws)
  ['aws.access.key', 'refused'],
  ['aws.secret.key', 'refused'],
  ['aws.region', 'passes'],
  ['secret.prefix', 'passes'],
  ['secret.ttl.ms', 'passes'],
  ['retry.count', 'passes'],
  ['token.ttl.ms', 'passes'],
  ['secret.name', 'passes'],
];

const ENV_VARIABLES: Row[] = [
  // AWS SDK, Google Cloud, Azure SDK, HashiCorp Vault, PostgreSQL client, common conventions
  ['AWS_SECRET_ACCESS_KEY', 'refused'],
  ['AWS_ACCESS_KEY_ID', 'refused'],
  ['AWS_SESSION_TOKEN', 'refused'],
  ['AWS_WEB_IDENTITY_TOKEN_FILE', 'passes'],
  ['AWS_ROLE_ARN', 'passes'],
  ['AWS_REGION', 'passes'],
  ['GOOGLE_APPLICATION_CREDENTIALS', 'passes'],
  ['AZURE_CLIENT_SECRET', 'refused'],
  ['AZURE_CLIENT_ID', 'passes'],
  ['AZURE_FEDERATED_TOKEN_FILE', 'passes'],
  ['VAULT_TOKEN', 'refused'],
  ['VAULT_ADDR', 'passes'],
  ['PGPASSWORD', 'refused'],
  ['DB_PASSWORD', 'refused'],
  ['DB_PASSWORD_FILE', 'passes'],
  ['SMTP_PASS', 'refused'],
  ['SNOWFLAKE_PRIVATE_KEY', 'refused'],
  ['SNOWFLAKE_PRIVATE_KEY_PATH', 'passes'],
  ['GITHUB_TOKEN', 'refused'],
  ['TZ', 'passes'],
];

const LITERAL = 'plain-value';
const REFERENCE = '${secrets:ns/s:k}';

function values(place: {
  config?: Record<string, string>;
  params?: Record<string, string>;
  env?: { name: string; value: string }[];
}) {
  return {
    name: 'orders',
    namespace: 'data',
    owner: 'group:default/data-platform',
    kafka: { bootstrapServers: 'kafka:9092' },
    // The AWS provider's plugin is beside the point here.
    image: {
      skipClassCheck: [
        'io.confluent.csid.config.provider.aws.SecretsManagerConfigProvider',
      ],
    },
    configProviders: [
      { name: 'secrets', type: 'kubernetes-secret' },
      {
        name: 'aws',
        type: 'aws-secrets-manager',
        ...(place.params ? { params: place.params } : {}),
      },
    ],
    env: place.env ?? [],
    connectors: [
      {
        name: 'orders-sink',
        class: 'io.example.OrdersSink',
        tasksMax: 1,
        config: place.config ?? {},
      },
    ],
  };
}

function problemsOf(input: unknown): Problem[] {
  const result = parseValues(input);
  return result.ok ? [] : result.problems;
}

describe('settings that hold a secret, by name', () => {
  it('covers at least 80 real setting names', () => {
    expect(
      CONNECTOR_SETTINGS.length + PROVIDER_PARAMS.length + ENV_VARIABLES.length,
    ).toBeGreaterThanOrEqual(80);
    expect(
      CONNECTOR_SETTINGS.filter(r => r[1] === 'passes').length,
    ).toBeGreaterThan(30);
  });

  it.each(CONNECTOR_SETTINGS)(
    'connector setting %s with a literal value: %s',
    (name, expected) => {
      const problems = problemsOf(values({ config: { [name]: LITERAL } }));
      expect(problems.map(formatProblem)).toEqual(
        expected === 'refused'
          ? [
              `connectors[0].config[${JSON.stringify(
                name,
              )}]: looks like a credential written in plain text; the values are committed to Git, so put it in a Secret (or AWS Secrets Manager) and write a config provider reference such as \${secrets:<namespace>/<secret>:<key>}`,
            ]
          : [],
      );
    },
  );

  it.each(PROVIDER_PARAMS)(
    'config provider param %s with a literal value: %s',
    (name, expected) => {
      const problems = problemsOf(values({ params: { [name]: LITERAL } }));
      expect(problems.map(formatProblem)).toEqual(
        expected === 'refused'
          ? [
              `configProviders[1].params[${JSON.stringify(
                name,
              )}]: looks like a credential written in plain text; the values are committed to Git, so give the workers an identity instead (serviceAccount.annotations, e.g. eks.amazonaws.com/role-arn for IRSA)`,
            ]
          : [],
      );
    },
  );

  it.each(ENV_VARIABLES)(
    'env variable %s with a literal value: %s',
    (name, expected) => {
      const problems = problemsOf(values({ env: [{ name, value: LITERAL }] }));
      expect(problems.map(formatProblem)).toEqual(
        expected === 'refused'
          ? [
              'env[0].value: looks like a credential written in plain text; the values are committed to Git, so use valueFrom.secretKeyRef with a Secret instead',
            ]
          : [],
      );
    },
  );

  const refusedSettings = CONNECTOR_SETTINGS.filter(r => r[1] === 'refused');
  it.each(refusedSettings)(
    '%s passes as a ${secrets:ns/s:k} reference',
    name => {
      expect(problemsOf(values({ config: { [name]: REFERENCE } }))).toEqual([]);
    },
  );

  it.each(PROVIDER_PARAMS.filter(r => r[1] === 'refused'))(
    'provider param %s passes as a reference',
    name => {
      expect(problemsOf(values({ params: { [name]: REFERENCE } }))).toEqual([]);
    },
  );

  it.each(refusedSettings)('%s passes as a file path', name => {
    expect(
      problemsOf(values({ config: { [name]: '/mnt/secrets/orders/value' } })),
    ).toEqual([]);
  });

  it.each(ENV_VARIABLES.filter(r => r[1] === 'refused'))(
    'env %s passes with valueFrom or $(OTHER)',
    name => {
      const fromSecret = {
        name,
        valueFrom: { secretKeyRef: { name: 's', key: 'k' } },
      };
      expect(
        problemsOf({
          ...values({}),
          env: [fromSecret, { name: `COPY_OF_${name}`, value: `$(${name})` }],
        }),
      ).toEqual([]);
    },
  );

  it('refuses a number written as a password', () => {
    expect(
      problemsOf(values({ config: { 'database.password': 12345 as never } })),
    ).toEqual([
      expect.objectContaining({
        path: 'connectors[0].config["database.password"]',
      }),
    ]);
  });
});
