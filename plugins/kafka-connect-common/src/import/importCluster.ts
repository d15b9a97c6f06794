import { Problem } from '../problems';
import {
  findRelease,
  NEWEST_STRIMZI_VERSION,
  SUPPORTED_STRIMZI_VERSIONS,
} from '../strimzi/releases';
import { parseValues } from '../values/parse';
import { importConnectors } from './connectors';
import { importConnectSection } from './connectSection';
import { ImportContext, ImportOptions, inputsOf } from './context';
import {
  moveExternalConfiguration,
  rewriteExternalPaths,
} from './externalConfiguration';
import { importImage } from './image';
import { leftoverProblems } from './leftovers';
import {
  environmentOf,
  importMetadata,
  takeRendererLabels,
  takeServerSet,
} from './metadata';
import { importMetrics } from './metrics';
import { isRecord, Original } from './original';
import { importTemplate } from './template';
import { Trace } from './trace';

export type ImportResult =
  | { ok: true; values: Record<string, unknown>; notes: string[] }
  | { ok: false; problems: Problem[]; notes: string[] };

const STRIMZI_API = 'kafka.strimzi.io/';
type Api = 'v1beta2' | 'v1';

/** A `kind: List` (kubectl get -o yaml of several objects) counts as its items. */
function flatten(documents: readonly unknown[]): unknown[] {
  return documents.flatMap(doc =>
    isRecord(doc) && doc.kind === 'List' && Array.isArray(doc.items)
      ? doc.items
      : [doc],
  );
}

const fileProblem = (message: string): Problem => ({ path: '(file)', message });

/** Drops undefined fields, keeping the order the values file reads in. */
function defined(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(object).filter(
      ([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0),
    ),
  );
}

function apiOf(original: Original, problems: Problem[]): Api | undefined {
  const apiVersion = original.take(['apiVersion']);
  const api =
    typeof apiVersion === 'string' && apiVersion.startsWith(STRIMZI_API)
      ? apiVersion.slice(STRIMZI_API.length)
      : undefined;
  if (api === 'v1beta2' || api === 'v1') return api;
  problems.push(
    original.problem(
      ['apiVersion'],
      `${JSON.stringify(
        apiVersion,
      )} is not an API this tool reads; convert the resource to kafka.strimzi.io/v1beta2 or v1 first (Strimzi's conversion tool)`,
    ),
  );
  return undefined;
}

/**
 * Reads a KafkaConnect (with its KafkaConnectors and its metrics ConfigMap, if the file
 * holds them) and returns values that render to the same objects for the target release,
 * or the problems, each naming the original's field. Pure: the caller reads the files.
 */
export function importCluster(
  documents: readonly unknown[],
  options: ImportOptions,
): ImportResult {
  const notes: string[] = [];
  const version = options.strimzi ?? NEWEST_STRIMZI_VERSION;
  const release = findRelease(version);
  if (!release) {
    return {
      ok: false,
      notes,
      problems: [
        {
          path: '--strimzi',
          message: `unknown release ${version}; choose one of ${SUPPORTED_STRIMZI_VERSIONS.join(
            ', ',
          )}`,
        },
      ],
    };
  }
  const problems: Problem[] = [];
  const objects: Original[] = [];
  for (const doc of flatten(documents)) {
    if (!isRecord(doc) || typeof doc.kind !== 'string') {
      problems.push(
        fileProblem(
          'holds a document that is not a Kubernetes object (no kind); remove it',
        ),
      );
    } else {
      objects.push(new Original(doc));
    }
  }
  const connects = objects.filter(o => o.root.kind === 'KafkaConnect');
  if (connects.length !== 1) {
    problems.push(
      fileProblem(
        connects.length === 0
          ? 'holds no KafkaConnect; import reads one KafkaConnect, with its KafkaConnectors and metrics ConfigMap'
          : `holds ${connects.length} KafkaConnects (${connects
              .map(c => c.label)
              .join(', ')}); import one cluster per file`,
      ),
    );
    return { ok: false, problems, notes };
  }
  const connect = connects[0];
  const name = connect.take(['metadata', 'name']);
  const ctx: ImportContext = {
    connect,
    connectors: objects.filter(o => o.root.kind === 'KafkaConnector'),
    configMaps: objects.filter(o => o.root.kind === 'ConfigMap'),
    used: new Set([connect]),
    name: typeof name === 'string' ? name : '',
    release,
    options,
    problems,
    notes,
    traces: new Trace(connect),
    trace: (valuesPath, original, path) =>
      ctx.traces.record(valuesPath, original, path),
  };
  const values = importConnect(ctx);
  for (const object of objects) {
    if (object === connect || ctx.used.has(object)) continue;
    object.mark([]);
    problems.push(
      object.problem(
        [],
        `not part of the imported values: import reads the KafkaConnect, its KafkaConnectors and the metrics ConfigMap it names; keep this object in your manifests and remove it from the file`,
      ),
    );
  }
  for (const object of ctx.used) problems.push(...leftoverProblems(object));
  const parsed = parseValues(withPlaceholders(values));
  if (!parsed.ok) {
    // A field the import already named needs no second line from the validation.
    const named = new Set(problems.map(p => p.path));
    problems.push(
      ...parsed.problems
        .map(p => ctx.traces.toOriginal(p))
        .filter(p => !named.has(p.path)),
    );
  }
  if (problems.length > 0) {
    const seen = new Set<string>();
    const unique = problems.filter(p => {
      const line = `${p.path}: ${p.message}`;
      if (seen.has(line)) return false;
      seen.add(line);
      return true;
    });
    return { ok: false, problems: unique, notes };
  }
  return { ok: true, values, notes };
}

