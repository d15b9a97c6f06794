import { StrimziRelease } from '../strimzi/releases';
import { compact } from '../util/compact';
import { NormalisedValues } from '../values/normalise';
import { objectMeta } from './labels';

/** One KafkaConnector per entry; the strimzi.io/cluster label ties it to its Connect cluster. */
export function kafkaConnectors(
  values: NormalisedValues,
  release: StrimziRelease,
) {
  return values.connectors.map(connector => {
    const meta = objectMeta(values, connector.name);
    return {
      apiVersion: release.apiVersion,
      kind: 'KafkaConnector',
      metadata: {
        ...meta,
        labels: { ...meta.labels, 'strimzi.io/cluster': values.name },
      },
      spec: compact({
        class: connector.class,
        tasksMax: connector.tasksMax,
        state: connector.state,
        config: connector.config,
      }),
    };
  });
}
