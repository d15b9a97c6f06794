import { DiffArgs } from '../args';
import { findClusterFolders } from '../clusterFolders';
import { ExitCode } from '../errors';
import { forEachFolder } from '../fleet/fleetPool';
import { DiffOutcome } from '../fleet/folderWork';
import { Io, writeLines } from '../io';

/**
 * `diff PATH...`: renders every cluster folder again from its own connect-cluster.yaml, in its
 * own layout, and prints what would change as a unified diff (paths as the caller sees them).
 * Exit 0 when nothing would, 4 when something would, 1 when a folder's values have problems.
 * Folder by folder in order, whether or not they were spread over threads.
 */
export async function diffCommand(args: DiffArgs, io: Io): Promise<number> {
  const folders = await findClusterFolders(args.paths, io.cwd);
  let differs = false;
  let bad = false;
  await forEachFolder({ kind: 'diff' }, folders, io.threads ?? 1, outcome => {
    const { problems, diff } = outcome as DiffOutcome;
    if (problems.length > 0) {
      bad = true;
      writeLines(io.stderr, problems);
    }
    if (diff) {
      differs = true;
      io.stdout.write(diff);
    }
  });
  if (bad) return ExitCode.badValues;
  return differs ? ExitCode.differences : ExitCode.ok;
}
