import {
  BuildOptionsRule,
  KANIKO_ONLY,
  KANIKO_ONLY_0_45,
  KANIKO_OR_BUILDAH,
} from './buildOptions';

/**
 * What each supported Strimzi release accepts for a Kafka Connect cluster.
 * Read off the release's KafkaConnect CRD and kafka-versions.yaml; the CRD tests in
 * test/ hold these facts against the real CRDs.
 */

export type StrimziApiVersion =
  | 'kafka.strimzi.io/v1beta2'
  | 'kafka.strimzi.io/v1';

export type VolumeType =
  | 'secret'
  | 'configMap'
  | 'emptyDir'
  | 'persistentVolumeClaim'
  | 'csi'
  | 'image';

export type AuthenticationType =
  | 'tls'
  | 'scram-sha-256'
  | 'scram-sha-512'
  | 'plain'
  | 'oauth'
  | 'custom';

export type MetricsType = 'jmxPrometheusExporter' | 'strimziMetricsReporter';

export interface StrimziRelease {
  version: string;
  apiVersion: StrimziApiVersion;
  kafkaVersions: readonly string[];
  defaultKafkaVersion: string;
  volumeTypes: readonly VolumeType[];
  authenticationTypes: readonly AuthenticationType[];
  metricsTypes: readonly MetricsType[];
  /**
   * Up to 0.48 the CRD takes emptyDir.sizeLimit as fabric8's Quantity object
   * ({amount, format}); from 0.49 as the usual Kubernetes quantity string.
   */
  sizeLimitAsObject: boolean;
  /** Strimzi's build: the output field for extra builder options and what it admits. */
  buildOptions: BuildOptionsRule;
}

const BASE_VOLUMES: readonly VolumeType[] = [
  'secret',
  'configMap',
  'emptyDir',
  'persistentVolumeClaim',
  'csi',
];
const WITH_IMAGE_VOLUMES: readonly VolumeType[] = [...BASE_VOLUMES, 'image'];

const SASL_AND_TLS: readonly AuthenticationType[] = [
  'tls',
  'scram-sha-256',
  'scram-sha-512',
  'plain',
];
const V1BETA2_AUTH: readonly AuthenticationType[] = [...SASL_AND_TLS, 'oauth'];
const V1BETA2_AUTH_CUSTOM: readonly AuthenticationType[] = [
  ...V1BETA2_AUTH,
  'custom',
];
// The v1 API dropped the built-in oauth type; `custom` carries OAuth from 1.0.0 on.
const V1_AUTH: readonly AuthenticationType[] = [...SASL_AND_TLS, 'custom'];

const JMX_ONLY: readonly MetricsType[] = ['jmxPrometheusExporter'];
const JMX_AND_REPORTER: readonly MetricsType[] = [
  'jmxPrometheusExporter',
  'strimziMetricsReporter',
];

const V1BETA2: StrimziApiVersion = 'kafka.strimzi.io/v1beta2';
const V1: StrimziApiVersion = 'kafka.strimzi.io/v1';

