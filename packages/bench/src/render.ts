import { renderCluster } from '@connect-skeleton/plugin-kafka-connect-common';
import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { REPO_ROOT } from './paths';
import { percentile, median } from './stats';
import { sampleSync } from './timing';
import { benchValues } from './values';

/**
 * Render plus validate as the render action and the form's preview do it: the values are
 * parsed against the schema, every check runs, and every file of the skeleton is rendered.
 */
function render(values: unknown): void {
  const rendered = renderCluster(values);
  if (!rendered.ok) {
    throw new Error(
      `the bench values are refused: ${JSON.stringify(rendered.problems)}`,
    );
  }
}

export const EXAMPLE_VALUES = 'examples/values/orders-cdc.yaml';

/** One cluster, rendered `runs` times after `warmup` unmeasured runs. */
export function renderOne(runs: number, warmup: number) {
  const values = benchValues();
  const text = stringify(values);
  const durations = sampleSync(runs, warmup, () => render(values));
  // The command line reads connect-cluster.yaml first: the same with the YAML parse.
  const withYaml = sampleSync(runs, warmup, () => render(parse(text)));
  // A cluster as teams write them (the README's example), for comparison with the widest.
  const example = parse(
    fs.readFileSync(path.join(REPO_ROOT, EXAMPLE_VALUES), 'utf8'),
  );
  const exampleDurations = sampleSync(runs, warmup, () => render(example));
  return {
    renderOneMedianMs: median(durations),
    renderOneP99Ms: percentile(durations, 99),
    renderOneFromYamlMedianMs: median(withYaml),
    renderOneExampleMedianMs: median(exampleDurations),
  };
}

/** The widest cluster rendered `count` times, untimed: work for an instruction counter. */
export function renderLoop(count: number): void {
  const values = benchValues();
  for (let i = 0; i < count; i++) render(values);
}

/**
 * `count` distinct clusters (own name, replicas and connector names) one after another,
 * timed as a whole. Run it before anything else warms the renderer up: it is the figure of
 * a process that renders many clusters from cold, as a batch re-render of a repository would.
 */
export function renderMany(count: number) {
  const clusters = Array.from({ length: count }, (_, i) => {
    const values = benchValues(`cluster-${String(i).padStart(4, '0')}`);
    const connectors = values.connectors as { name: string }[];
    return {
      ...values,
      replicas: 1 + (i % 5),
      connectors: connectors.map(c => ({ ...c, name: `${c.name}-${i}` })),
    };
  });
  const start = performance.now();
  for (const values of clusters) render(values);
  return { render1000Ms: performance.now() - start };
}
