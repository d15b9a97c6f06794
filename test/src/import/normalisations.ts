import {
  findRelease,
  MAVEN_CENTRAL,
} from '@connect-skeleton/plugin-kafka-connect-common';

/**
 * How the objects an import renders may differ from the originals: each entry is one
 * normalisation, applied to a copy of the originals by `expectedObjects`. The same list,
 * in the same words, is in packages/cli/README.md ("What import changes").
 */
export const NORMALISATIONS = [
  'server-set fields: status, metadata.uid/resourceVersion/generation/creationTimestamp/managedFields and the last-applied annotation are left out; a kubectl List counts as its items',
  'renderer labels: app.kubernetes.io/name, app.kubernetes.io/instance and backstage.io/kubernetes-id are added to every object, and the namespace is written on every object',
  'connector resources: the strimzi.io/use-connector-resources annotation is written out ("false" when the original had none)',
  "defaults written out: Strimzi's group and storage topics and 3 replicas (v1beta2), Kafka Connect's replication factor 3 and tasksMax 1, the release's Kafka version; replication factors as numbers",
  "API version: the objects are in the target release's API; group and topics move between spec fields (v1) and spec.config (v1beta2) as Strimzi converts them; a connector's pause: true becomes state: paused",
  "externalConfiguration: its volumes become pod volumes mounted at /mnt/<name> and its env the container env (after the template's own), and every /opt/kafka/external-configuration path in settings becomes /mnt",
  'image tag: an untagged prebuilt image is written as :latest; a build output without a tag gets the derived tag',
  "metrics ConfigMap: Strimzi's example rules are replaced by the rendered <name>-metrics ConfigMap (key metrics-config.yml); the team's own ConfigMap is not rendered, metricsConfig keeps pointing at it",
  'build artifacts: an explicit Maven Central repository is left out (the default), and artifacts take their sha512sum from --checksums',
  "pod template: emptyDir.sizeLimit takes the target release's shape, and the volume mounts come in the order of the volumes",
  'config providers: the config.providers list is written without spaces; the Role and RoleBinding for Kubernetes config providers are extra objects',
] as const;

type Obj = Record<string, any>;

const SERVER_SET = [
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'managedFields',
  'selfLink',
];
const IDENTITY: Array<[string, string, string]> = [
  ['groupId', 'group.id', 'connect-cluster'],
  ['offsetStorageTopic', 'offset.storage.topic', 'connect-cluster-offsets'],
  ['configStorageTopic', 'config.storage.topic', 'connect-cluster-configs'],
  ['statusStorageTopic', 'status.storage.topic', 'connect-cluster-status'],
];
const REPLICATION = [
  'config.storage.replication.factor',
  'offset.storage.replication.factor',
  'status.storage.replication.factor',
];
const OLD_ROOT = /\/opt\/kafka\/external-configuration(?![A-Za-z0-9_.-])/g;

export interface ExpectationContext {
  /** The imported values. */
  values: Obj;
  /** What the imported values render to, for what only the renderer knows (a derived tag). */
  rendered: Obj[];
  checksums: Record<string, string>;
  /** True when the file's metrics ConfigMap holds Strimzi's example rules. */
  strimziExampleMetrics: boolean;
}

export function flattenList(objects: Obj[]): Obj[] {
  return objects.flatMap(o => (o.kind === 'List' ? o.items : [o]));
}

function rewritePaths(config: Obj | undefined) {
  if (!config) return;
  for (const [key, value] of Object.entries(config)) {
    if (typeof value === 'string')
      config[key] = value.replace(OLD_ROOT, '/mnt');
  }
}

function serverSetOut(object: Obj) {
  delete object.status;
  for (const field of SERVER_SET) delete object.metadata?.[field];
  delete object.metadata?.annotations?.[
    'kubectl.kubernetes.io/last-applied-configuration'
  ];
}

function rendererLabels(object: Obj, values: Obj) {
  const id = values.environment
    ? `${values.name}-${values.environment}`
    : values.name;
  object.metadata.namespace = values.namespace;
  object.metadata.labels = {
    'app.kubernetes.io/name': 'kafka-connect',
    'app.kubernetes.io/instance': values.name,
    'backstage.io/kubernetes-id': id,
    ...object.metadata.labels,
  };
}

function sizeLimit(value: any, asObject: boolean) {
  if (asObject) {
    if (typeof value !== 'string') return value;
    const [, amount, format] = /^([0-9.]+)(.*)$/.exec(value)!;
    return format ? { amount, format } : { amount };
  }
  return typeof value === 'object'
    ? `${value.amount}${value.format ?? ''}`
    : value;
}

