import { literalSecretOption } from './jaas';
import { isRandomToken } from './randomToken';
import { holdsSecret, nameWords } from './secretNames';
import { secretInValue } from './secretValues';

/** Values that are credentials whatever their setting is called, and values that are not. */

// Built from parts, so that no scanner mistakes this file for a leak.
const PEM = [
  '-----BEGIN',
  'RSA PRIVATE KEY-----',
  'MIIEow',
  '-----END',
  'RSA PRIVATE KEY-----',
].join(' ');
const AWS_KEY_ID = ['AKIA', 'Z7Q4X2LMNB3RT6VY'].join('');
const AWS_SESSION_KEY_ID = ['ASIA', 'Q2W3E4R5T6Y7U8I9'].join('');
// An AWS-style secret access key: 40 random base64 characters.
const RANDOM_40 = [
  'h7Kq2',
  'Vx9Lm',
  'P4tRz',
  '8Wc1N',
  'bY6sD',
  'f3Jg0',
  'Ae5uQ',
  'o/Xk+',
].join('');
const RANDOM_64 = [
  'Qn7r',
  'T2mZ',
  'x8Vb',
  'L4kP',
  'w9Sd',
  'F3hJ',
  'c6Ny',
  'R1gK',
  'e5Ut',
  'M0aB',
  'z7Xq',
  'H2jW',
  'v4Ls',
  'D8fC',
  'p3Yo',
  'G6iE',
].join('');
const JWT = [
  'eyJhbGciOiJSUzI1NiJ9',
  'eyJzdWIiOiJvcmRlcnMifQ',
  'c2lnbmF0dXJlLWJ5dGVz',
].join('.');
const GITHUB = ['ghp', '_', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'].join('');
const SLACK_HOOK = [
  'https://hooks.slack.com/services',
  'T0ABCDEFG',
  'B0HIJKLMN',
  'x1y2z3w4v5u6t7s8',
].join('/');

const SECRETS: Array<[title: string, value: string, what: RegExp]> = [
  ['a PEM private key', PEM, /PEM private key/],
  ['a PEM private key inside JSON', `{"private_key": "${PEM}"}`, /PEM/],
  ['an AWS access key id', AWS_KEY_ID, /AWS access key id/],
  ['a temporary AWS access key id', AWS_SESSION_KEY_ID, /AWS access key id/],
  ['an AWS key id inside text', `key=${AWS_KEY_ID};`, /AWS access key id/],
  [
    'a MongoDB URI with a password',
    'mongodb+srv://app:s3cr3t@orders.example.net/db',
    /password inside a URL/,
  ],
  [
    'a PostgreSQL URI with a password',
    'postgresql://app:pw@db:5432/orders',
    /password inside a URL/,
  ],
  [
    'an artifact URL with a password',
    'https://ci:hunter2@repo.example.com/a.jar',
    /password inside a URL/,
  ],
  [
    'a JDBC URL with a password parameter',
    'jdbc:mysql://db:3306/orders?user=app&password=pw',
    /connection string/,
  ],
  [
    'a SQL Server JDBC URL with a password',
    'jdbc:sqlserver://db:1433;databaseName=orders;user=app;password=pw',
    /connection string/,
  ],
  [
    'an Azure storage connection string',
    'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=abc123==;EndpointSuffix=core.windows.net',
    /connection string/,
  ],
  [
    'an Event Hubs connection string',
    'Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=abc=',
    /connection string/,
  ],
  [
    'an Azure SAS URL',
    'https://acct.blob.core.windows.net/c?sv=2022-11-02&sp=r&sig=abc%3D',
    /connection string/,
  ],
  [
    'an Oracle thin URL with a password',
    'jdbc:oracle:thin:scott/tiger@//db:1521/orcl',
    /Oracle/,
  ],
  ['a JWT (a Confluent license)', JWT, /JWT/],
  ['a GitHub token', GITHUB, /access token/],
  ['a Slack webhook URL', SLACK_HOOK, /access token/],
  ['a 40-character random key', RANDOM_40, /random key or token/],
  ['a 64-character random secret', RANDOM_64, /random key or token/],
  ['base64 of a PEM private key', btoa(PEM), /base64-encoded credential/],
];

const NOT_SECRETS: Array<[title: string, value: string]> = [
  ['a Java class name', 'io.confluent.connect.s3.storage.S3Storage'],
  [
    'a long class name',
    'org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler',
  ],
  ['a URL with a port', 'https://schema-registry.data.svc:8081'],
  ['a URL with a user and no password', 'https://ci@repo.example.com/a.jar'],
  [
    'a MongoDB URI without credentials',
    'mongodb://db-0.db:27017,db-1.db:27017/?replicaSet=rs0',
  ],
  [
    'a URI whose password is a reference',
    'mongodb://app:${secrets:data/mongo:password}@db:27017',
  ],
  [
    'a JDBC URL whose password is a reference',
    'jdbc:postgresql://db:5432/orders?user=app&password=${secrets:data/db:pw}',
  ],
  [
    'a JDBC URL without a password',
    'jdbc:postgresql://db:5432/orders?ssl=true&passwordCharacterEncoding=utf8',
  ],
  ['an Oracle URL without credentials', 'jdbc:oracle:thin:@//db:1521/orcl'],
  ['a file path', '/mnt/service-account/gcp-credential.json'],
  ['a relative path', 'topics/Orders2024/EuropeWest1/'],
  ['a topic name', 'orders.cdc.public.customers'],
  ['a topic regex', 'orders\\.cdc\\..*'],
  ['a provider prefix', 'data_kafka_connect_'],
  ['a camelCase name', 'OrdersTopicV2ForTheEuropeanRegion'],
  ['a long camelCase name', 'ProductionKafkaConnectClusterForPayments01'],
  ['an upper-case constant', 'ORDERS_CDC_2024_EU_WEST_1_PRIMARY_REPLICA'],
  ['a UUID', '123e4567-e89b-12d3-a456-426614174000'],
  ['a sha512 digest', 'a3f1'.repeat(32)],
  ['an image digest', `sha256:${'0f'.repeat(32)}`],
  [
    'base64 of readable text',
    btoa('some text that is not secret at all, only long'),
  ],
  [
    'base64 of JSON',
    btoa('{"schema":"orders","version":2,"fields":["id","total"]}'),
  ],
  ['a Kafka cluster id', 'MkU3OEVBNTcwNTJENDM2Qk'],
  ['an IAM role ARN', 'arn:aws:iam::123456789012:role/orders-connect'],
  ['a cron expression', '0 0/5 * * * ?'],
  ['a reference alone', '${secrets:data/orders-db:password}'],
  ['a file reference', '${file:/mnt/secrets/db.properties:password}'],
  ['plain words', 'first line second line'],
  ['a very long repeated string', 'x'.repeat(10_000)],
  ['an email address', 'data-platform@example.com'],
];

describe('values that are credentials, wherever they are', () => {
  it.each(SECRETS)('finds %s', (_title, value, what) => {
    expect(secretInValue(value)).toMatch(what);
  });

  it.each(NOT_SECRETS)('leaves %s alone', (_title, value) => {
    expect(secretInValue(value)).toBeUndefined();
  });

  it('tells random tokens from names by more than their length', () => {
    expect(isRandomToken(RANDOM_40)).toBe(true);
    expect(isRandomToken(RANDOM_40.slice(0, 31))).toBe(false);
    expect(isRandomToken(RANDOM_40.toLowerCase())).toBe(false);
  });
});

describe('JAAS lines', () => {
  it.each([
    ['PlainLoginModule required username="u" password="p";', 'password'],
    ['ScramLoginModule required username="u" password=p;', 'password'],
    [
      'OAuthBearerLoginModule required oauth.client.id="c" oauth.client.secret="s";',
      'oauth.client.secret',
    ],
    [
      'OAuthBearerLoginModule required oauth.refresh.token="t";',
      'oauth.refresh.token',
    ],
    ['LoginModule required clientId="c" clientSecret="s";', 'clientSecret'],
  ])('finds the literal option in %s', (line, option) => {
    expect(literalSecretOption(line)).toBe(option);
  });

  it.each([
    'PlainLoginModule required username="u" password="${secrets:ns/s:password}";',
    'Krb5LoginModule required useKeyTab=true keyTab="/mnt/keytab/connect.keytab" principal="connect@EXAMPLE.COM";',
    'OAuthBearerLoginModule required oauth.token.endpoint.uri="https://sso/token" oauth.client.id="c" oauth.client.secret="${secrets:ns/s:cs}";',
    'OAuthBearerLoginModule required;',
  ])('accepts %s', line => {
    expect(literalSecretOption(line)).toBeUndefined();
  });
});

describe('setting names', () => {
  it.each([
    [
      'camel.kamelet.aws-s3-sink.secretKey',
      'camel.kamelet.aws.s3.sink.secret.key',
    ],
    ['AWS_SECRET_ACCESS_KEY', 'aws.secret.access.key'],
    ['SSLPassword', 'ssl.password'],
    [
      'camel.kamelet.azure-eventhubs-source.sharedAccess Key',
      'camel.kamelet.azure.eventhubs.source.shared.access.key',
    ],
  ])('reads %s as %s', (name, words) => {
    expect(nameWords(name)).toBe(words);
  });

  it('judges by the last words, not by a word anywhere', () => {
    expect(holdsSecret('secret.prefix')).toBe(false);
    expect(holdsSecret('password.secret')).toBe(false);
    expect(holdsSecret('token.endpoint.url')).toBe(false);
    expect(holdsSecret('secret')).toBe(true);
    expect(holdsSecret('password')).toBe(true);
  });
});
