import { PathSegment } from '@connect-skeleton/plugin-kafka-connect-common';
import { LocatedProblem } from './problemPaths';

/**
 * Field paths in words a developer reads on the form: `volumes[1].mountPath` becomes
 * `Volume 2 ("data") › mount path`. Names not listed are split from camelCase.
 */
const LABELS: Record<string, string> = {
  name: 'name',
  namespace: 'namespace',
  owner: 'owner',
  strimzi: 'Strimzi',
  version: 'version',
  apiVersion: 'API version',
  kafka: 'Kafka',
  bootstrapServers: 'bootstrap servers',
  tls: 'TLS',
  trustedCertificates: 'trusted certificate',
  authentication: 'authentication',
  connect: 'Connect worker',
  config: 'settings',
  image: 'image',
  plugins: 'Connector plugin',
  artifacts: 'artifact',
  sha512sum: 'SHA-512 checksum',
  url: 'URL',
  fileName: 'file name',
  group: 'group id',
  artifact: 'artifact id',
  repository: 'Maven repository',
  truststore: 'truststore',
  certificates: 'certificate',
  configProviders: 'Config provider',
  serviceAccount: 'service account',
  scheduling: 'Scheduling',
  nodeSelector: 'node labels',
  affinity: 'affinity',
  tolerations: 'tolerated taint',
  topologySpreadConstraints: 'spread rule',
  metrics: 'metrics',
  env: 'Environment variable',
  value: 'value',
  valueFrom: 'value from',
  secretKeyRef: 'Secret key',
  configMapKeyRef: 'ConfigMap key',
  volumes: 'Volume',
  mountPath: 'mount path',
  subPath: 'sub-path',
  readOnly: 'read-only',
  secretName: 'Secret name',
  claimName: 'claim name',
  apiAccess: 'API client',
  podLabels: 'pod labels',
  connectors: 'Connector',
  class: 'class',
  tasksMax: 'maximum tasks',
  pod: 'pods',
  labels: 'labels',
  annotations: 'annotations',
  replicas: 'replicas',
  resources: 'resources',
  jvmOptions: 'JVM options',
  logging: 'logging',
  layout: 'layout',
};

function words(key: string): string {
  return (
    LABELS[key] ?? key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()
  );
}

function itemName(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const name = (item as Record<string, unknown>).name;
  return typeof name === 'string' && name ? name : undefined;
}

/** The field of a problem, in words; list entries by position (from 1) and name. */
export function fieldInWords(
  segments: readonly PathSegment[],
  form: unknown,
): string {
  if (segments.length === 0) return 'The values';
  const parts: string[] = [];
  let current: unknown = form;
  for (const segment of segments) {
    const next =
      typeof current === 'object' && current !== null
        ? (current as Record<string | number, unknown>)[segment]
        : undefined;
    if (typeof segment === 'number') {
      const name = itemName(next);
      const last = parts.length - 1;
      parts[last] = `${parts[last]} ${segment + 1}${
        name ? ` ("${name}")` : ''
      }`;
    } else {
      parts.push(words(segment));
    }
    current = next;
  }
  const text = parts.join(' › ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One line: the field in words, then what is wrong and what to do. */
export function inPlainWords(problem: LocatedProblem, form: unknown): string {
  return `${fieldInWords(problem.segments, form)}: ${problem.message}`;
}

/** The id RJSF gives a field's input (`root_volumes_0_mountPath`), to jump to it. */
export function fieldId(segments: readonly PathSegment[]): string {
  return ['root', ...segments.map(String)].join('_');
}
