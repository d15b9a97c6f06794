import { METRICS_PORT } from '../render/podTemplate';
import { ImportContext } from './context';
import { isRecord, Path } from './original';

const TEMPLATE = ['spec', 'template'];
const POD = [...TEMPLATE, 'pod'];
const CONTAINER = [...TEMPLATE, 'connectContainer'];
const MOUNT_FIELDS = ['mountPath', 'readOnly', 'subPath'];

/** The annotations `metrics.podAnnotations` renders; exactly these mean podAnnotations: true. */
const PROMETHEUS_ANNOTATIONS: Record<string, string> = {
  'prometheus.io/scrape': 'true',
  'prometheus.io/port': String(METRICS_PORT),
  'prometheus.io/path': '/metrics',
};

/** fabric8's `{amount: "256", format: "Mi"}` (CRDs up to 0.48.0) → `256Mi`. */
function quantity(value: unknown): unknown {
  if (!isRecord(value) || value.amount === undefined) return value;
  return `${String(value.amount)}${
    value.format === undefined ? '' : String(value.format)
  }`;
}

function emptyToUndefined<T extends object>(value: T): T | undefined {
  return Object.values(value).some(v => v !== undefined) ? value : undefined;
}

/** Takes `path` when it holds something, and records where the values field came from. */
function carry(
  ctx: ImportContext,
  valuesPath: Path,
  path: Path,
): unknown | undefined {
  const value = ctx.connect.peek(path);
  if (value === undefined) return undefined;
  ctx.connect.mark(path);
  ctx.trace(valuesPath, ctx.connect, path);
  return value;
}

/** Pod volumes joined with their mounts in the Connect container: one values entry each. */
function volumes(ctx: ImportContext) {
  const { connect } = ctx;
  const podVolumes = connect.peek([...POD, 'volumes']);
  const mounts = connect.peek([...CONTAINER, 'volumeMounts']);
  const mountList = Array.isArray(mounts) ? mounts : [];
  const result: Record<string, unknown>[] = [];
  if (!Array.isArray(podVolumes)) return result;
  podVolumes.forEach((volume, k) => {
    const at = [...POD, 'volumes', k];
    if (!isRecord(volume) || typeof volume.name !== 'string') return;
    const indexes = mountList
      .map((m, j) => (isRecord(m) && m.name === volume.name ? j : -1))
      .filter(j => j >= 0);
    if (indexes.length !== 1) {
      const message =
        indexes.length === 0
          ? 'is not mounted in the Connect container (spec.template.connectContainer.volumeMounts); the values mount every volume there: add a mount below /mnt, or remove the volume'
          : `is mounted ${indexes.length} times; the values mount each volume once: use one mount, or a second volume of the same source`;
      ctx.problems.push(connect.problem(at, message));
      connect.mark(at);
      indexes.forEach(j => connect.mark([...CONTAINER, 'volumeMounts', j]));
      return;
    }
    const j = indexes[0];
    const mountAt = [...CONTAINER, 'volumeMounts', j];
    const mount = mountList[j] as Record<string, unknown>;
    const index = result.length;
    const { name, ...source } = volume;
    connect.mark(at);
    connect.mark([...mountAt, 'name']);
    const entry: Record<string, unknown> = { name };
    for (const field of MOUNT_FIELDS) {
      if (mount[field] === undefined) continue;
      entry[field] = connect.take([...mountAt, field]);
      ctx.trace(['volumes', index, field], connect, [...mountAt, field]);
    }
    if (isRecord(source.emptyDir)) {
      source.emptyDir = {
        ...source.emptyDir,
        ...(source.emptyDir.sizeLimit === undefined
          ? {}
          : { sizeLimit: quantity(source.emptyDir.sizeLimit) }),
      };
    }
    Object.assign(entry, source);
    ctx.trace(['volumes', index], connect, at);
    result.push(entry);
  });
  mountList.forEach((mount, j) => {
    const known =
      isRecord(mount) &&
      podVolumes.some(v => isRecord(v) && v.name === mount.name);
    if (!known) {
      ctx.problems.push(
        connect.problem(
          [...CONTAINER, 'volumeMounts', j],
          'mounts a volume that spec.template.pod.volumes does not declare (Strimzi’s own volumes cannot be mounted again); remove the mount',
        ),
      );
      connect.mark([...CONTAINER, 'volumeMounts', j]);
    }
  });
  return result;
}

/** Pod annotations, with Prometheus' three split off when they are exactly the rendered ones. */
function podAnnotations(ctx: ImportContext, metricsEnabled: boolean) {
  const path = [...POD, 'metadata', 'annotations'];
  const given = ctx.connect.peek(path);
  if (!isRecord(given)) return { annotations: undefined, prometheus: false };
  ctx.connect.mark(path);
  ctx.trace(['pod', 'annotations'], ctx.connect, path);
  const prometheus =
    metricsEnabled &&
    Object.entries(PROMETHEUS_ANNOTATIONS).every(([k, v]) => given[k] === v);
  if (!prometheus) return { annotations: { ...given }, prometheus: false };
  const rest = Object.fromEntries(
    Object.entries(given).filter(([k]) => !(k in PROMETHEUS_ANNOTATIONS)),
  );
  return {
    annotations: Object.keys(rest).length > 0 ? rest : undefined,
    prometheus: true,
  };
}

