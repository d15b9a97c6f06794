import { CONFIG_PROVIDER_CLASSES } from '../render/workerConfig';
import { ImportContext } from './context';
import { rewriteExternalPaths } from './externalConfiguration';
import { isRecord } from './original';

/**
 * Strimzi's defaults for the v1beta2 API (KafkaConnectConfiguration in
 * strimzi-kafka-operator): a cluster that relied on them keeps them, written out.
 */
const IDENTITY = [
  { field: 'groupId', setting: 'group.id', strimziDefault: 'connect-cluster' },
  {
    field: 'offsetStorageTopic',
    setting: 'offset.storage.topic',
    strimziDefault: 'connect-cluster-offsets',
  },
  {
    field: 'configStorageTopic',
    setting: 'config.storage.topic',
    strimziDefault: 'connect-cluster-configs',
  },
  {
    field: 'statusStorageTopic',
    setting: 'status.storage.topic',
    strimziDefault: 'connect-cluster-status',
  },
] as const;

const REPLICATION_SETTINGS = [
  'config.storage.replication.factor',
  'offset.storage.replication.factor',
  'status.storage.replication.factor',
];
/** Kafka Connect's own default for the three (Strimzi sets none). */
const KAFKA_DEFAULT_REPLICATION_FACTOR = 3;

const PROVIDER_TYPE_BY_CLASS: Record<string, string> = Object.fromEntries(
  Object.entries(CONFIG_PROVIDER_CLASSES).map(([type, cls]) => [cls, type]),
);
/** Settings that become their own values fields. */
const IDENTITY_SETTINGS = new Set<string>([
  ...IDENTITY.map(i => i.setting),
  ...REPLICATION_SETTINGS,
  'config.providers',
]);
/** Config providers that make the renderer add RBAC objects. */
const RBAC_PROVIDER_TYPES = ['kubernetes-secret', 'kubernetes-configmap'];

function asNumber(value: unknown): unknown {
  return typeof value === 'string' && /^-?[0-9]+$/.test(value.trim())
    ? Number(value)
    : value;
}

/** The group, the storage topics and their replication factor: the cluster's identity. */
function identity(ctx: ImportContext, apiIsV1: boolean) {
  const { connect } = ctx;
  const result: Record<string, unknown> = {};
  for (const { field, setting, strimziDefault } of IDENTITY) {
    const fieldPath = ['spec', field];
    const settingPath = ['spec', 'config', setting];
    const fromField = connect.take(fieldPath);
    const fromConfig = connect.take(settingPath);
    if (
      fromField !== undefined &&
      fromConfig !== undefined &&
      fromField !== fromConfig
    ) {
      ctx.problems.push(
        connect.problem(
          settingPath,
          `differs from spec.${field} (${JSON.stringify(
            fromField,
          )}); Strimzi uses one of them, so say which: keep only the one the running cluster uses`,
        ),
      );
    }
    if (fromField !== undefined) {
      result[field] = fromField;
      ctx.trace(['connect', field], connect, fieldPath);
    } else if (fromConfig !== undefined) {
      result[field] = fromConfig;
      ctx.trace(['connect', field], connect, settingPath);
    } else if (apiIsV1) {
      ctx.problems.push(
        connect.problem(
          fieldPath,
          'missing: the v1 API requires it (Strimzi refuses the resource without it); give the value the running cluster uses',
        ),
      );
    } else {
      result[field] = strimziDefault;
      ctx.notes.push(
        `${connect.where(
          settingPath,
        )}: not set; Strimzi's default "${strimziDefault}" written out as connect.${field}`,
      );
    }
  }
  const factors = REPLICATION_SETTINGS.map(setting =>
    asNumber(connect.take(['spec', 'config', setting])),
  );
  const given = factors.find(f => f !== undefined);
  const factor = given ?? KAFKA_DEFAULT_REPLICATION_FACTOR;
  if (given === undefined) {
    ctx.notes.push(
      `${connect.where([
        'spec',
        'config',
      ])}: no storage replication factor set; Kafka Connect's default ${KAFKA_DEFAULT_REPLICATION_FACTOR} written out as connect.replicationFactor`,
    );
  }
  REPLICATION_SETTINGS.forEach((setting, i) => {
    const value = factors[i] ?? KAFKA_DEFAULT_REPLICATION_FACTOR;
    if (value !== factor) {
      ctx.problems.push(
        connect.problem(
          ['spec', 'config', setting],
          `is ${JSON.stringify(value)} while ${
            REPLICATION_SETTINGS[factors.indexOf(given)]
          } is ${JSON.stringify(
            factor,
          )}; the values hold one replication factor for the three topics: make them equal`,
        ),
      );
    }
  });
  result.replicationFactor = factor;
  const at = REPLICATION_SETTINGS[Math.max(factors.indexOf(given), 0)];
  ctx.trace(['connect', 'replicationFactor'], connect, ['spec', 'config', at]);
  return result;
}

