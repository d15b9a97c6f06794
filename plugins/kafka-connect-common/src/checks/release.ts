import { problem, Problem } from '../problems';
import { firstReleaseWith, StrimziRelease } from '../strimzi/releases';
import { ParsedValues } from '../values/schema';
import { VOLUME_SOURCE_NAMES } from '../values/volumes';

/** Settings that exist only in some Strimzi releases. */
export function checkRelease(
  values: ParsedValues,
  release: StrimziRelease,
): Problem[] {
  const problems: Problem[] = [];
  const strimzi = `Strimzi ${release.version}`;

  const kafkaVersion = values.kafka.version;
  if (kafkaVersion !== undefined && !release.kafkaVersions.includes(kafkaVersion)) {
    problems.push(
      problem(
        ['kafka', 'version'],
        `Kafka ${kafkaVersion} is not supported by ${strimzi}; choose one of ${release.kafkaVersions.join(', ')} (or leave it out for ${release.defaultKafkaVersion})`,
      ),
    );
  }

  const auth = values.kafka.authentication;
  if (auth && !release.authenticationTypes.includes(auth.type)) {
    const since = firstReleaseWith(r => r.authenticationTypes, auth.type);
    const message =
      auth.type === 'oauth'
        ? `${strimzi} serves only the kafka.strimzi.io/v1 API, which has no "oauth" type; use type "custom" with the OAuth SASL settings in config, or choose Strimzi 0.51.0 or older`
        : `authentication type "${auth.type}" needs Strimzi ${since} or newer; ${strimzi} allows ${release.authenticationTypes.join(', ')}`;
    problems.push(problem(['kafka', 'authentication', 'type'], message));
  }

  values.volumes.forEach((volume, index) => {
    for (const source of VOLUME_SOURCE_NAMES) {
      if (volume[source] === undefined || release.volumeTypes.includes(source)) {
        continue;
      }
      const since = firstReleaseWith(r => r.volumeTypes, source);
      problems.push(
        problem(
          ['volumes', index, source],
          `"${source}" volumes need Strimzi ${since} or newer; ${strimzi} allows ${release.volumeTypes.join(', ')}`,
        ),
      );
    }
  });

  if (values.metrics.enabled && !release.metricsTypes.includes(values.metrics.type)) {
    const since = firstReleaseWith(r => r.metricsTypes, values.metrics.type);
    problems.push(
      problem(
        ['metrics', 'type'],
        `"${values.metrics.type}" needs Strimzi ${since} or newer; use jmxPrometheusExporter with ${strimzi}`,
      ),
    );
  }
  return problems;
}