/** Oldest first. The last entry is the newest supported release and the default. */
export const STRIMZI_RELEASES: readonly StrimziRelease[] = [
  {
    version: '0.45.0',
    apiVersion: V1BETA2,
    kafkaVersions: ['3.8.0', '3.8.1', '3.9.0'],
    defaultKafkaVersion: '3.9.0',
    volumeTypes: BASE_VOLUMES,
    authenticationTypes: V1BETA2_AUTH,
    sizeLimitAsObject: true,
    metricsTypes: JMX_ONLY,
    buildOptions: KANIKO_ONLY_0_45,
  },
  {
    version: '0.46.0',
    apiVersion: V1BETA2,
    kafkaVersions: ['3.9.0', '4.0.0'],
    defaultKafkaVersion: '4.0.0',
    volumeTypes: BASE_VOLUMES,
    authenticationTypes: V1BETA2_AUTH,
    sizeLimitAsObject: true,
    metricsTypes: JMX_ONLY,
    buildOptions: KANIKO_ONLY,
  },
  {
    version: '0.47.0',
    apiVersion: V1BETA2,
    kafkaVersions: ['3.9.0', '3.9.1', '4.0.0'],
    defaultKafkaVersion: '4.0.0',
    volumeTypes: WITH_IMAGE_VOLUMES,
    authenticationTypes: V1BETA2_AUTH,
    sizeLimitAsObject: true,
    metricsTypes: JMX_ONLY,
    buildOptions: KANIKO_ONLY,
  },
  {
    version: '0.48.0',
    apiVersion: V1BETA2,
    kafkaVersions: ['4.0.0', '4.1.0'],
    defaultKafkaVersion: '4.1.0',
    volumeTypes: WITH_IMAGE_VOLUMES,
    authenticationTypes: V1BETA2_AUTH_CUSTOM,
    sizeLimitAsObject: true,
    metricsTypes: JMX_AND_REPORTER,
    buildOptions: KANIKO_ONLY,
  },
  {
    version: '0.49.0',
    apiVersion: V1BETA2,
    kafkaVersions: ['4.0.0', '4.0.1', '4.1.0', '4.1.1'],
    defaultKafkaVersion: '4.1.1',
    volumeTypes: WITH_IMAGE_VOLUMES,
    authenticationTypes: V1BETA2_AUTH_CUSTOM,
    sizeLimitAsObject: false,
    metricsTypes: JMX_AND_REPORTER,
    buildOptions: KANIKO_OR_BUILDAH,
  },
  {
    version: '0.51.0',
    apiVersion: V1BETA2,
    kafkaVersions: ['4.1.0', '4.1.1', '4.2.0'],
    defaultKafkaVersion: '4.2.0',
    volumeTypes: WITH_IMAGE_VOLUMES,
    authenticationTypes: V1BETA2_AUTH_CUSTOM,
    sizeLimitAsObject: false,
    metricsTypes: JMX_AND_REPORTER,
    buildOptions: KANIKO_OR_BUILDAH,
  },
  {
    version: '1.0.0',
    apiVersion: V1,
    kafkaVersions: ['4.1.0', '4.1.1', '4.1.2', '4.2.0'],
    defaultKafkaVersion: '4.2.0',
    volumeTypes: WITH_IMAGE_VOLUMES,
    authenticationTypes: V1_AUTH,
    sizeLimitAsObject: false,
    metricsTypes: JMX_AND_REPORTER,
    buildOptions: KANIKO_OR_BUILDAH,
  },
  {
    version: '1.2.0',
    apiVersion: V1,
    kafkaVersions: ['4.2.0', '4.2.1', '4.3.0', '4.3.1'],
    defaultKafkaVersion: '4.3.1',
    volumeTypes: WITH_IMAGE_VOLUMES,
    authenticationTypes: V1_AUTH,
    sizeLimitAsObject: false,
    metricsTypes: JMX_AND_REPORTER,
    buildOptions: KANIKO_OR_BUILDAH,
  },
];

export const SUPPORTED_STRIMZI_VERSIONS: readonly string[] =
  STRIMZI_RELEASES.map(r => r.version);

export const NEWEST_STRIMZI_VERSION =
  STRIMZI_RELEASES[STRIMZI_RELEASES.length - 1].version;

export function findRelease(version: string): StrimziRelease | undefined {
  return STRIMZI_RELEASES.find(r => r.version === version);
}

/** The first release that allows a volume type, for messages like "from 0.47.0". */
export function firstReleaseWith<T>(
  pick: (release: StrimziRelease) => readonly T[],
  item: unknown,
): string | undefined {
  return STRIMZI_RELEASES.find(r => pick(r).some(known => known === item))
    ?.version;
}

/** Strimzi publishes one Kafka image per operator release and Kafka version. */
export function strimziBaseImage(strimziVersion: string, kafkaVersion: string) {
  return `quay.io/strimzi/kafka:${strimziVersion}-kafka-${kafkaVersion}`;
}
