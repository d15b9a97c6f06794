import {
  fileChanges,
  RenderedFile,
  renderValid,
  unifiedDiff,
  upgradeValues,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { ClusterFolder } from '../clusterFolders';
import {
  asFileSet,
  folderProblem,
  loadCluster,
  readCluster,
  renderAgain,
} from '../clusterRender';

/** What a fleet command does with each folder. */
export type FleetJob = { kind: 'diff' } | { kind: 'upgrade'; to: string };

/** `diff` of one folder: its problems (stderr lines) or its unified diff ('' when none). */
export interface DiffOutcome {
  problems: string[];
  diff: string;
}

/** A folder `upgrade` replaces: its new files, and which of them keep their text. */
export interface FolderWrite {
  folder: ClusterFolder;
  files: RenderedFile[];
  unchanged: string[];
}

/** `upgrade` of one folder, planned in memory: its problems, or its lines and its write. */
export type UpgradeOutcome =
  | { ok: false; problems: string[] }
  | {
      ok: true;
      /** `clusters/a: Strimzi 0.45.0 (v1beta2) → 1.2.0 (v1), 6 files change` */
      line: string;
      notes: string[];
      operatorSteps: string[];
      /** Absent when no file changes: the folder is left alone. */
      write?: FolderWrite;
    };

export type FolderOutcome = DiffOutcome | UpgradeOutcome;

function diffFolder(folder: ClusterFolder): DiffOutcome {
  const cluster = readCluster(folder);
  const rendered = renderAgain(cluster);
  if (!rendered.ok) {
    return {
      problems: rendered.problems.map(p => folderProblem(folder, p)),
      diff: '',
    };
  }
  const next = asFileSet(rendered.value);
  const changes = fileChanges(cluster.files, next);
  const diff = [...changes.changed, ...changes.added, ...changes.removed]
    .sort()
    .map(file =>
      unifiedDiff(
        `${folder.shown}/${file}`,
        cluster.files.get(file),
        next.get(file),
      ),
    )
    .join('');
  return { problems: [], diff };
}

function planUpgrade(folder: ClusterFolder, to: string): UpgradeOutcome {
  const cluster = loadCluster(folder);
  const upgraded = cluster.values.ok
    ? upgradeValues(cluster.values.values, to)
    : cluster.values;
  if (!upgraded.ok) {
    return {
      ok: false,
      problems: upgraded.problems.map(p => folderProblem(folder, p)),
    };
  }
  const { values, from, to: release, notes } = upgraded.value;
  // upgradeValues has checked and normalised the new values: render them as they are.
  const files = renderValid({ values, release }, cluster.layout).files;
  const changes = fileChanges(cluster.files, asFileSet(files));
  const count =
    changes.added.length + changes.changed.length + changes.removed.length;
  const summary =
    from.version === release.version && from.api === release.api
      ? `Strimzi ${release.version}`
      : `Strimzi ${from.version} (${from.api}) → ${release.version} (${release.api})`;
  return {
    ok: true,
    line: `${folder.shown}: ${summary}, ${
      count === 0 ? 'no file changes' : `${count} files change`
    }`,
    notes: count === 0 ? [] : notes,
    operatorSteps: count === 0 ? [] : upgraded.value.operatorSteps,
    write:
      count === 0
        ? undefined
        : {
            folder,
            files,
            unchanged: files
              .filter(f => cluster.files.get(f.path) === f.content)
              .map(f => f.path),
          },
  };
}

/**
 * The work on one folder of a fleet command, the same in the main thread and in a worker
 * (fleetPool.ts): a folder in, its outcome out, nothing written.
 */
export function folderOutcome(
  job: FleetJob,
  folder: ClusterFolder,
): FolderOutcome {
  return job.kind === 'diff' ? diffFolder(folder) : planUpgrade(folder, job.to);
}
