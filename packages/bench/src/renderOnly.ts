/**
 * npm run bench:render: the two render figures alone (render.ts), in a process that holds
 * the renderer only, cold first as in the whole bench. `--loop N` renders the widest
 * cluster N times and times nothing: a fixed amount of work for an instruction counter
 * (valgrind --tool=callgrind), whose counts do not move with the machine's load.
 */
import { machine } from './machine';
import { renderLoop, renderMany, renderOne } from './render';
import { round } from './stats';

const USAGE = 'usage: npm run -s bench:render [-- --loop N]\n';

export async function main(args: string[]): Promise<number> {
  if (args.length === 2 && args[0] === '--loop') {
    const count = Number(args[1]);
    if (!Number.isInteger(count) || count < 0) {
      process.stderr.write(USAGE);
      return 2;
    }
    renderLoop(count);
    return 0;
  }
  if (args.length) {
    process.stderr.write(USAGE);
    return 2;
  }
  const host = machine();
  process.stderr.write(
    `bench: ${host.cores} cores, ${host.cpu}, Node ${host.node}, load ${host.loadAverage[0]}\n`,
  );
  const many = renderMany(1000);
  const one = renderOne(2000, 200);
  process.stdout.write(
    `${JSON.stringify({
      render1000Ms: round(many.render1000Ms),
      renderOneMedianMs: round(one.renderOneMedianMs),
      renderOneP99Ms: round(one.renderOneP99Ms),
      renderOneFromYamlMedianMs: round(one.renderOneFromYamlMedianMs),
      renderOneExampleMedianMs: round(one.renderOneExampleMedianMs),
      machine: host,
    })}\n`,
  );
  return 0;
}