function expectedConnect(original: Obj, ctx: ExpectationContext): Obj {
  const { values } = ctx;
  const release = findRelease(values.strimzi.version)!;
  const rendered = ctx.rendered.find(o => o.kind === 'KafkaConnect')!;
  const object = structuredClone(original);
  const spec = object.spec;
  object.apiVersion = rendered.apiVersion;
  const v1 = rendered.apiVersion.endsWith('/v1');
  rendererLabels(object, values);
  object.metadata.annotations = {
    ...object.metadata.annotations,
    'strimzi.io/use-connector-resources': String(
      values.connect.useConnectorResources,
    ),
  };
  spec.version = values.kafka.version;
  spec.replicas ??= 3;
  spec.config = { ...spec.config };
  for (const [field, setting, fallback] of IDENTITY) {
    const value = spec[field] ?? spec.config[setting] ?? fallback;
    delete spec[field];
    delete spec.config[setting];
    if (v1) spec[field] = value;
    else spec.config[setting] = value;
  }
  for (const key of REPLICATION) {
    spec.config[key] = values.connect.replicationFactor;
  }
  if (typeof spec.config['config.providers'] === 'string') {
    spec.config['config.providers'] = spec.config['config.providers']
      .split(',')
      .map((n: string) => n.trim())
      .join(',');
  }
  rewritePaths(spec.config);
  const external = spec.externalConfiguration;
  delete spec.externalConfiguration;
  if (external) {
    spec.template ??= {};
    const pod = (spec.template.pod ??= {});
    const container = (spec.template.connectContainer ??= {});
    for (const volume of external.volumes ?? []) {
      pod.volumes = [...(pod.volumes ?? []), volume];
      container.volumeMounts = [
        ...(container.volumeMounts ?? []),
        { name: volume.name, mountPath: `/mnt/${volume.name}` },
      ];
    }
    if (external.env)
      container.env = [...(container.env ?? []), ...external.env];
    // Env alone moves no volume: no empty pod template either.
    if (Object.keys(pod).length === 0) delete spec.template.pod;
  }
  const pod = spec.template?.pod;
  const container = spec.template?.connectContainer;
  for (const volume of pod?.volumes ?? []) {
    if (volume.emptyDir?.sizeLimit !== undefined) {
      volume.emptyDir.sizeLimit = sizeLimit(
        volume.emptyDir.sizeLimit,
        release.sizeLimitAsObject,
      );
    }
  }
  if (container?.volumeMounts && pod?.volumes) {
    const order = pod.volumes.map((v: Obj) => v.name);
    container.volumeMounts.sort(
      (a: Obj, b: Obj) => order.indexOf(a.name) - order.indexOf(b.name),
    );
  }
  if (spec.image && !spec.build && !/[:@][^/]*$/.test(spec.image)) {
    spec.image = `${spec.image}:latest`;
  }
  if (spec.build) {
    const output = spec.build.output;
    const tagged = /:[^/]+$/.test(output.image);
    if (!tagged || /-kafka-.*-[0-9a-f]{8}$/.test(output.image)) {
      output.image = rendered.spec.build.output.image;
    }
    for (const plugin of spec.build.plugins ?? []) {
      for (const artifact of plugin.artifacts ?? []) {
        if (artifact.repository === MAVEN_CENTRAL) delete artifact.repository;
        if (artifact.url && !artifact.sha512sum) {
          artifact.sha512sum = ctx.checksums[artifact.url];
        }
      }
    }
  }
  if (ctx.strimziExampleMetrics) {
    spec.metricsConfig.valueFrom.configMapKeyRef = {
      name: `${values.name}-metrics`,
      key: 'metrics-config.yml',
    };
  }
  return object;
}

function expectedConnector(original: Obj, ctx: ExpectationContext): Obj {
  const object = structuredClone(original);
  const rendered = ctx.rendered.find(o => o.kind === 'KafkaConnect')!;
  object.apiVersion = rendered.apiVersion;
  rendererLabels(object, ctx.values);
  object.spec.tasksMax ??= 1;
  if (object.spec.pause === true) object.spec.state ??= 'paused';
  delete object.spec.pause;
  rewritePaths(object.spec.config);
  return object;
}

/** The originals as the import's render should give them back, per NORMALISATIONS. */
export function expectedObjects(originals: Obj[], ctx: ExpectationContext) {
  return flattenList(originals)
    .filter(o => o.kind === 'KafkaConnect' || o.kind === 'KafkaConnector')
    .map(o => {
      const copy = structuredClone(o);
      serverSetOut(copy);
      return copy.kind === 'KafkaConnect'
        ? expectedConnect(copy, ctx)
        : expectedConnector(copy, ctx);
    });
}
