import { round } from './stats';

/** Every figure `npm run bench` prints; the JSON line carries them under these keys. */
export interface Figures {
  renderOneMedianMs: number;
  renderOneP99Ms: number;
  renderOneFromYamlMedianMs: number;
  renderOneExampleMedianMs: number;
  render1000Ms: number;
  importWidestMedianMs: number;
  fleetDiff1000Ms: number;
  fleetDiff1000CpuMs: number;
  fleetUpgrade1000Ms: number;
  fleetUpgrade1000CpuMs: number;
  previewKeystrokeMedianMs: number;
  previewKeystrokeP95Ms: number;
  previewKeystrokeCpuP95Ms: number;
  renderActionMedianMs: number;
  fetchTemplateMedianMs: number;
  renderVsFetchTemplate: number;
  taskMedianMs: number;
  taskP95Ms: number;
  sqliteOneReplicaTasksPerMin: number;
  postgresOneReplicaTasksPerMin: number;
  postgresTwoReplicasTasksPerMin: number;
  backendRssWithoutMb: number;
  backendRssWithMb: number;
  backendExtraRssMb: number;
  backendExtraHeapMb: number;
  imageBuildSeedS: number;
  freshAppCreateS: number;
  freshAppInstallS: number;
  packagesInstallS: number;
  freshAppBackendStartS: number;
  freshAppFrontendReadyS: number;
}

interface Row {
  label: string;
  value: number;
  unit: string;
  /** Met when the value is at most this; rows without one are context. */
  target?: number;
}

function rows(f: Figures): Row[] {
  return [
    {
      label: 'render + validate, one cluster, median',
      value: f.renderOneMedianMs,
      unit: 'ms',
      target: 2,
    },
    {
      label: 'render + validate, one cluster, p99',
      value: f.renderOneP99Ms,
      unit: 'ms',
    },
    {
      label: 'the same from connect-cluster.yaml text, median',
      value: f.renderOneFromYamlMedianMs,
      unit: 'ms',
    },
    {
      label: 'the example cluster (orders-cdc.yaml), median',
      value: f.renderOneExampleMedianMs,
      unit: 'ms',
    },
    {
      label: '1,000 clusters in one process',
      value: f.render1000Ms,
      unit: 'ms',
      target: 2000,
    },
    {
      label: 'import of the widest cluster, median',
      value: f.importWidestMedianMs,
      unit: 'ms',
    },
    {
      label: 'connect-skeleton diff, 1,000 cluster folders',
      value: f.fleetDiff1000Ms,
      unit: 'ms',
      target: 10000,
    },
    {
      label: 'the same, CPU time (user + system)',
      value: f.fleetDiff1000CpuMs,
      unit: 'ms',
    },
    {
      label: 'connect-skeleton upgrade, 1,000 folders',
      value: f.fleetUpgrade1000Ms,
      unit: 'ms',
      target: 10000,
    },
    {
      label: 'the same, CPU time (user + system)',
      value: f.fleetUpgrade1000CpuMs,
      unit: 'ms',
    },
    {
      label: 'keystroke to updated preview, median',
      value: f.previewKeystrokeMedianMs,
      unit: 'ms',
    },
    {
      label: 'keystroke to updated preview, p95',
      value: f.previewKeystrokeP95Ms,
      unit: 'ms',
      target: 50,
    },
    {
      label: 'keystroke to updated preview, CPU time, p95',
      value: f.previewKeystrokeCpuP95Ms,
      unit: 'ms',
    },
    {
      label: 'kafka-connect:render action, median',
      value: f.renderActionMedianMs,
      unit: 'ms',
    },
    {
      label: 'fetch:template, same skeleton, median',
      value: f.fetchTemplateMedianMs,
      unit: 'ms',
    },
    {
      label: 'render action / fetch:template',
      value: f.renderVsFetchTemplate,
      unit: 'x',
      target: 1,
    },
    {
      label: 'template task end to end, median',
      value: f.taskMedianMs,
      unit: 'ms',
      target: 1500,
    },
    { label: 'template task end to end, p95', value: f.taskP95Ms, unit: 'ms' },
    {
      label: 'task throughput, one replica on SQLite',
      value: f.sqliteOneReplicaTasksPerMin,
      unit: 'tasks/min',
    },
    {
      label: 'task throughput, one replica on PostgreSQL',
      value: f.postgresOneReplicaTasksPerMin,
      unit: 'tasks/min',
    },
    {
      label: 'task throughput, two replicas on PostgreSQL',
      value: f.postgresTwoReplicasTasksPerMin,
      unit: 'tasks/min',
    },
    {
      label: 'backend RSS without the module',
      value: f.backendRssWithoutMb,
      unit: 'MB',
    },
    {
      label: 'backend RSS with the module',
      value: f.backendRssWithMb,
      unit: 'MB',
    },
    {
      label: 'backend extra RSS of the module',
      value: f.backendExtraRssMb,
      unit: 'MB',
      target: 30,
    },
    {
      label: 'backend extra V8 heap of the module',
      value: f.backendExtraHeapMb,
      unit: 'MB',
    },
    {
      label: 'image build, seed-shaped cluster (warm base)',
      value: f.imageBuildSeedS,
      unit: 's',
    },
    {
      label: 'fresh create-app app: create-app',
      value: f.freshAppCreateS,
      unit: 's',
    },
    {
      label: 'fresh create-app app: its yarn install',
      value: f.freshAppInstallS,
      unit: 's',
    },
    {
      label: 'the packages installed into it (yarn add)',
      value: f.packagesInstallS,
      unit: 's',
    },
    {
      label: 'its backend with the module, start',
      value: f.freshAppBackendStartS,
      unit: 's',
    },
    {
      label: 'its frontend (dev server), ready',
      value: f.freshAppFrontendReadyS,
      unit: 's',
    },
  ];
}

/** The figures rounded for printing, so that the output carries no false precision. */
export function rounded(f: Figures): Figures {
  return Object.fromEntries(
    Object.entries(f).map(([key, value]) => [key, round(value)]),
  ) as unknown as Figures;
}

/** A plain table: each figure, its target and PASS or MISS. */
export function table(f: Figures): string {
  const lines = rows(rounded(f)).map(row => {
    const value = `${row.value} ${row.unit}`;
    const target =
      row.target === undefined ? '' : `<= ${row.target} ${row.unit}`;
    let verdict = '';
    if (row.target !== undefined)
      verdict = row.value <= row.target ? 'PASS' : 'MISS';
    return `${row.label.padEnd(48)} ${value.padStart(12)}  ${target.padEnd(
      12,
    )} ${verdict}`.trimEnd();
  });
  return lines.join('\n');
}
