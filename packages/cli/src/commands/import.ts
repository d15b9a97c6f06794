import {
  Checksums,
  importCluster,
  importedValuesYaml,
  parseChecksums,
  Problem,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { ImportArgs } from '../args';
import { failWithProblems } from '../badValues';
import { ExitCode } from '../errors';
import { Io, writeLines } from '../io';
import { parseManifests } from '../manifestFile';
import { readTextFile } from '../textFile';

/**
 * `import`: the values on stdout and nothing else; what the import did (notes) and what
 * stops it (problems, each naming the original's field) on stderr.
 */
export async function importCommand(args: ImportArgs, io: Io): Promise<number> {
  // Both files are read first, so an unreadable one is reported before anything else.
  const text = await readTextFile(args.from, io.cwd, 'file');
  const checksumsText =
    args.checksums === undefined
      ? undefined
      : await readTextFile(args.checksums, io.cwd, 'checksums file');

  const problems: Problem[] = [];
  let checksums: Checksums | undefined;
  if (checksumsText !== undefined) {
    const parsed = parseChecksums(checksumsText, args.checksums!);
    problems.push(...parsed.problems);
    checksums = parsed.checksums;
  }
  const manifests = parseManifests(text, args.from);
  if (!manifests.ok) problems.push(...manifests.problems);
  if (!manifests.ok || problems.length > 0) {
    return failWithProblems(io, problems);
  }

  const result = importCluster(manifests.documents, {
    owner: args.owner,
    namespace: args.namespace,
    strimzi: args.strimzi,
    checksums,
  });
  writeLines(
    io.stderr,
    result.notes.map(note => `note: ${note}`),
  );
  if (!result.ok) return failWithProblems(io, result.problems);
  io.stdout.write(importedValuesYaml(result.values));
  return ExitCode.ok;
}
