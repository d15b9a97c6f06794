import { usesLog4j1 } from '../checks/logging';
import { compareVersions } from '../checks/versions';
import { problem, Problem } from '../problems';
import {
  findRelease,
  StrimziRelease,
  SUPPORTED_STRIMZI_VERSIONS,
} from '../strimzi/releases';
import { NormalisedValues } from '../values/normalise';
import { parseValues } from '../values/parse';
import {
  clusterIdentity,
  identityProblems,
  pinnedConnectFields,
} from './identity';
import { operatorUpgradeSteps } from './operatorSteps';

/** A cluster's values carried over to a newer Strimzi release. */
export interface Upgrade {
  /** The values for the new release, normalised: what connect-cluster.yaml will hold. */
  values: NormalisedValues;
  from: StrimziRelease;
  to: StrimziRelease;
  /** What the upgrade changed in the values besides the release, in words. */
  notes: string[];
  /** What the operator needs before the change is applied, in order (operatorSteps.ts). */
  operatorSteps: string[];
}

export type UpgradeResult =
  | { ok: true; value: Upgrade }
  | { ok: false; problems: Problem[] };

/**
 * Carries valid values over to Strimzi `to` (an API version too, or the newest the release
 * serves only when the current one is gone). The cluster's identity is kept exactly: the
 * group and the storage topics are written out as they are today. What the new release no
 * longer runs is moved to what it does, with a note: a Kafka version it does not run becomes
 * its default; a log4j 1 logger value with appenders (`DEBUG, stdout`) keeps its level once
 * Kafka logs through log4j 2. What has no automatic way over (the `oauth` type on the v1 API)
 * is a problem naming the field and the fix. Never a downgrade.
 */
export function upgradeValues(
  input: unknown,
  to: string,
  options: { apiVersion?: 'v1beta2' | 'v1' } = {},
): UpgradeResult {
  const current = parseValues(input);
  if (!current.ok) {
    return {
      ok: false,
      problems: current.problems.map(p => ({
        path: p.path,
        message: `${p.message} (fix the current values first: upgrade carries over valid values only)`,
      })),
    };
  }
  const { values: before, release: from } = current.value;
  const target = findRelease(to);
  if (!target) {
    return fail(
      ['strimzi', 'version'],
      `Strimzi ${to} is not a supported release; choose one of ${SUPPORTED_STRIMZI_VERSIONS.join(
        ', ',
      )}`,
    );
  }
  if (compareVersions(to, from.version) < 0) {
    return fail(
      ['strimzi', 'version'],
      `the cluster is on Strimzi ${from.version}, newer than ${to}: upgrade never goes back to an older release`,
    );
  }
  const api =
    options.apiVersion ??
    (target.servedApis.includes(from.api) ? from.api : target.defaultApi);
  const release = findRelease(to, api);
  if (!release) {
    return fail(
      ['strimzi', 'apiVersion'],
      `Strimzi ${to} serves only ${target.servedApis.join(
        ' and ',
      )}, not ${api}`,
    );
  }

  const notes: string[] = [];
  if (release.api !== from.api) {
    notes.push(
      `strimzi.apiVersion: ${from.api} → ${release.api} (Strimzi ${to} ${
        release.servedApis.length === 1
          ? `serves only ${release.api}`
          : `is asked for ${release.api}`
      }); the group and the storage topics become spec fields of the KafkaConnect, unchanged`,
    );
  }
  let kafkaVersion = before.kafka.version;
  if (!release.kafkaVersions.includes(kafkaVersion)) {
    kafkaVersion = release.defaultKafkaVersion;
    notes.push(
      `kafka.version: ${
        before.kafka.version
      } → ${kafkaVersion} (Strimzi ${to} runs ${release.kafkaVersions.join(
        ', ',
      )}; ${kafkaVersion} is its default)`,
    );
  }
  const logging = loggingFor(before, kafkaVersion, notes);
  // A base image of its own is the team's (a mirror, say): kept, but named when it is the
  // Kafka image of the old release, which the new operator's image would replace.
  const base = before.image?.base;
  if (base && base.includes(`:${from.version}-kafka-`)) {
    notes.push(
      `image.base "${base}" is the Kafka image of Strimzi ${from.version}, kept as it is: point it at the image of Strimzi ${release.version} with Kafka ${kafkaVersion} (quay.io/strimzi/kafka:${release.version}-kafka-${kafkaVersion}, or your mirror of it)`,
    );
  }

  const upgraded = {
    ...before,
    strimzi: { version: release.version, apiVersion: release.api },
    kafka: { ...before.kafka, version: kafkaVersion },
    connect: {
      ...before.connect,
      ...pinnedConnectFields(clusterIdentity(before)),
    },
    ...(logging ? { logging } : {}),
  };
  const parsed = parseValues(upgraded);
  if (!parsed.ok) {
    return {
      ok: false,
      problems: parsed.problems.map(p => ({
        path: p.path,
        message: `${p.message} (on the way to Strimzi ${to})`,
      })),
    };
  }
  // Defensive: nothing above touches the identity, and this says so out loud if it ever does.
  const moved = identityProblems(
    clusterIdentity(before),
    clusterIdentity(parsed.value.values),
  );
  if (moved.length > 0) return { ok: false, problems: moved };
  return {
    ok: true,
    value: {
      values: parsed.value.values,
      from,
      to: parsed.value.release,
      notes,
      operatorSteps: operatorUpgradeSteps(from, parsed.value.release),
    },
  };
}

function fail(path: (string | number)[], message: string): UpgradeResult {
  return { ok: false, problems: [problem(path, message)] };
}

/**
 * Kafka 4 logs through log4j 2, which takes a logger's level alone: a log4j 1 value with
 * appenders keeps its level (the part log4j 2 can apply), and a note names what was left.
 */
function loggingFor(
  before: NormalisedValues,
  kafkaVersion: string,
  notes: string[],
): NormalisedValues['logging'] | undefined {
  const logging = before.logging;
  if (logging?.type !== 'inline' || usesLog4j1(kafkaVersion)) return undefined;
  const loggers: Record<string, string> = {};
  for (const [logger, value] of Object.entries(logging.loggers)) {
    const [level, ...appenders] = value.split(',').map(part => part.trim());
    loggers[logger] = appenders.length > 0 ? level : value;
    if (appenders.length > 0) {
      notes.push(
        `logging.loggers["${logger}"]: "${value}" → "${level}" (Kafka ${kafkaVersion} logs through log4j 2, which takes the level alone; the appenders ${appenders.join(
          ', ',
        )} were log4j 1's)`,
      );
    }
  }
  return { ...logging, loggers };
}
