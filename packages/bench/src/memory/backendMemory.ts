import { fork } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts } from '@connect-skeleton/integration-tests/src/e2e/freePorts';
import { BACKEND_CHILD, BENCH_DIR } from '../paths';
import { median } from '../stats';
import { backendConfig } from './backendConfig';

const MB = 1024 * 1024;
const START_TIMEOUT_MS = 120_000;

/** What one backend process reports once settled, in bytes. */
interface Sample {
  rssBytes: number;
  heapUsedBytes: number;
}

/** Starts one backend process and returns its settled memory. */
async function backendSample(dir: string, withModule: boolean) {
  const [port] = await freePorts(1);
  const configFile = join(dir, `app-config-${port}.yaml`);
  // A path only: nothing is pushed, the module just needs the setting.
  await writeFile(configFile, backendConfig(port, join(dir, 'gitops.git')));
  const child = fork(
    BACKEND_CHILD,
    ['--config', configFile, ...(withModule ? ['--with-module'] : [])],
    {
      cwd: BENCH_DIR,
      execArgv: ['--expose-gc', '--import', 'tsx'],
      env: { ...process.env, BENCH_BACKEND_PORT: String(port) },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', chunk => {
    stderr = (stderr + chunk).slice(-4000);
  });
  return new Promise<Sample>((resolvePromise, reject) => {
    let sample: Sample | undefined;
    const timer = setTimeout(() => child.kill(), START_TIMEOUT_MS);
    child.on('message', (message: Sample) => {
      sample = message;
    });
    child.on('exit', code => {
      clearTimeout(timer);
      if (sample) resolvePromise(sample);
      else
        reject(
          new Error(
            `the backend (${
              withModule ? 'with' : 'without'
            } the module) exited ${code} before measuring:\n${stderr}`,
          ),
        );
    });
  });
}

/**
 * The backend's resident memory with and without the Kafka Connect module, each started
 * `runs` times in a fresh process, in turns; the medians and their difference. RSS moves by
 * tens of MB from one start to the next, hence the medians; the V8 heap in use after a full
 * collection is steady to a tenth of a MB and is given beside it.
 */
export async function backendMemory(runs: number) {
  const dir = await mkdtemp(join(tmpdir(), 'kafka-connect-bench-memory-'));
  try {
    const withModule: Sample[] = [];
    const without: Sample[] = [];
    // In turns, and each second turn the other way round, so that neither goes first always.
    for (let i = 0; i < runs; i++) {
      for (const module of i % 2 ? [true, false] : [false, true]) {
        const sample = await backendSample(dir, module);
        (module ? withModule : without).push(sample);
      }
    }
    const mb = (samples: Sample[], key: keyof Sample) =>
      median(samples.map(s => s[key])) / MB;
    const rssWith = mb(withModule, 'rssBytes');
    const rssWithout = mb(without, 'rssBytes');
    return {
      backendRssWithoutMb: rssWithout,
      backendRssWithMb: rssWith,
      backendExtraRssMb: rssWith - rssWithout,
      backendExtraHeapMb:
        mb(withModule, 'heapUsedBytes') - mb(without, 'heapUsedBytes'),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
