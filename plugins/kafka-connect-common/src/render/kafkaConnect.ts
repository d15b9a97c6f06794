import { TRUSTSTORE_PASSWORD, TRUSTSTORE_PATH } from '../dockerfile';
import { StrimziRelease } from '../strimzi/releases';
import { compact, nonEmpty } from '../util/compact';
import { NormalisedValues } from '../values/normalise';
import { ConnectImage } from './image';
import { objectMeta } from './labels';
import { metricsConfig } from './metrics';
import { connectTemplate } from './podTemplate';
import { workerConfig } from './workerConfig';

/** The Dockerfile's truststore becomes the JVM default, so every connector trusts the bundles. */
function jvmOptions(values: NormalisedValues) {
  const certificates = values.truststore?.certificates ?? [];
  if (certificates.length === 0 || values.image.build !== 'dockerfile') {
    return values.jvmOptions;
  }
  const given = values.jvmOptions?.javaSystemProperties ?? [];
  const truststoreProperties = [
    { name: 'javax.net.ssl.trustStore', value: TRUSTSTORE_PATH },
    { name: 'javax.net.ssl.trustStorePassword', value: TRUSTSTORE_PASSWORD },
    { name: 'javax.net.ssl.trustStoreType', value: 'JKS' },
  ].filter(p => !given.some(g => g.name === p.name));
  return {
    ...values.jvmOptions,
    javaSystemProperties: [...given, ...truststoreProperties],
  };
}

export function kafkaConnect(
  values: NormalisedValues,
  release: StrimziRelease,
  image: ConnectImage,
) {
  const apiIsV1 = release.apiVersion === 'kafka.strimzi.io/v1';
  const { connect, kafka } = values;
  const metadata = {
    ...objectMeta(values, values.name),
    annotations: {
      'strimzi.io/use-connector-resources': String(
        connect.useConnectorResources,
      ),
    },
  };
  const spec = compact({
    version: kafka.version,
    replicas: values.replicas,
    bootstrapServers: kafka.bootstrapServers,
    groupId: apiIsV1 ? connect.groupId : undefined,
    configStorageTopic: apiIsV1 ? connect.configStorageTopic : undefined,
    statusStorageTopic: apiIsV1 ? connect.statusStorageTopic : undefined,
    offsetStorageTopic: apiIsV1 ? connect.offsetStorageTopic : undefined,
    image: image.reference,
    tls: nonEmpty(kafka.tls?.trustedCertificates)
      ? { trustedCertificates: kafka.tls!.trustedCertificates }
      : undefined,
    authentication: kafka.authentication,
    config: workerConfig(values, apiIsV1),
    resources: values.resources,
    jvmOptions: jvmOptions(values),
    logging: values.logging,
    rack: values.rack,
    metricsConfig: metricsConfig(values),
    build: image.build,
    template: nonEmpty(connectTemplate(values, release)),
  });
  return {
    apiVersion: release.apiVersion,
    kind: 'KafkaConnect',
    metadata,
    spec,
  };
}
