import { Problem } from '../problems';
import { StrimziRelease } from '../strimzi/releases';
import { NormalisedValues } from '../values/normalise';
import { parseValues } from '../values/parse';
import { compareVersions } from '../checks/versions';
import { clusterIdentity, identityProblems } from './identity';
import { mergeChanges } from './mergeChanges';
import { operatorUpgradeSteps } from './operatorSteps';
import { upgradeValues } from './upgrade';
import { describeValueChange, valueChanges } from './valueChanges';

/** What a person asks of a cluster that exists: changed fields, a newer release, or both. */
export interface ChangeRequest {
  /** The fields to change, as a merge patch (mergeChanges.ts); none: keep the values. */
  changes?: unknown;
  /** A newer Strimzi release to carry the values over to (upgrade.ts). */
  upgradeTo?: string;
  /** Let the group and the storage topics change: only when a person says so. */
  allowIdentityChange?: boolean;
}

export interface ChangedCluster {
  /** The values as they are, normalised (undefined when they do not pass today's checks). */
  before?: NormalisedValues;
  /** The values after the change, normalised: what connect-cluster.yaml will hold. */
  values: NormalisedValues;
  release: StrimziRelease;
  /** Every field that differs, in words (`replicas: 1 → 3`). */
  changes: string[];
  /** What the upgrade changed besides the release, in words. */
  notes: string[];
  /** What the Strimzi operator needs first, in order; empty without an upgrade. */
  operatorSteps: string[];
}

export type ChangeResult =
  | { ok: true; value: ChangedCluster }
  | { ok: false; problems: Problem[] };

/**
 * A change to the values of a cluster that exists (`current`: connect-cluster.yaml as read).
 * The changes are merged onto today's values with every default written out (so the group
 * and the topics stay what they are even if the name would derive others), then the upgrade
 * runs, then the identity is compared with today's: a group or topic that would change is a
 * problem unless `allowIdentityChange`; a name or namespace that would change always is.
 */
export function changeCluster(
  current: unknown,
  request: ChangeRequest,
): ChangeResult {
  const parsedBefore = parseValues(current);
  const before = parsedBefore.ok ? parsedBefore.value.values : undefined;
  // Broken values today can still be fixed by the change: merge onto them as they are.
  let next: unknown = mergeChanges(before ?? current, request.changes ?? {});
  let notes: string[] = [];
  if (request.upgradeTo) {
    const upgraded = upgradeValues(next, request.upgradeTo);
    if (!upgraded.ok) return upgraded;
    next = upgraded.value.values;
    notes = upgraded.value.notes;
  }

  const parsed = parseValues(next);
  if (!parsed.ok) return parsed;
  const { values, release } = parsed.value;
  // From the release the cluster runs today, whether the upgrade or the changes moved it.
  const from = parsedBefore.ok ? parsedBefore.value.release : undefined;
  const operatorSteps =
    from && compareVersions(release.version, from.version) >= 0
      ? operatorUpgradeSteps(from, release)
      : [];
  const moved = identityProblems(
    clusterIdentity(before ?? current),
    clusterIdentity(values),
    { allowConnectChange: request.allowIdentityChange },
  );
  if (moved.length > 0) return { ok: false, problems: moved };
  return {
    ok: true,
    value: {
      before,
      values,
      release,
      changes: valueChanges(before ?? current, values).map(describeValueChange),
      notes,
      operatorSteps,
    },
  };
}
