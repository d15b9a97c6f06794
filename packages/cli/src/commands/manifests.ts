import {
  formatProblem,
  renderManifests,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { ExitCode } from '../errors';
import { Io, writeLines } from '../io';
import { readValuesFile } from '../valuesFile';

/** `manifests`: the YAML stream on stdout; problems on stderr so a pipe never gets half a stream. */
export async function manifestsCommand(
  args: { values: string },
  io: Io,
): Promise<number> {
  const read = await readValuesFile(args.values, io.cwd);
  const result = read.ok
    ? renderManifests(read.values)
    : { ok: false as const, problems: read.problems };
  if (!result.ok) {
    writeLines(io.stderr, result.problems.map(formatProblem));
    return ExitCode.badValues;
  }
  const stream = result.value;
  io.stdout.write(
    stream.endsWith('\n') || stream === '' ? stream : `${stream}\n`,
  );
  return ExitCode.ok;
}