function metadataOf(ctx: ImportContext, at: Path, valuesAt: Path) {
  return emptyToUndefined({
    labels: carry(ctx, [...valuesAt, 'labels'], [...at, 'metadata', 'labels']),
    annotations: carry(
      ctx,
      [...valuesAt, 'annotations'],
      [...at, 'metadata', 'annotations'],
    ),
  });
}

function imagePullSecrets(ctx: ImportContext): string[] | undefined {
  const path = [...POD, 'imagePullSecrets'];
  const given = ctx.connect.peek(path);
  if (!Array.isArray(given)) return undefined;
  const names: string[] = [];
  ctx.trace(['image', 'pullSecrets'], ctx.connect, path);
  given.forEach((secret, i) => {
    if (isRecord(secret) && typeof secret.name === 'string') {
      ctx.connect.mark([...path, i, 'name']);
      ctx.trace(['image', 'pullSecrets', names.length], ctx.connect, [
        ...path,
        i,
        'name',
      ]);
      names.push(secret.name);
    }
  });
  return names.length > 0 ? names : undefined;
}

/** `spec.template` → the values' pod, container, scheduling, volume and env fields. */
export function importTemplate(ctx: ImportContext, metricsEnabled: boolean) {
  // Sections first: a problem with a whole values section names the template's section.
  ctx.trace(['pod'], ctx.connect, POD);
  ctx.trace(['container'], ctx.connect, CONTAINER);
  ctx.trace(['podSet'], ctx.connect, [...TEMPLATE, 'podSet']);
  ctx.trace(['deployment'], ctx.connect, [...TEMPLATE, 'deployment']);
  ctx.trace(['scheduling'], ctx.connect, POD);
  const annotations = podAnnotations(ctx, metricsEnabled);
  const scheduling = emptyToUndefined({
    affinity: carry(ctx, ['scheduling', 'affinity'], [...POD, 'affinity']),
    tolerations: carry(
      ctx,
      ['scheduling', 'tolerations'],
      [...POD, 'tolerations'],
    ),
    topologySpreadConstraints: carry(
      ctx,
      ['scheduling', 'topologySpreadConstraints'],
      [...POD, 'topologySpreadConstraints'],
    ),
  });
  const pod = emptyToUndefined({
    labels: carry(ctx, ['pod', 'labels'], [...POD, 'metadata', 'labels']),
    annotations: annotations.annotations,
    securityContext: carry(
      ctx,
      ['pod', 'securityContext'],
      [...POD, 'securityContext'],
    ),
    priorityClassName: carry(
      ctx,
      ['pod', 'priorityClassName'],
      [...POD, 'priorityClassName'],
    ),
    terminationGracePeriodSeconds: carry(
      ctx,
      ['pod', 'terminationGracePeriodSeconds'],
      [...POD, 'terminationGracePeriodSeconds'],
    ),
  });
  const container = emptyToUndefined({
    securityContext: carry(
      ctx,
      ['container', 'securityContext'],
      [...CONTAINER, 'securityContext'],
    ),
  });
  const env: unknown[] = [];
  const givenEnv = ctx.connect.peek([...CONTAINER, 'env']);
  if (Array.isArray(givenEnv)) {
    givenEnv.forEach((variable, i) => {
      ctx.connect.mark([...CONTAINER, 'env', i]);
      ctx.trace(['env', env.length], ctx.connect, [...CONTAINER, 'env', i]);
      env.push(isRecord(variable) ? { ...variable } : variable);
    });
  }
  const deploymentStrategy = carry(
    ctx,
    ['deployment', 'strategy'],
    [...TEMPLATE, 'deployment', 'deploymentStrategy'],
  );
  const deployment = emptyToUndefined({
    ...metadataOf(ctx, [...TEMPLATE, 'deployment'], ['deployment']),
    strategy: deploymentStrategy,
  });
  const serviceAccountAnnotations = carry(
    ctx,
    ['serviceAccount', 'annotations'],
    [...TEMPLATE, 'serviceAccount', 'metadata', 'annotations'],
  );
  return {
    scheduling,
    pod,
    container,
    podSet: metadataOf(ctx, [...TEMPLATE, 'podSet'], ['podSet']),
    deployment,
    serviceAccount:
      serviceAccountAnnotations === undefined
        ? undefined
        : { annotations: serviceAccountAnnotations },
    pullSecrets: imagePullSecrets(ctx),
    prometheusAnnotations: annotations.prometheus,
    volumes: volumes(ctx),
    env,
  };
}
