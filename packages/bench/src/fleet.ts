import { fullValues } from '@connect-skeleton/integration-tests/src/fixtures/fullValues';
import { renderSkeleton } from '@connect-skeleton/plugin-kafka-connect-common';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './paths';

/**
 * The fleet commands on `count` cluster folders, as a platform team runs them on a GitOps
 * repository: `connect-skeleton diff` (nothing differs) and `connect-skeleton upgrade --to
 * 1.2.0` on folders rendered for Strimzi 0.45.0, each the widest cluster 0.45.0 allows with
 * its own name (helm and kustomize layouts alternating). Each command is one process, timed
 * from start to exit, as CI would run it: Node's start and the TypeScript load included.
 */
const CLI = path.join(REPO_ROOT, 'packages/cli/bin/connect-skeleton');
/** Preloaded into the timed child: it reports the CPU time it used (childCpu.cjs). */
const CHILD_CPU = path.join(REPO_ROOT, 'packages/bench/src/childCpu.cjs');

interface CliRun {
  ms: number;
  /** User plus system CPU time of the child, every thread included. */
  cpuMs: number;
  code: number;
  stdout: string;
  stderr: string;
}

async function runCli(args: string[], cwd: string): Promise<CliRun> {
  const cpuFile = path.join(
    os.tmpdir(),
    `bench-cpu-${process.pid}-${Date.now()}.json`,
  );
  const start = performance.now();
  const run = await new Promise<Omit<CliRun, 'cpuMs'>>(resolve => {
    execFile(
      process.execPath,
      ['--require', CHILD_CPU, CLI, ...args],
      {
        cwd,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        env: { ...process.env, BENCH_CPU_FILE: cpuFile },
      },
      (error, stdout, stderr) => {
        const code =
          error && typeof (error as { code?: unknown }).code === 'number'
            ? ((error as { code: number }).code as number)
            : 0;
        resolve({ ms: performance.now() - start, code, stdout, stderr });
      },
    );
  });
  const cpu = JSON.parse(await fs.readFile(cpuFile, 'utf8'));
  await fs.rm(cpuFile, { force: true });
  return { ...run, cpuMs: (cpu.userCPUTime + cpu.systemCPUTime) / 1000 };
}

/** `count` cluster folders under `root`/clusters, as the fleet figures start from them. */
export async function writeFleet(root: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const name = `cluster-${String(i).padStart(4, '0')}`;
    const rendered = renderSkeleton(
      { ...fullValues('0.45.0'), name, environment: undefined },
      { layout: i % 2 === 0 ? 'helm' : 'kustomize' },
    );
    if (!rendered.ok) {
      throw new Error(
        `fleet values refused: ${JSON.stringify(rendered.problems)}`,
      );
    }
    const dir = path.join(root, 'clusters', name);
    for (const file of rendered.value) {
      const target = path.join(dir, ...file.path.split('/'));
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, file.content);
    }
  }
}

function expectExit(
  what: string,
  result: { code: number; stderr: string },
  code: number,
): void {
  if (result.code !== code) {
    throw new Error(
      `${what} exited ${result.code}, not ${code}: ${result.stderr.slice(
        0,
        2000,
      )}`,
    );
  }
}

/** The fleet figures on the `count` folders `writeFleet` left under `root` (which it changes). */
export async function measureFleet(root: string, count: number) {
  const diff = await runCli(['diff', 'clusters'], root);
  expectExit('diff of fresh renders', diff, 0);
  const upgrade = await runCli(['upgrade', '--to', '1.2.0', 'clusters'], root);
  expectExit('upgrade', upgrade, 0);
  const upgraded = upgrade.stdout
    .split('\n')
    .filter(line => line.includes('→ 1.2.0 (v1)')).length;
  if (upgraded !== count) {
    throw new Error(`upgrade moved ${upgraded} of ${count} folders`);
  }
  // The upgraded folders are what a render of their values gives: diff is clean again.
  expectExit(
    'diff after the upgrade',
    await runCli(['diff', 'clusters'], root),
    0,
  );
  return {
    fleetDiff1000Ms: diff.ms,
    fleetDiff1000CpuMs: diff.cpuMs,
    fleetUpgrade1000Ms: upgrade.ms,
    fleetUpgrade1000CpuMs: upgrade.cpuMs,
  };
}

export async function fleet(count: number) {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-fleet-'));
  try {
    await writeFleet(root, count);
    return await measureFleet(root, count);
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}
