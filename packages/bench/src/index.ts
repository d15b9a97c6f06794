/**
 * npm run bench: render, fetch:template, template task and backend memory figures for
 * this machine, as a table, or with --json as one JSON object on the last line.
 *
 * @packageDocumentation
 */
import { fleet } from './fleet';
import { importWidest } from './importCluster';
import { machine } from './machine';
import { renderMany, renderOne } from './render';
import { Figures, rounded, table } from './report';

/** How many runs each figure takes; fixed, so that two machines' figures compare. */
const RUNS = {
  renderOne: { runs: 2000, warmup: 200 },
  renderMany: 1000,
  importWidest: { runs: 1000, warmup: 100 },
  fleet: 1000,
  previewKeystroke: { runs: 200, warmup: 30 },
  // Per turn; the two actions take four turns each.
  actions: { runs: 25, warmup: 5 },
  task: { runs: 20, warmup: 3 },
  // Tasks sent at once to each configuration (one replica on SQLite, one and two on PostgreSQL).
  replicaTasks: 40,
  memory: 7,
};

/** Progress goes to stderr, so that stdout holds the figures only. */
const progress = (text: string) => process.stderr.write(`bench: ${text}\n`);

export async function main(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const unknown = args.filter(a => a !== '--json');
  if (unknown.length) {
    process.stderr.write(`usage: npm run -s bench [-- --json]\n`);
    return 2;
  }
  const host = machine();
  progress(`${host.cores} cores, ${host.cpu}, Node ${host.node}`);

  // Cold first: the 1,000 clusters are the first renders of this process.
  progress(`rendering ${RUNS.renderMany} clusters`);
  const many = renderMany(RUNS.renderMany);
  progress(`rendering one cluster ${RUNS.renderOne.runs} times`);
  const one = renderOne(RUNS.renderOne.runs, RUNS.renderOne.warmup);
  progress(`importing the widest cluster ${RUNS.importWidest.runs} times`);
  const imported = importWidest(
    RUNS.importWidest.runs,
    RUNS.importWidest.warmup,
  );
  progress(
    `connect-skeleton diff and upgrade over ${RUNS.fleet} cluster folders`,
  );
  const fleetFigures = await fleet(RUNS.fleet);
  // The scaffolder and the backend load only now: the render figures are those of a process
  // that holds the renderer alone, as the command line does.
  const { compareWithFetchTemplate } = await import('./fetchTemplate');
  const { templateTasks } = await import('./task');
  const { backendMemory } = await import('./memory/backendMemory');
  const { replicaThroughput } = await import('./replicaThroughput');
  progress('kafka-connect:render against fetch:template');
  const actions = await compareWithFetchTemplate(
    RUNS.actions.runs,
    RUNS.actions.warmup,
  );
  progress(`${RUNS.task.runs} template tasks through the scaffolder backend`);
  const task = await templateTasks(RUNS.task.runs, RUNS.task.warmup);
  progress(
    `task throughput: ${RUNS.replicaTasks} tasks on one replica on SQLite, one and two on PostgreSQL`,
  );
  const replicas = await replicaThroughput(RUNS.replicaTasks, progress);
  progress(`backend memory, ${RUNS.memory} starts with and without the module`);
  const memory = await backendMemory(RUNS.memory);
  const { seedImageBuild } = await import('./imageBuild');
  progress(
    'building the seed-shaped image with buildah (local artifacts, warm base)',
  );
  const image = await seedImageBuild();
  const { freshAppInstall } = await import('./freshAppInstall');
  progress(
    'a fresh create-app app: create, install, the packages added, its backend started',
  );
  const freshApp = await freshAppInstall();
  // The form's preview in a DOM (jsdom, React, Material UI) comes last: jsdom's globals
  // (document, location) make the backend's package-path lookups resolve against
  // http://localhost/ in the same process.
  progress(
    `typing into the preview page of the widest cluster ${RUNS.previewKeystroke.runs} times`,
  );
  const { previewKeystroke } = await import('./previewKeystroke');
  const keystroke = await previewKeystroke(
    RUNS.previewKeystroke.runs,
    RUNS.previewKeystroke.warmup,
  );

  const figures: Figures = {
    ...one,
    ...many,
    ...imported,
    ...fleetFigures,
    ...keystroke,
    ...actions,
    renderVsFetchTemplate:
      actions.renderActionMedianMs / actions.fetchTemplateMedianMs,
    ...task,
    ...replicas,
    ...memory,
    ...image,
    ...freshApp,
  };
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ ...rounded(figures), machine: host })}\n`,
    );
  } else {
    process.stdout.write(
      `Kafka Connect skeleton benchmark: ${host.cores} cores (${host.cpu}), Node ${host.node}, ${host.platform}\n` +
        `load average before the run: ${host.loadAverage.join(
          ' ',
        )} (whether the machine was otherwise idle is not known)\n\n` +
        `${table(figures)}\n`,
    );
  }
  return 0;
}
