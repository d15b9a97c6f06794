import { UpgradeArgs } from '../args';
import { findClusterFolders } from '../clusterFolders';
import { ExitCode } from '../errors';
import { forEachFolder } from '../fleet/fleetPool';
import { FolderWrite, UpgradeOutcome } from '../fleet/folderWork';
import { Io, writeLines } from '../io';
import { writeOutputSync } from '../writeOutput';

/**
 * `upgrade --to VERSION PATH...`: every cluster folder's values carried over to the release
 * (identity kept exactly), rendered again in the folder's own layout, all in memory first.
 * Any problem in any folder: every problem printed, nothing written, exit 1 (a fleet upgrade
 * is one reviewed change, not a half-done one). Otherwise each folder whose files change is
 * replaced as `render` replaces its output folder, and stdout says, folder by folder, what
 * changed and what the operator needs first: the text for the pull request.
 */
export async function upgradeCommand(
  args: UpgradeArgs,
  io: Io,
): Promise<number> {
  const folders = await findClusterFolders(args.paths, io.cwd);
  const lines: string[] = [];
  const problems: string[] = [];
  const operatorSteps: string[] = [];
  const writes: FolderWrite[] = [];
  await forEachFolder(
    { kind: 'upgrade', to: args.to },
    folders,
    io.threads ?? 1,
    outcome => {
      const planned = outcome as UpgradeOutcome;
      if (!planned.ok) {
        problems.push(...planned.problems);
        return;
      }
      lines.push(planned.line, ...planned.notes.map(note => `  - ${note}`));
      for (const step of planned.operatorSteps) {
        if (!operatorSteps.includes(step)) operatorSteps.push(step);
      }
      if (planned.write) writes.push(planned.write);
    },
  );
  if (problems.length > 0) {
    writeLines(io.stderr, problems);
    return ExitCode.badValues;
  }
  // One folder after another, in folder order: the first that cannot be replaced stops it.
  for (const { folder, files, unchanged } of writes) {
    writeOutputSync(
      folder.dir,
      folder.shown,
      files,
      io.cwd,
      new Set(unchanged),
    );
  }
  writeLines(io.stdout, lines);
  if (operatorSteps.length > 0) {
    writeLines(io.stdout, [
      '',
      'Before this is merged, the Strimzi operator needs:',
      ...operatorSteps.map((step, i) => `${i + 1}. ${step}`),
    ]);
  }
  return ExitCode.ok;
}
