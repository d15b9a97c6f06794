import { problem, Problem } from '../problems';
import {
  findRelease,
  firstReleaseWith,
  NEWEST_STRIMZI_VERSION,
  StrimziRelease,
} from '../strimzi/releases';
import { VOLUME_SOURCE_NAMES } from '../values/volumes';

/**
 * The few fields whose validity depends on the Strimzi release, read defensively from
 * values that may not have passed the schema yet: so a wrong Kafka version is reported
 * in the same list as every other problem, not only once the rest is fixed.
 */
export interface ReleaseDependentFields {
  kafka: { version?: unknown; authentication?: { type?: unknown } };
  volumes: Array<Record<string, unknown>>;
  metrics: { enabled: boolean; type: unknown };
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** The release the values name (the newest when none), or undefined for an unknown one. */
export function releaseOf(
  values: Record<string, unknown>,
): StrimziRelease | undefined {
  const version = asObject(values.strimzi).version ?? NEWEST_STRIMZI_VERSION;
  return typeof version === 'string' ? findRelease(version) : undefined;
}

export function releaseDependentFields(
  values: Record<string, unknown>,
): ReleaseDependentFields {
  const kafka = asObject(values.kafka);
  const metrics = asObject(values.metrics);
  return {
    kafka: {
      version: kafka.version,
      authentication: asObject(kafka.authentication),
    },
    volumes: Array.isArray(values.volumes) ? values.volumes.map(asObject) : [],
    metrics: {
      enabled: metrics.enabled !== false,
      type: metrics.type ?? 'jmxPrometheusExporter',
    },
  };
}

/** Settings that exist only in some Strimzi releases. */
export function checkRelease(
  values: ReleaseDependentFields,
  release: StrimziRelease,
): Problem[] {
  const problems: Problem[] = [];
  const strimzi = `Strimzi ${release.version}`;

  const kafkaVersion = values.kafka.version;
  if (
    typeof kafkaVersion === 'string' &&
    !release.kafkaVersions.includes(kafkaVersion)
  ) {
    problems.push(
      problem(
        ['kafka', 'version'],
        `Kafka ${kafkaVersion} is not supported by ${strimzi}; choose one of ${release.kafkaVersions.join(
          ', ',
        )} (or leave it out for ${release.defaultKafkaVersion})`,
      ),
    );
  }

  // Names no release knows are the schema's to report; here only "not in this release".
  const authType = values.kafka.authentication?.type;
  const authSince = firstReleaseWith(r => r.authenticationTypes, authType);
  if (authSince && !release.authenticationTypes.some(t => t === authType)) {
    const message =
      authType === 'oauth'
        ? `${strimzi} serves only the kafka.strimzi.io/v1 API, which has no "oauth" type; use type "custom" with the OAuth SASL settings in config, or choose Strimzi 0.51.0 or older`
        : `authentication type "${authType}" needs Strimzi ${authSince} or newer; ${strimzi} allows ${release.authenticationTypes.join(
            ', ',
          )}`;
    problems.push(problem(['kafka', 'authentication', 'type'], message));
  }

  values.volumes.forEach((volume, index) => {
    for (const source of VOLUME_SOURCE_NAMES) {
      if (
        volume[source] === undefined ||
        release.volumeTypes.includes(source)
      ) {
        continue;
      }
      const since = firstReleaseWith(r => r.volumeTypes, source);
      problems.push(
        problem(
          ['volumes', index, source],
          `"${source}" volumes need Strimzi ${since} or newer; ${strimzi} allows ${release.volumeTypes.join(
            ', ',
          )}`,
        ),
      );
    }
  });

  const metricsType = values.metrics.type;
  const metricsSince = firstReleaseWith(r => r.metricsTypes, metricsType);
  if (
    values.metrics.enabled &&
    metricsSince &&
    !release.metricsTypes.some(t => t === metricsType)
  ) {
    const since = metricsSince;
    problems.push(
      problem(
        ['metrics', 'type'],
        `"${metricsType}" needs Strimzi ${since} or newer; use jmxPrometheusExporter with ${strimzi}`,
      ),
    );
  }
  return problems;
}