const SECTIONS = [
  ['metadata', 'labels'],
  ['metadata', 'annotations'],
  ['spec', 'config'],
  ['spec', 'build', 'output'],
  ['spec', 'template', 'pod', 'metadata'],
  ['spec', 'template', 'connectContainer'],
  ['spec', 'template', 'podSet', 'metadata'],
  ['spec', 'template', 'deployment', 'metadata'],
  ['spec', 'template', 'serviceAccount', 'metadata'],
  ['spec', 'externalConfiguration'],
  ['spec', 'metricsConfig', 'valueFrom', 'configMapKeyRef'],
];
const CONNECTOR_SECTIONS = [
  ['metadata', 'labels'],
  ['spec', 'config'],
];

function importConnect(ctx: ImportContext): Record<string, unknown> {
  const { connect, release, options, notes, problems } = ctx;
  const api = apiOf(connect, problems);
  connect.mark(['kind']);
  // Sections read field by field: what nobody takes below them is named one by one.
  for (const section of SECTIONS) connect.open(section);
  for (const connector of ctx.connectors) {
    for (const section of CONNECTOR_SECTIONS) connector.open(section);
  }
  ctx.trace(['name'], connect, ['metadata', 'name']);
  takeServerSet(ctx, connect);
  for (const connector of ctx.connectors) takeServerSet(ctx, connector);

  const fileNamespace = connect.take(['metadata', 'namespace']);
  const namespace = options.namespace ?? fileNamespace;
  if (namespace === undefined) {
    problems.push(
      connect.problem(
        ['metadata', 'namespace'],
        `not set, and no ${
          inputsOf(options).namespace
        } given; give the namespace the cluster runs in ${
          inputsOf(options).giveNamespace
        }`,
      ),
    );
  } else if (fileNamespace !== undefined && fileNamespace !== namespace) {
    notes.push(
      `${connect.where(['metadata', 'namespace'])}: ${String(
        fileNamespace,
      )} replaced by --namespace ${namespace}`,
    );
  }
  ctx.trace(['namespace'], connect, ['metadata', 'namespace']);

  const apis = release.servedApis;
  let apiVersion: Api | undefined;
  if (api && !apis.includes(api)) {
    notes.push(
      `${connect.where(['apiVersion'])}: Strimzi ${
        release.version
      } serves ${apis.join(
        ' and ',
      )} only; the objects are rendered as kafka.strimzi.io/${
        release.defaultApi
      } (the group and topics stay the same)`,
    );
  } else if (api && api !== release.defaultApi) {
    apiVersion = api;
    ctx.trace(['strimzi', 'apiVersion'], connect, ['apiVersion']);
  }

  const kafkaVersion = kafkaVersionOf(ctx);
  const environment = environmentOf(ctx, takeRendererLabels(ctx, connect));
  for (const connector of ctx.connectors) {
    takeRendererLabels(
      ctx,
      connector,
      environment ? `${ctx.name}-${environment}` : ctx.name,
    );
    apiOf(connector, problems);
  }
  const section = importConnectSection(ctx, api === 'v1');
  // After the connect section: it takes the use-connector-resources annotation.
  const metadata = importMetadata(ctx);
  const metricsEnabled = connect.peek(['spec', 'metricsConfig']) !== undefined;
  const template = importTemplate(ctx, metricsEnabled);
  const moved = moveExternalConfiguration(
    ctx,
    template.volumes.length,
    template.env.length,
  );
  const { image, plugins } = importImage(ctx);
  const connectors = importConnectors(ctx, fileNamespace);
  const rewritten = section.rewritten + connectors.rewritten;
  if (rewritten > 0) {
    notes.push(
      `${connect.label}: ${rewritten} setting(s) read /opt/kafka/external-configuration; rewritten to /mnt`,
    );
  }
  const metrics = importMetrics(ctx, template.prometheusAnnotations);
  const withPullSecrets =
    template.pullSecrets === undefined
      ? image
      : { ...image, pullSecrets: template.pullSecrets };

  return defined({
    name: ctx.name,
    namespace,
    owner: options.owner,
    environment,
    strimzi: defined({ version: release.version, apiVersion }),
    labels: metadata.labels,
    annotations: metadata.annotations,
    kafka: kafkaSection(ctx, kafkaVersion),
    replicas: replicasOf(ctx, api),
    resources: carried(ctx, 'resources'),
    jvmOptions: carried(ctx, 'jvmOptions'),
    logging: carried(ctx, 'logging'),
    rack: carried(ctx, 'rack'),
    tracing: carried(ctx, 'tracing'),
    connect: section.connect,
    image: withPullSecrets,
    plugins,
    configProviders: section.configProviders,
    serviceAccount: template.serviceAccount,
    scheduling: template.scheduling,
    pod: template.pod,
    container: template.container,
    podSet: template.podSet,
    deployment: template.deployment,
    metrics,
    env: [...template.env, ...moved.env],
    volumes: [...template.volumes, ...moved.volumes],
    connectors: connectors.connectors,
  });
}

