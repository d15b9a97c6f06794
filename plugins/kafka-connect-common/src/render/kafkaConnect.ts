import { StrimziRelease } from '../strimzi/releases';
import { compact, nonEmpty } from '../util/compact';
import { NormalisedValues } from '../values/normalise';
import { ConnectImage } from './image';
import { jvmOptions } from './jvmOptions';
import { objectMeta } from './labels';
import { metricsConfig } from './metrics';
import { connectTemplate } from './podTemplate';
import { workerConfig } from './workerConfig';

export function kafkaConnect(
  values: NormalisedValues,
  release: StrimziRelease,
  image: ConnectImage,
) {
  const apiIsV1 = release.apiVersion === 'kafka.strimzi.io/v1';
  const { connect, kafka } = values;
  const meta = objectMeta(values, values.name);
  const metadata = {
    ...meta,
    // The renderer's own labels win; checks/metadata.ts refuses them in values.labels.
    labels: { ...values.labels, ...meta.labels },
    annotations: {
      ...values.annotations,
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
    tracing: values.tracing,
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
