import { ImportContext } from './context';
import { rewriteExternalPaths } from './externalConfiguration';
import { isRecord, Original } from './original';
import { takeRendererLabels } from './metadata';

/** Kafka Connect's own default for tasks.max: a connector that left it out keeps 1. */
const KAFKA_DEFAULT_TASKS_MAX = 1;

function importConnector(
  ctx: ImportContext,
  connector: Original,
  index: number,
  counter: { rewritten: number },
) {
  const at = ['connectors', index];
  ctx.trace(at, connector, ['spec']);
  ctx.trace([...at, 'name'], connector, ['metadata', 'name']);
  const name = connector.take(['metadata', 'name']);
  for (const field of ['apiVersion', 'kind']) connector.mark([field]);
  takeRendererLabels(ctx, connector);
  const cls = connector.take(['spec', 'class']);
  ctx.trace([...at, 'class'], connector, ['spec', 'class']);
  let tasksMax = connector.take(['spec', 'tasksMax']);
  if (tasksMax === undefined) {
    tasksMax = KAFKA_DEFAULT_TASKS_MAX;
    ctx.notes.push(
      `${connector.where([
        'spec',
        'tasksMax',
      ])}: not set; Kafka Connect's default ${KAFKA_DEFAULT_TASKS_MAX} written out`,
    );
  }
  ctx.trace([...at, 'tasksMax'], connector, ['spec', 'tasksMax']);
  const config: Record<string, unknown> = {};
  const given = connector.peek(['spec', 'config']);
  if (isRecord(given)) {
    connector.mark(['spec', 'config']);
    for (const key of Object.keys(given)) {
      config[key] = rewriteExternalPaths(given[key], counter);
      ctx.trace([...at, 'config', key], connector, ['spec', 'config', key]);
    }
  } else if (given !== undefined) {
    ctx.problems.push(
      connector.problem(['spec', 'config'], 'must be a mapping of settings'),
    );
    connector.mark(['spec', 'config']);
  }
  let state = connector.take(['spec', 'state']);
  ctx.trace([...at, 'state'], connector, ['spec', 'state']);
  const pause = connector.take(['spec', 'pause']);
  if (pause === true) {
    if (state !== undefined && state !== 'paused') {
      ctx.problems.push(
        connector.problem(
          ['spec', 'pause'],
          `true while spec.state is ${JSON.stringify(
            state,
          )}; keep spec.state alone (pause is deprecated)`,
        ),
      );
    }
    state ??= 'paused';
    ctx.trace([...at, 'state'], connector, ['spec', 'pause']);
    ctx.notes.push(
      `${connector.where(['spec', 'pause'])}: carried over as state: paused`,
    );
  }
  return Object.fromEntries(
    Object.entries({ name, class: cls, tasksMax, config, state }).filter(
      ([, v]) => v !== undefined,
    ),
  );
}

/** The file's KafkaConnectors of this cluster → `connectors`. */
export function importConnectors(ctx: ImportContext, namespace: unknown) {
  const counter = { rewritten: 0 };
  const result: Record<string, unknown>[] = [];
  for (const connector of ctx.connectors) {
    const clusterPath = ['metadata', 'labels', 'strimzi.io/cluster'];
    const cluster = connector.take(clusterPath);
    if (cluster !== ctx.name) {
      // Not this cluster's: reported, and nothing else of it is read.
      ctx.used.add(connector);
      connector.mark([]);
      ctx.problems.push(
        connector.problem(
          clusterPath,
          cluster === undefined
            ? `missing: a KafkaConnector belongs to the KafkaConnect its strimzi.io/cluster label names; label it ${ctx.name}, or remove it from the file`
            : `belongs to KafkaConnect ${String(cluster)}, not ${
                ctx.name
              }; import one cluster per file`,
        ),
      );
      continue;
    }
    ctx.used.add(connector);
    const ns = connector.take(['metadata', 'namespace']);
    if (ns !== undefined && namespace !== undefined && ns !== namespace) {
      ctx.problems.push(
        connector.problem(
          ['metadata', 'namespace'],
          `is not the cluster's namespace (${String(
            namespace,
          )}); Strimzi only reads KafkaConnectors of the KafkaConnect's own namespace`,
        ),
      );
    }
    result.push(importConnector(ctx, connector, result.length, counter));
  }
  return { connectors: result, rewritten: counter.rewritten };
}
