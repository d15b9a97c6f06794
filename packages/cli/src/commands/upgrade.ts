import {
  fileChanges,
  renderSkeleton,
  RenderedFile,
  upgradeValues,
} from '@internal/plugin-kafka-connect-common';
import { UpgradeArgs } from '../args';
import { findClusterFolders } from '../clusterFolders';
import {
  asFileSet,
  folderProblem,
  LoadedCluster,
  loadCluster,
} from '../clusterRender';
import { ExitCode } from '../errors';
import { Io, writeLines } from '../io';
import { writeOutput } from '../writeOutput';

/** Enough to keep the file system busy; few enough not to run out of file handles. */
const WRITES_AT_ONCE = 16;

interface Planned {
  cluster: LoadedCluster;
  files: RenderedFile[];
  changed: boolean;
  line: string;
  notes: string[];
}

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
  const planned: Planned[] = [];
  const problems: string[] = [];
  const operatorSteps: string[] = [];
  for (const folder of folders) {
    const cluster = await loadCluster(folder);
    const upgraded = cluster.values.ok
      ? upgradeValues(cluster.values.values, args.to)
      : cluster.values;
    if (!upgraded.ok) {
      problems.push(...upgraded.problems.map(p => folderProblem(folder, p)));
      continue;
    }
    const { values, from, to, notes } = upgraded.value;
    const rendered = renderSkeleton(values, { layout: cluster.layout });
    if (!rendered.ok) {
      problems.push(...rendered.problems.map(p => folderProblem(folder, p)));
      continue;
    }
    const changes = fileChanges(cluster.files, asFileSet(rendered.value));
    const count =
      changes.added.length + changes.changed.length + changes.removed.length;
    const release =
      from.version === to.version && from.api === to.api
        ? `Strimzi ${to.version}`
        : `Strimzi ${from.version} (${from.api}) → ${to.version} (${to.api})`;
    planned.push({
      cluster,
      files: rendered.value,
      changed: count > 0,
      line: `${folder.shown}: ${release}, ${
        count === 0 ? 'no file changes' : `${count} files change`
      }`,
      notes: count === 0 ? [] : notes,
    });
    for (const step of upgraded.value.operatorSteps) {
      if (count > 0 && !operatorSteps.includes(step)) operatorSteps.push(step);
    }
  }
  if (problems.length > 0) {
    writeLines(io.stderr, problems);
    return ExitCode.badValues;
  }

  // Folders are written a few at a time: each write waits on the file system, not the CPU.
  const changedFolders = planned.filter(p => p.changed);
  for (let i = 0; i < changedFolders.length; i += WRITES_AT_ONCE) {
    await Promise.all(
      changedFolders
        .slice(i, i + WRITES_AT_ONCE)
        .map(({ cluster, files }) =>
          writeOutput(cluster.dir, cluster.shown, files, io.cwd),
        ),
    );
  }
  for (const { line, notes } of planned) {
    writeLines(io.stdout, [line, ...notes.map(note => `  - ${note}`)]);
  }
  if (operatorSteps.length > 0) {
    writeLines(io.stdout, [
      '',
      'Before this is merged, the Strimzi operator needs:',
      ...operatorSteps.map((step, i) => `${i + 1}. ${step}`),
    ]);
  }
  return ExitCode.ok;
}
