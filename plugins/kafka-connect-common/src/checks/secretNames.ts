/**
 * Which setting names hold a secret. A name is read as its words, lower case, joined by dots:
 * `camel.kamelet.aws-s3-sink.secretKey` → `camel.kamelet.aws.s3.sink.secret.key`,
 * `AWS_SECRET_ACCESS_KEY` → `aws.secret.access.key`. A name holds a secret when it ends
 * with one of these endings: the last word decides, so `secret.prefix`, `secret.name`,
 * `token.ttl.ms`, `gcs.credentials.path` or `sasl.oauthbearer.token.endpoint.url` only
 * mention a secret. In an ending, `*` stands for the start of a word (`*password` is
 * also `sslpassword`, `PGPASSWORD`).
 */
export const SECRET_NAME_ENDINGS: readonly string[] = [
  // Kafka's password-type settings (ssl.key.password, ssl.keystore.password,
  // ssl.truststore.password) and every connector's *.password (database.password,
  // connection.password, database.sslpassword, mqtt.ssl.key.store.password, ...).
  '*password',
  '*passwd',
  'pwd',
  'pass',
  // snowflake.private.key.passphrase, tls.passphrase, sasl.oauthbearer.assertion.private.key.passphrase
  '*passphrase',
  // sasl.oauthbearer.client.credentials.client.secret, oauth2.client.secret, azblob.client.secret,
  // salesforce.consumer.secret, Camel's apiKeySecret and accessTokenSecret
  '*secret',
  // bearer.auth.token, azblob.sas.token, splunk.hec.token, Camel's accessToken,
  // authorizationToken; AWS_SESSION_TOKEN, VAULT_TOKEN
  '*token',
  '*tokens',
  // Schema Registry clients: basic.auth.user.info is "user:password"
  'user.info',
  // Kafka's ssl.keystore.key is the PEM private key itself
  'keystore.key',
  // snowflake.private.key, tls.private.key
  'private.key',
  '*privatekey',
  // aws.secret.key (AWS Secrets Manager provider), Camel's secretKey, aws.secret.key.id
  'secret.key',
  '*secretkey',
  'secret.key.id',
  // aws.secret.access.key, Camel's accessKey / blobAccessKey / sharedAccessKey,
  // aws.access.key.id, AWS_ACCESS_KEY_ID (GitHub secret scanning treats key ids as secrets too)
  'access.key',
  '*accesskey',
  'access.key.id',
  // azblob.account.key, Camel's serviceAccountKey (a base64 service account key)
  'account.key',
  // azure.datalake.client.key, azure.datalake.gen2.client.key
  'client.key',
  // s3.sse.customer.key (SSE-C)
  'customer.key',
  // azure.search.api.key, pagerduty.api.key, Camel's apiKey
  'api.key',
  '*apikey',
  // azure.eventhubs.sas.key, azure.servicebus.sas.key, azure.datalake.gen2.sas.key
  'sas.key',
  // Azure Functions sink: function.key
  'function.key',
  'encryption.key',
  // diode.encryption.salt is a password-type setting
  'encryption.salt',
  // gcs.credentials.json, gcp.pubsub.credentials.json, gcp.firebase.credentials.json: the key file's content
  'credentials.json',
  // JNDI (JMS connectors): java.naming.security.credentials is the password
  'security.credentials',
  // confluent.license: the subscriber's signed license key (Confluent for Kubernetes keeps it in a Secret)
  'license',
  'license.key',
  // Camel's webhookUrl (Slack, Teams): whoever has the URL can post
  'webhook.url',
];

/** Names that end like a secret but name the Kubernetes Secret that holds one. */
export const SECRET_REFERENCE_ENDINGS: readonly string[] = ['password.secret'];

/**
 * The endings as lookups, so a name costs a few set lookups, not a regular expression
 * tried at every position: `*x` endings by the last word's suffix, others by their words.
 */
interface Endings {
  words: ReadonlySet<string>;
  lastWordSuffixes: readonly string[];
  longest: number;
}

function endings(list: readonly string[]): Endings {
  return {
    words: new Set(list.filter(e => !e.startsWith('*'))),
    lastWordSuffixes: list.filter(e => e.startsWith('*')).map(e => e.slice(1)),
    longest: Math.max(...list.map(e => e.split('.').length)),
  };
}

const SECRET_NAME = endings(SECRET_NAME_ENDINGS);
const SECRET_REFERENCE = endings(SECRET_REFERENCE_ENDINGS);

function endsWith(words: readonly string[], list: Endings): boolean {
  const last = words[words.length - 1] ?? '';
  if (list.lastWordSuffixes.some(suffix => last.endsWith(suffix))) return true;
  for (let n = 1; n <= Math.min(list.longest, words.length); n++) {
    if (list.words.has(words.slice(-n).join('.'))) return true;
  }
  return false;
}

/** `aws-s3-sink.secretKey` → `aws.s3.sink.secret.key`; `SSLPassword` → `ssl.password`. */
export function nameWords(name: string): string {
  // Most settings are already lower-case dotted words.
  if (/^[a-z0-9]+(?:\.[a-z0-9]+)*$/.test(name)) return name;
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1.$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1.$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(word => word !== '')
    .join('.');
}

/** True when a setting (or env variable) of this name holds a secret itself. */
export function holdsSecret(name: string): boolean {
  const words = nameWords(name).split('.');
  return endsWith(words, SECRET_NAME) && !endsWith(words, SECRET_REFERENCE);
}

/** `sasl.jaas.config`, with any prefix (producer.override., schema.history.internal.producer., ...). */
export function isJaasConfig(name: string): boolean {
  return (
    /jaas\.?config$/i.test(name) &&
    /(?:^|\.)jaas\.config$/.test(nameWords(name))
  );
}
