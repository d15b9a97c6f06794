import { defaultConnectNames } from '../names';
import { StrimziRelease } from '../strimzi/releases';
import { ParsedValues } from './schema';
import { VOLUME_SOURCE_NAMES } from './volumes';

/**
 * Values with every default filled in, including the ones derived from other fields.
 * This is what connect-cluster.yaml holds, so a later render gives the same cluster
 * even if a newer release of this tool changes a default.
 */
export type NormalisedValues = Omit<
  ParsedValues,
  'strimzi' | 'kafka' | 'connect' | 'metrics'
> & {
  strimzi: Required<ParsedValues['strimzi']>;
  kafka: ParsedValues['kafka'] & { version: string };
  connect: Required<ParsedValues['connect']>;
  metrics: Required<ParsedValues['metrics']>;
};

export function normalise(
  values: ParsedValues,
  release: StrimziRelease,
): NormalisedValues {
  const derived = defaultConnectNames(values.namespace, values.name);
  return {
    ...values,
    // Derived fields go first so connect-cluster.yaml reads in the order of docs/values.md.
    strimzi: { version: release.version, apiVersion: release.api },
    kafka: {
      version: values.kafka.version ?? release.defaultKafkaVersion,
      ...values.kafka,
    },
    connect: {
      groupId: values.connect.groupId ?? derived.groupId,
      offsetStorageTopic:
        values.connect.offsetStorageTopic ?? derived.offsetStorageTopic,
      configStorageTopic:
        values.connect.configStorageTopic ?? derived.configStorageTopic,
      statusStorageTopic:
        values.connect.statusStorageTopic ?? derived.statusStorageTopic,
      ...values.connect,
    },
    metrics: {
      ...values.metrics,
      podAnnotations: values.metrics.podAnnotations ?? values.metrics.enabled,
    },
    // Only the known fields: the volume schema keeps unknown keys solely to report them.
    volumes: values.volumes.map(volume => {
      const known: Record<string, unknown> = {
        name: volume.name,
        mountPath: volume.mountPath,
        readOnly: volume.readOnly,
        subPath: volume.subPath,
      };
      for (const source of VOLUME_SOURCE_NAMES) known[source] = volume[source];
      return dropUndefined(known) as ParsedValues['volumes'][number];
    }),
  };
}

function dropUndefined(
  object: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(object).filter(([, v]) => v !== undefined),
  );
}
