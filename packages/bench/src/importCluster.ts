import {
  formatProblem,
  importCluster,
  NEWEST_STRIMZI_VERSION,
  renderCluster,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { median } from './stats';
import { sampleSync } from './timing';
import { benchValues } from './values';

/** The objects `import` reads: the KafkaConnect, its KafkaConnectors and the metrics ConfigMap. */
const IMPORTED_KINDS = ['KafkaConnect', 'KafkaConnector', 'ConfigMap'];

/**
 * `connect-skeleton import` of the widest cluster: its rendered objects read back into
 * values, the values' own validation included, `runs` times after `warmup`.
 */
export function importWidest(runs: number, warmup: number) {
  const rendered = renderCluster(benchValues());
  if (!rendered.ok) {
    throw new Error(
      `the bench values are refused: ${JSON.stringify(rendered.problems)}`,
    );
  }
  const objects = rendered.value.objects.filter(o =>
    IMPORTED_KINDS.includes(String(o.kind)),
  );
  const options = {
    owner: String(rendered.value.values.owner),
    strimzi: NEWEST_STRIMZI_VERSION,
  };
  const first = importCluster(objects, options);
  if (!first.ok) {
    throw new Error(
      `the widest cluster does not import: ${first.problems
        .map(formatProblem)
        .join('; ')}`,
    );
  }
  const durations = sampleSync(runs, warmup, () =>
    importCluster(objects, options),
  );
  return { importWidestMedianMs: median(durations) };
}
