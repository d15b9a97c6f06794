/**
 * The `ui:field` names of this package's field extensions, with the values path each is
 * made for (docs/values.md). One place, so the module, the page layout and the docs agree.
 */
export const FIELDS = {
  KafkaConnectPlugins: 'plugins',
  KafkaConnectStrimziRelease: 'strimzi',
  KafkaConnectKafkaVersion: 'kafka.version',
  KafkaConnectVolumes: 'volumes',
  KafkaConnectEnv: 'env',
  KafkaConnectScheduling: 'scheduling',
  KafkaConnectKeyValue:
    'any map of strings: labels, annotations, pod.labels, pod.annotations, podSet.labels, podSet.annotations, serviceAccount.annotations, connect.config, configProviders[].params, connectors[].config, apiAccess[].podLabels',
  KafkaConnectPreview:
    'a property of a last page that the template does not pass on (it writes no value)',
  KafkaConnectPreviewLayout:
    "a parameters page itself (ui:field beside the page's title and properties)",
} as const;

export type FieldName = keyof typeof FIELDS;

export const FIELD_NAMES: readonly string[] = Object.keys(FIELDS);
