import { fullValues } from '@internal/integration-tests/src/fixtures/fullValues';
import { renderSkeleton } from '@internal/plugin-kafka-connect-common';
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

function runCli(
  args: string[],
  cwd: string,
): Promise<{ ms: number; code: number; stdout: string; stderr: string }> {
  const start = performance.now();
  return new Promise(resolve => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code =
          error && typeof (error as { code?: unknown }).code === 'number'
            ? ((error as { code: number }).code as number)
            : 0;
        resolve({ ms: performance.now() - start, code, stdout, stderr });
      },
    );
  });
}

async function writeFleet(root: string, count: number): Promise<void> {
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

export async function fleet(count: number) {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-fleet-'));
  try {
    await writeFleet(root, count);
    const diff = await runCli(['diff', 'clusters'], root);
    expectExit('diff of fresh renders', diff, 0);
    const upgrade = await runCli(
      ['upgrade', '--to', '1.2.0', 'clusters'],
      root,
    );
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
    return { fleetDiff1000Ms: diff.ms, fleetUpgrade1000Ms: upgrade.ms };
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}
