/**
 * npm run bench:fleet: the fleet figures alone (fleet.ts), several times, with their medians.
 * The 1,000 folders are written once and copied for each run, so a run costs the three
 * commands and a copy. Wall time moves with the machine's load; CPU time (user + system,
 * every thread of the command) moves less, so both are printed.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { measureFleet, writeFleet } from './fleet';
import { machine } from './machine';
import { median, round } from './stats';

const USAGE = 'usage: npm run -s bench:fleet [-- --runs N] [--count N]\n';

/** `--runs N` and `--count N`, each at most once; undefined for anything else. */
function parseOptions(
  args: string[],
): { runs: number; count: number } | undefined {
  const options: Record<string, number> = { '--runs': 5, '--count': 1000 };
  const seen = new Set<string>();
  for (let i = 0; i < args.length; i += 2) {
    const [name, text] = [args[i], args[i + 1]];
    const value = Number(text);
    if (!(name in options) || seen.has(name)) return undefined;
    if (!Number.isInteger(value) || value < 1) return undefined;
    seen.add(name);
    options[name] = value;
  }
  return { runs: options['--runs'], count: options['--count'] };
}

const seconds = (ms: number) => `${round(ms / 1000)} s`;

export async function main(args: string[]): Promise<number> {
  const options = parseOptions(args);
  if (!options) {
    process.stderr.write(USAGE);
    return 2;
  }
  const { runs, count } = options;
  const host = machine();
  process.stderr.write(
    `bench: ${host.cores} cores, ${host.cpu}, Node ${host.node}; writing ${count} cluster folders\n`,
  );
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-fleet-'));
  try {
    const source = path.join(root, 'source');
    await writeFleet(source, count);
    const samples: Awaited<ReturnType<typeof measureFleet>>[] = [];
    for (let i = 0; i < runs; i++) {
      const work = path.join(root, `run-${i}`);
      await fs.cp(source, work, { recursive: true });
      const load = os.loadavg()[0].toFixed(1);
      const figures = await measureFleet(work, count);
      await fs.rm(work, { recursive: true, force: true });
      samples.push(figures);
      process.stdout.write(
        `run ${i + 1}/${runs} (load ${load}): diff ${seconds(
          figures.fleetDiff1000Ms,
        )} (CPU ${seconds(figures.fleetDiff1000CpuMs)}), upgrade ${seconds(
          figures.fleetUpgrade1000Ms,
        )} (CPU ${seconds(figures.fleetUpgrade1000CpuMs)})\n`,
      );
    }
    const mid = (key: keyof (typeof samples)[number]) =>
      seconds(median(samples.map(s => s[key])));
    process.stdout.write(
      `median of ${runs}: diff ${mid('fleetDiff1000Ms')} (CPU ${mid(
        'fleetDiff1000CpuMs',
      )}), upgrade ${mid('fleetUpgrade1000Ms')} (CPU ${mid(
        'fleetUpgrade1000CpuMs',
      )})\n`,
    );
    return 0;
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}
