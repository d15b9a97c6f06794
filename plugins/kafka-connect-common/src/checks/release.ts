import { problem, Problem } from '../problems';
import {
  findRelease,
  firstReleaseWith,
  NEWEST_STRIMZI_VERSION,
  RELEASE_FACTS,
  STRIMZI_APIS,
  StrimziApi,
  StrimziRelease,
} from '../strimzi/releases';
import { VOLUME_SOURCE_NAMES } from '../values/volumes';

/**
 * The few fields whose validity depends on the Strimzi release, read defensively from
 * values that may not have passed the schema yet: so a wrong Kafka version is reported
 * in the same list as every other problem, not only once the rest is fixed.
 */
export interface ReleaseDependentFields {
  strimzi: { apiVersion?: unknown };
  kafka: { version?: unknown; authentication?: { type?: unknown } };
  volumes: Array<Record<string, unknown>>;
  metrics: { enabled: boolean; type: unknown };
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

const isApi = (value: unknown): value is StrimziApi =>
  STRIMZI_APIS.some(api => api === value);

/**
 * The release the values name (the newest when none) with the API version they choose,
 * or the release's default API when they choose none or one it does not serve (that is
 * reported by checkRelease); undefined for an unknown release.
 */
export function releaseOf(
  values: Record<string, unknown>,
): StrimziRelease | undefined {
  const strimzi = asObject(values.strimzi);
  const version = strimzi.version ?? NEWEST_STRIMZI_VERSION;
  if (typeof version !== 'string') return undefined;
  const api = strimzi.apiVersion;
  return (isApi(api) && findRelease(version, api)) || findRelease(version);
}

export function releaseDependentFields(
  values: Record<string, unknown>,
): ReleaseDependentFields {
  const kafka = asObject(values.kafka);
  const metrics = asObject(values.metrics);
  return {
    strimzi: { apiVersion: asObject(values.strimzi).apiVersion },
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

  // Other strings are the schema's to report; here only "not served by this release".
  const api = values.strimzi.apiVersion;
  if (isApi(api) && !release.servedApis.includes(api)) {
    problems.push(
      problem(
        ['strimzi', 'apiVersion'],
        `${strimzi} serves only ${release.servedApis.join(' and ')}; set ${
          release.defaultApi
        } or leave it out (${api} is served by Strimzi ${releasesServing(
          api,
        )})`,
      ),
    );
  }

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
        ? noOauthMessage(release)
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

/** "0.45.0 to 0.51.0": the releases that serve an API version (a contiguous range). */
function releasesServing(api: StrimziApi): string {
  const serving = RELEASE_FACTS.filter(r => r.apis[api]).map(r => r.version);
  return serving.length > 1
    ? `${serving[0]} to ${serving[serving.length - 1]}`
    : serving.join('');
}

/** The v1 API has no built-in oauth type: say how to get OAuth all the same. */
function noOauthMessage(release: StrimziRelease): string {
  const custom = 'use type "custom" with the OAuth SASL settings in config';
  const withOauth = RELEASE_FACTS.filter(r =>
    r.apis.v1beta2?.authenticationTypes.includes('oauth'),
  );
  const lastWithOauth = withOauth[withOauth.length - 1]?.version;
  if (release.api === 'v1' && release.servedApis.includes('v1beta2')) {
    return `the kafka.strimzi.io/v1 API (strimzi.apiVersion v1) has no "oauth" type; ${custom}, or set strimzi.apiVersion to v1beta2`;
  }
  return `Strimzi ${release.version} serves only the kafka.strimzi.io/v1 API, which has no "oauth" type; ${custom}, or choose Strimzi ${lastWithOauth} or older`;
}
