import { renderManifests } from '@connect-skeleton/plugin-kafka-connect-common';
import { failWithProblems } from '../badValues';
import { ExitCode } from '../errors';
import { Io } from '../io';
import { readAllowedValues, ValuesArgs } from '../policedValues';

/** `manifests`: the YAML stream on stdout; problems on stderr so a pipe never gets half a stream. */
export async function manifestsCommand(
  args: ValuesArgs,
  io: Io,
): Promise<number> {
  const read = await readAllowedValues(args, io.cwd);
  const result = read.ok ? renderManifests(read.values) : read;
  if (!result.ok) return failWithProblems(io, result.problems);
  const stream = result.value;
  io.stdout.write(
    stream.endsWith('\n') || stream === '' ? stream : `${stream}\n`,
  );
  return ExitCode.ok;
}