/** `config.providers` and its `config.providers.<name>.*` settings → configProviders. */
function configProviders(
  ctx: ImportContext,
  config: Record<string, unknown>,
  counter: { rewritten: number },
) {
  const { connect } = ctx;
  const listPath = ['spec', 'config', 'config.providers'];
  const list = connect.take(listPath);
  if (list === undefined) return [];
  if (typeof list !== 'string') {
    ctx.problems.push(
      connect.problem(listPath, 'must be a comma-separated list of names'),
    );
    return [];
  }
  const names = list
    .split(',')
    .map(n => n.trim())
    .filter(Boolean);
  return names.map((name, index) => {
    const prefix = `config.providers.${name}.`;
    const classPath = ['spec', 'config', `${prefix}class`];
    const cls = connect.take(classPath);
    const params: Record<string, unknown> = {};
    for (const key of Object.keys(config)) {
      if (!key.startsWith(`${prefix}param.`)) continue;
      const param = key.slice(`${prefix}param.`.length);
      params[param] = rewriteExternalPaths(
        connect.take(['spec', 'config', key]),
        counter,
      );
      ctx.trace(['configProviders', index, 'params', param], connect, [
        'spec',
        'config',
        key,
      ]);
    }
    const type =
      typeof cls === 'string' ? PROVIDER_TYPE_BY_CLASS[cls] : undefined;
    ctx.trace(['configProviders', index], connect, classPath);
    ctx.trace(['configProviders', index, 'name'], connect, listPath);
    if (type && RBAC_PROVIDER_TYPES.includes(type)) {
      ctx.notes.push(
        `${connect.where(
          classPath,
        )}: the skeleton renders Role and RoleBinding ${
          ctx.name
        }-connect-config-reader for this provider; remove the cluster's own once they are applied`,
      );
    }
    return {
      name,
      type: type ?? 'custom',
      class: type ? undefined : cls,
      params: Object.keys(params).length > 0 ? params : undefined,
    };
  });
}

/** `spec.config` and the annotation → the values' `connect` section and configProviders. */
export function importConnectSection(ctx: ImportContext, apiIsV1: boolean) {
  const { connect } = ctx;
  const counter = { rewritten: 0 };
  const config = connect.peek(['spec', 'config']);
  const settings = isRecord(config) ? config : {};
  if (config !== undefined && !isRecord(config)) {
    ctx.problems.push(
      connect.problem(['spec', 'config'], 'must be a mapping of settings'),
    );
  }
  const ids = identity(ctx, apiIsV1);
  const providers = configProviders(ctx, settings, counter);
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(settings)) {
    const path = ['spec', 'config', key];
    // Provider settings for a name config.providers does not list stay for leftovers.
    if (key.startsWith('config.providers.')) continue;
    if (connect.peek(path) === undefined) continue;
    if (IDENTITY_SETTINGS.has(key)) continue;
    rest[key] = rewriteExternalPaths(connect.take(path), counter);
    ctx.trace(['connect', 'config', key], connect, path);
  }
  const annotation = connect.take([
    'metadata',
    'annotations',
    'strimzi.io/use-connector-resources',
  ]);
  const useConnectorResources = annotation === 'true' || annotation === true;
  ctx.trace(['connect', 'useConnectorResources'], connect, [
    'metadata',
    'annotations',
    'strimzi.io/use-connector-resources',
  ]);
  return {
    connect: {
      ...ids,
      useConnectorResources,
      config: rest,
    },
    configProviders: providers,
    rewritten: counter.rewritten,
  };
}
