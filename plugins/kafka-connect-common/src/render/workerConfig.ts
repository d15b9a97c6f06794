import { ConfigProviderType } from '../values/schema';
import { NormalisedValues } from '../values/normalise';

/** The Java class behind each config provider type of docs/values.md. */
export const CONFIG_PROVIDER_CLASSES: Record<
  Exclude<ConfigProviderType, 'custom'>,
  string
> = {
  'aws-secrets-manager':
    'io.confluent.csid.config.provider.aws.SecretsManagerConfigProvider',
  'kubernetes-secret': 'io.strimzi.kafka.KubernetesSecretConfigProvider',
  'kubernetes-configmap': 'io.strimzi.kafka.KubernetesConfigMapConfigProvider',
  env: 'org.apache.kafka.common.config.provider.EnvVarConfigProvider',
  file: 'org.apache.kafka.common.config.provider.FileConfigProvider',
  directory: 'org.apache.kafka.common.config.provider.DirectoryConfigProvider',
};

function configProviderSettings(values: NormalisedValues) {
  const providers = values.configProviders;
  if (providers.length === 0) return {};
  const settings: Record<string, string | number | boolean> = {
    'config.providers': providers.map(p => p.name).join(','),
  };
  for (const provider of providers) {
    const prefix = `config.providers.${provider.name}`;
    settings[`${prefix}.class`] =
      provider.type === 'custom'
        ? provider.class!
        : CONFIG_PROVIDER_CLASSES[provider.type];
    for (const [key, value] of Object.entries(provider.params ?? {})) {
      settings[`${prefix}.param.${key}`] = value;
    }
  }
  return settings;
}

/**
 * `spec.config`: the v1beta2 API carries the group and the internal topics here; v1 has
 * top-level fields for them. Then the replication factors, the providers and the user's own.
 */
export function workerConfig(values: NormalisedValues, apiIsV1: boolean) {
  const { connect } = values;
  const identity = apiIsV1
    ? {}
    : {
        'group.id': connect.groupId,
        'offset.storage.topic': connect.offsetStorageTopic,
        'config.storage.topic': connect.configStorageTopic,
        'status.storage.topic': connect.statusStorageTopic,
      };
  return {
    ...identity,
    'config.storage.replication.factor': connect.replicationFactor,
    'offset.storage.replication.factor': connect.replicationFactor,
    'status.storage.replication.factor': connect.replicationFactor,
    ...configProviderSettings(values),
    ...connect.config,
  };
}
