/**
 * `connect-skeleton import`: from a running cluster's KafkaConnect (and its KafkaConnectors
 * and metrics ConfigMap) to values. Pure and isomorphic, so the portal's "adopt a cluster"
 * template can use it too.
 */
import { toYaml } from '../util/yaml';

export { importCluster } from './importCluster';
export type { ImportResult } from './importCluster';
export type { ImportOptions, ImportInputs } from './context';
export { parseManifests } from './manifests';
export { parseChecksums } from './checksums';
export type { Checksums } from './checksums';
export { isStrimziExampleConfig } from './metrics';
export { splitImageReference } from './image';

/** The imported values as the text of connect-cluster.yaml. */
export function importedValuesYaml(values: Record<string, unknown>): string {
  return toYaml(values);
}