/**
 * The values with a stand-in where the import already reported a missing checksum, so the
 * validation goes on to the rules that run once the shape is right (literal credentials).
 */
function withPlaceholders(
  values: Record<string, unknown>,
): Record<string, unknown> {
  if (!Array.isArray(values.plugins)) return values;
  return {
    ...values,
    plugins: values.plugins.map(plugin =>
      isRecord(plugin) && Array.isArray(plugin.artifacts)
        ? {
            ...plugin,
            artifacts: plugin.artifacts.map(artifact =>
              isRecord(artifact) &&
              typeof artifact.url === 'string' &&
              artifact.sha512sum === undefined
                ? { ...artifact, sha512sum: '0'.repeat(128) }
                : artifact,
            ),
          }
        : plugin,
    ),
  };
}

/** A spec section whose shape the values share with Strimzi: copied as it is. */
function carried(ctx: ImportContext, field: string): unknown {
  const value = ctx.connect.peek(['spec', field]);
  if (value === undefined) return undefined;
  ctx.connect.mark(['spec', field]);
  ctx.trace([field], ctx.connect, ['spec', field]);
  return value;
}

function kafkaVersionOf(ctx: ImportContext): string {
  const { connect, release, notes } = ctx;
  const given = connect.take(['spec', 'version']);
  ctx.trace(['kafka', 'version'], connect, ['spec', 'version']);
  if (given === undefined) {
    notes.push(
      `${connect.where(['spec', 'version'])}: not set; Strimzi ${
        release.version
      }'s default Kafka ${release.defaultKafkaVersion} written out`,
    );
    return release.defaultKafkaVersion;
  }
  if (!release.kafkaVersions.includes(String(given))) {
    notes.push(
      `${connect.where(['spec', 'version'])}: Kafka ${String(
        given,
      )} does not run on Strimzi ${
        release.version
      } (${release.kafkaVersions.join(', ')}); taking the release's default, ${
        release.defaultKafkaVersion
      }`,
    );
    return release.defaultKafkaVersion;
  }
  return String(given);
}

function kafkaSection(ctx: ImportContext, version: string) {
  const { connect } = ctx;
  const bootstrapServers = connect.take(['spec', 'bootstrapServers']);
  ctx.trace(['kafka', 'bootstrapServers'], connect, [
    'spec',
    'bootstrapServers',
  ]);
  const tls = connect.peek(['spec', 'tls']);
  if (tls !== undefined) {
    connect.mark(['spec', 'tls']);
    ctx.trace(['kafka', 'tls'], connect, ['spec', 'tls']);
  }
  let authentication = connect.peek(['spec', 'authentication']);
  if (isRecord(authentication) && isRecord(authentication.config)) {
    // A custom type's settings may read files from the moved externalConfiguration volumes.
    const counter = { rewritten: 0 };
    const config = Object.fromEntries(
      Object.entries(authentication.config).map(([k, v]) => [
        k,
        rewriteExternalPaths(v, counter),
      ]),
    );
    authentication = { ...authentication, config };
  }
  if (authentication !== undefined) {
    connect.mark(['spec', 'authentication']);
    ctx.trace(['kafka', 'authentication'], connect, ['spec', 'authentication']);
  }
  return defined({ version, bootstrapServers, tls, authentication });
}

/** Strimzi's v1beta2 default is 3 pods; the v1 API requires the field. */
const STRIMZI_DEFAULT_REPLICAS = 3;

function replicasOf(ctx: ImportContext, api: Api | undefined) {
  const { connect } = ctx;
  const given = connect.take(['spec', 'replicas']);
  ctx.trace(['replicas'], connect, ['spec', 'replicas']);
  if (given !== undefined) return given;
  if (api === 'v1') {
    ctx.problems.push(
      connect.problem(
        ['spec', 'replicas'],
        'missing: the v1 API requires it (Strimzi refuses the resource without it); give the number of pods the cluster runs',
      ),
    );
    return undefined;
  }
  ctx.notes.push(
    `${connect.where([
      'spec',
      'replicas',
    ])}: not set; Strimzi's default ${STRIMZI_DEFAULT_REPLICAS} written out`,
  );
  return STRIMZI_DEFAULT_REPLICAS;
}
