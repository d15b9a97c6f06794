import {
  fileChanges,
  renderSkeleton,
  unifiedDiff,
} from '@internal/plugin-kafka-connect-common';
import { DiffArgs } from '../args';
import { findClusterFolders } from '../clusterFolders';
import { asFileSet, folderProblem, loadCluster } from '../clusterRender';
import { ExitCode } from '../errors';
import { Io, writeLines } from '../io';

/**
 * `diff PATH...`: renders every cluster folder again from its own connect-cluster.yaml, in its
 * own layout, and prints what would change as a unified diff (paths as the caller sees them).
 * Exit 0 when nothing would, 4 when something would, 1 when a folder's values have problems.
 */
export async function diffCommand(args: DiffArgs, io: Io): Promise<number> {
  const folders = await findClusterFolders(args.paths, io.cwd);
  let differs = false;
  let bad = false;
  for (const folder of folders) {
    const cluster = await loadCluster(folder);
    const rendered = cluster.values.ok
      ? renderSkeleton(cluster.values.values, { layout: cluster.layout })
      : cluster.values;
    if (!rendered.ok) {
      bad = true;
      writeLines(
        io.stderr,
        rendered.problems.map(p => folderProblem(folder, p)),
      );
      continue;
    }
    const next = asFileSet(rendered.value);
    const changes = fileChanges(cluster.files, next);
    for (const file of [
      ...changes.changed,
      ...changes.added,
      ...changes.removed,
    ].sort()) {
      differs = true;
      io.stdout.write(
        unifiedDiff(
          `${folder.shown}/${file}`,
          cluster.files.get(file),
          next.get(file),
        ),
      );
    }
  }
  if (bad) return ExitCode.badValues;
  return differs ? ExitCode.differences : ExitCode.ok;
}
