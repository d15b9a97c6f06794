import {
  fileChanges,
  RenderedFile,
  renderValid,
  unifiedDiff,
  upgradeValues,
} from '@internal/plugin-kafka-connect-common';
import { ClusterFolder } from '../clusterFolders';
import {
  asFileSet,
  folderProblem,
  loadCluster,
  readCluster,
  renderAgain,
} from '../clusterRender';
import { writeOutput } from '../writeOutput';

/** What a fleet command does with each folder. */
export type FleetJob = { kind: 'diff' } | { kind: 'upgrade'; to: string };

/** `diff` of one folder: its problems (stderr lines) or its unified diff ('' when none). */
export interface DiffOutcome {
  problems: string[];
  diff: string;
}

/** `upgrade` of one folder, planned in memory: its problems, or its lines for stdout. */
export type UpgradeOutcome =
  | { ok: false; problems: string[] }
  | {
      ok: true;
      /** `clusters/a: Strimzi 0.45.0 (v1beta2) → 1.2.0 (v1), 6 files change` */
      line: string;
      notes: string[];
      operatorSteps: string[];
      changed: boolean;
    };

export type FolderOutcome = DiffOutcome | UpgradeOutcome;

/** Enough to keep the file system busy; few enough not to run out of file handles. */
const WRITES_AT_ONCE = 16;

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

/** A folder's work threw: which folder (for the first in folder order), and what. */
export class FolderFailure {
  constructor(readonly index: number, readonly error: unknown) {}
}

/**
 * The work on each folder of a fleet command, the same in the main thread and in a worker
 * (fleetPool.ts): one folder in, its outcome out. An upgrade keeps the files of each folder
 * that changes until `writeChanged`, which runs only when no folder had a problem.
 */
export class FolderWork {
  private readonly changed = new Map<
    number,
    {
      folder: ClusterFolder;
      files: RenderedFile[];
      previous: ReadonlyMap<string, string>;
    }
  >();
  private stopped = false;

  constructor(private readonly job: FleetJob) {}

  run(folder: ClusterFolder, index: number): FolderOutcome {
    return this.job.kind === 'diff'
      ? diffFolder(folder)
      : this.planUpgrade(folder, index, this.job.to);
  }

  private planUpgrade(
    folder: ClusterFolder,
    index: number,
    to: string,
  ): UpgradeOutcome {
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
    if (count > 0) {
      this.changed.set(index, { folder, files, previous: cluster.files });
    }
    return {
      ok: true,
      line: `${folder.shown}: ${summary}, ${
        count === 0 ? 'no file changes' : `${count} files change`
      }`,
      notes: count === 0 ? [] : notes,
      operatorSteps: count === 0 ? [] : upgraded.value.operatorSteps,
      changed: count > 0,
    };
  }

  /** No folder is started after this (a write failed elsewhere); those under way finish. */
  stop(): void {
    this.stopped = true;
  }

  /**
   * Replaces every folder whose files change, as `render` replaces its output folder, a few
   * at a time in folder order; the first failure (in folder order) is thrown with its index.
   */
  async writeChanged(cwd: string): Promise<void> {
    const planned = [...this.changed].sort(([a], [b]) => a - b);
    for (let i = 0; i < planned.length && !this.stopped; i += WRITES_AT_ONCE) {
      const batch = planned.slice(i, i + WRITES_AT_ONCE);
      const failures = await Promise.all(
        batch.map(([index, { folder, files, previous }]) =>
          writeOutput(folder.dir, folder.shown, files, cwd, previous).then(
            () => undefined,
            (error: unknown) => new FolderFailure(index, error),
          ),
        ),
      );
      const failed = failures.find(f => f !== undefined);
      if (failed) throw failed;
    }
  }
}
