/**
 * Worker settings that Strimzi forbids in spec.config (it sets them itself) or that this
 * project renders from their own fields. Each points to where the setting belongs.
 */
const STRIMZI_ALLOWED_SSL = [
  'ssl.endpoint.identification.algorithm',
  'ssl.cipher.suites',
  'ssl.protocol',
  'ssl.enabled.protocols',
];

interface ConfigRule {
  matches: (key: string) => boolean;
  message: string;
}

const prefix = (p: string) => (key: string) => key.startsWith(p);
const exact =
  (...keys: string[]) =>
  (key: string) =>
    keys.includes(key);

const RULES: ConfigRule[] = [
  {
    matches: key =>
      key.startsWith('ssl.') && !STRIMZI_ALLOWED_SSL.includes(key),
    message:
      'Strimzi manages TLS settings; use kafka.tls.trustedCertificates and kafka.authentication (only ssl.endpoint.identification.algorithm, ssl.cipher.suites, ssl.protocol and ssl.enabled.protocols may be set here)',
  },
  {
    matches: prefix('sasl.'),
    message: 'Strimzi manages SASL settings; use kafka.authentication',
  },
  {
    matches: prefix('security.'),
    message:
      'Strimzi sets the security protocol; use kafka.tls and kafka.authentication',
  },
  {
    matches: exact('bootstrap.servers'),
    message: 'use kafka.bootstrapServers',
  },
  {
    matches: key => key === 'listeners' || key.startsWith('rest.'),
    message:
      'Strimzi runs the REST API on port 8083 itself; use apiAccess to let other pods reach it',
  },
  {
    matches: exact('plugin.path'),
    message:
      'Strimzi sets the plugin path; add connector plugins under plugins',
  },
  {
    matches: prefix('config.providers'),
    message:
      'use configProviders, which also grants the access the providers need',
  },
  {
    matches: exact(
      'consumer.interceptor.classes',
      'producer.interceptor.classes',
    ),
    message: 'Strimzi forbids setting interceptors for the worker',
  },
  {
    matches: exact('group.id'),
    message: 'use connect.groupId',
  },
  {
    matches: exact(
      'offset.storage.topic',
      'config.storage.topic',
      'status.storage.topic',
    ),
    message:
      'use connect.offsetStorageTopic, connect.configStorageTopic or connect.statusStorageTopic',
  },
  {
    matches: exact(
      'offset.storage.replication.factor',
      'config.storage.replication.factor',
      'status.storage.replication.factor',
    ),
    message: 'use connect.replicationFactor',
  },
];

/** Why a worker setting may not be set in connect.config, or undefined when it may. */
export function forbiddenWorkerSetting(key: string): string | undefined {
  const rule = RULES.find(r => r.matches(key));
  return rule && `"${key}" cannot be set here: ${rule.message}`;
}
