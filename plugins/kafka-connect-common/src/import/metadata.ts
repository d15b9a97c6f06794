import { ImportContext } from './context';
import { isRecord, Original } from './original';

/** Fields the API server sets: read back from a live cluster, they are not the cluster's design. */
const SERVER_SET_METADATA = [
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'managedFields',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
];
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Skips `status` and server-set metadata (`kubectl get -o yaml` output), with one note. */
export function takeServerSet(ctx: ImportContext, original: Original): void {
  const skipped: string[] = [];
  for (const field of SERVER_SET_METADATA) {
    if (original.peek(['metadata', field]) !== undefined) {
      original.mark(['metadata', field]);
      skipped.push(`metadata.${field}`);
    }
  }
  if (original.peek(['metadata', 'annotations', LAST_APPLIED]) !== undefined) {
    original.mark(['metadata', 'annotations', LAST_APPLIED]);
    skipped.push(`the ${LAST_APPLIED} annotation`);
  }
  if (original.peek(['status']) !== undefined) {
    original.mark(['status']);
    skipped.push('status');
  }
  if (skipped.length > 0) {
    ctx.notes.push(
      `${original.label}: ${skipped.join(
        ', ',
      )} left out: set by Kubernetes and Strimzi, not part of the cluster's design`,
    );
  }
}

/**
 * The labels the renderer sets on every object. The same value is taken as is; another
 * value cannot be kept (the renderer owns the key), so it is a problem. Returns the
 * catalog id (`backstage.io/kubernetes-id`) when given.
 */
export function takeRendererLabels(
  ctx: ImportContext,
  original: Original,
  expectedId?: string,
): string | undefined {
  const expected: Record<string, string | undefined> = {
    'app.kubernetes.io/name': 'kafka-connect',
    'app.kubernetes.io/instance': ctx.name,
    'backstage.io/kubernetes-id': expectedId,
  };
  let id: string | undefined;
  for (const [key, value] of Object.entries(expected)) {
    const path = ['metadata', 'labels', key];
    const given = original.peek(path);
    if (given === undefined) continue;
    original.mark(path);
    if (key === 'backstage.io/kubernetes-id' && value === undefined) {
      id = String(given);
      continue;
    }
    if (given !== value) {
      ctx.problems.push(
        original.problem(
          path,
          `the skeleton sets this label to ${JSON.stringify(
            value,
          )} on every object; it cannot keep ${JSON.stringify(
            given,
          )}: change what selects on it, then remove the label from the original`,
        ),
      );
    }
  }
  return id;
}

/** The catalog id `<name>` or `<name>-<environment>` → the environment. */
export function environmentOf(
  ctx: ImportContext,
  id: string | undefined,
): string | undefined {
  if (id === undefined || id === ctx.name) return undefined;
  if (id.startsWith(`${ctx.name}-`)) return id.slice(ctx.name.length + 1);
  ctx.problems.push(
    ctx.connect.problem(
      ['metadata', 'labels', 'backstage.io/kubernetes-id'],
      `the skeleton sets this label to the catalog entity, ${ctx.name} or ${
        ctx.name
      }-<environment>; it cannot keep ${JSON.stringify(id)}`,
    ),
  );
  return undefined;
}

/** The KafkaConnect's other labels and annotations → `labels`, `annotations`. */
export function importMetadata(ctx: ImportContext) {
  const { connect } = ctx;
  const pick = (field: 'labels' | 'annotations') => {
    const given = connect.peek(['metadata', field]);
    if (!isRecord(given)) return undefined;
    const kept: Record<string, unknown> = {};
    for (const key of Object.keys(given)) {
      const path = ['metadata', field, key];
      // Taken already: the renderer's own labels, the connector-resources annotation.
      if (connect.isTaken(path)) continue;
      kept[key] = connect.take(path);
    }
    ctx.trace([field], connect, ['metadata', field]);
    return Object.keys(kept).length > 0 ? kept : undefined;
  };
  return { labels: pick('labels'), annotations: pick('annotations') };
}
