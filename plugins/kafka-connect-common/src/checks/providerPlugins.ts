import { problem, Problem } from '../problems';
import { needsCustomImage } from '../render/image';
import { providerClass } from '../render/namedClasses';
import { ConfigProviderType } from '../values/configProviders';
import { ParsedValues } from '../values/schema';

/**
 * Config provider types whose class Strimzi's Kafka image does not have, and the plugin
 * that brings it. (Kafka's own providers and Strimzi's Kubernetes ones are in the image.)
 * The form's plugin catalog offers the same plugins.
 */
export interface ProviderPlugin {
  /** The plugin name the catalog suggests. */
  plugin: string;
  /** A published artifact of it; its sha512sum is the user's to give. */
  artifact: { type: 'zip' | 'tgz' | 'jar'; url: string };
  /** A plugin whose name, URL or Maven artifact id holds one of these provides the class. */
  markers: readonly string[];
}

export const CONFIG_PROVIDER_PLUGINS: Partial<
  Record<ConfigProviderType, ProviderPlugin>
> = {
  'aws-secrets-manager': {
    // Confluent's provider: its class is the one the type sets. (jcustenborder's
    // kafka-config-provider-aws has another class: type custom.)
    plugin: 'csid-secrets-provider-aws',
    artifact: {
      type: 'zip',
      url: 'https://hub-downloads.confluent.io/api/plugins/confluentinc/csid-secrets-provider-aws/versions/1.0.44/confluentinc-csid-secrets-provider-aws-1.0.44.zip',
    },
    markers: ['secrets-provider-aws', 'aws-secrets-manager'],
  },
};

type ProviderFields = Pick<
  ParsedValues,
  'configProviders' | 'plugins' | 'image' | 'truststore'
>;

/** The words of a plugin that can say what it is: its name, URLs and Maven artifact ids. */
function pluginWords(plugin: ParsedValues['plugins'][number]): string[] {
  return [
    plugin.name,
    ...plugin.artifacts.map(a => (a.type === 'maven' ? a.artifact : a.url)),
  ].map(word => word.toLowerCase());
}

/** True when a provider of this type needs a plugin the values do not have. */
export function missingProviderPlugin(
  type: ConfigProviderType,
  values: Pick<ProviderFields, 'plugins'>,
): ProviderPlugin | undefined {
  const needed = CONFIG_PROVIDER_PLUGINS[type];
  if (!needed) return undefined;
  const provided = values.plugins.some(plugin =>
    pluginWords(plugin).some(word =>
      needed.markers.some(marker => word.includes(marker)),
    ),
  );
  return provided ? undefined : needed;
}

/**
 * A provider whose class is not in Strimzi's image needs its plugin, unless the pods run
 * the team's own finished image (its contents are theirs to know) or the class is listed
 * in image.skipClassCheck (the image gets it another way, for example from image.base).
 */
export function checkProviderPlugins(values: ProviderFields): Problem[] {
  const ownImage = !needsCustomImage(values) && values.image.name;
  if (ownImage) return [];
  const skipped = new Set(values.image.skipClassCheck ?? []);
  return values.configProviders.flatMap((provider, i) => {
    const missing = missingProviderPlugin(provider.type, values);
    const cls = providerClass(provider);
    if (!missing || skipped.has(cls)) return [];
    return [
      problem(
        ['configProviders', i, 'type'],
        `${provider.type} needs the class ${cls}, which Strimzi's Kafka image does not have: add its plugin to plugins[], for example name ${missing.plugin} with a ${missing.artifact.type} artifact ${missing.artifact.url} and its sha512sum; or, when the image gets the class another way, list it in image.skipClassCheck`,
      ),
    ];
  });
}
