import { StrimziRelease } from '../strimzi/releases';
import { NormalisedValues } from '../values/normalise';
import { kafkaConnectors } from './connectors';
import { ConnectImage } from './image';
import { kafkaConnect } from './kafkaConnect';
import { metricsConfigMap } from './metrics';
import { apiAccessPolicy } from './networkPolicy';
import { configReaderRbac } from './rbac';

/** One Kubernetes object with the file stem and Helm values key it is laid out under. */
export interface NamedObject {
  /** File name without extension in the kustomize layout, and Helm template name. */
  file: string;
  object: Record<string, unknown>;
}

/** Every Kubernetes object of the cluster, in apply order: what it needs comes first. */
export function clusterObjects(
  values: NormalisedValues,
  release: StrimziRelease,
  image: ConnectImage,
): NamedObject[] {
  const objects: NamedObject[] = [];
  const configMap = metricsConfigMap(values);
  if (configMap) objects.push({ file: 'metrics-configmap', object: configMap });
  const [role, roleBinding] = configReaderRbac(values);
  if (role) objects.push({ file: 'config-reader-role', object: role });
  if (roleBinding) {
    objects.push({ file: 'config-reader-rolebinding', object: roleBinding });
  }
  const policy = apiAccessPolicy(values);
  if (policy)
    objects.push({ file: 'api-access-networkpolicy', object: policy });
  objects.push({
    file: 'kafka-connect',
    object: kafkaConnect(values, release, image),
  });
  for (const connector of kafkaConnectors(values, release)) {
    objects.push({
      file: `kafka-connector-${connector.metadata.name}`,
      object: connector,
    });
  }
  return objects;
}
