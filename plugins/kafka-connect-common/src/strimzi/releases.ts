import {
  BuildOptionsRule,
  KANIKO_ONLY,
  KANIKO_ONLY_0_45,
  KANIKO_OR_BUILDAH,
} from './buildOptions';

/**
 * What each supported Strimzi release accepts for a Kafka Connect cluster.
 * Read off the release's KafkaConnect CRD and kafka-versions.yaml (the entries with
 * `supported: true`); the release-facts check in test/src/releases/ compares these facts
 * with every release folder of the Strimzi reference data and names each difference.
 */

/** The API version of the Strimzi resources, as connect-cluster.yaml names it. */
export type StrimziApi = 'v1beta2' | 'v1';

/** Oldest first. */
export const STRIMZI_APIS: readonly StrimziApi[] = ['v1beta2', 'v1'];

export type StrimziApiVersion = `kafka.strimzi.io/${StrimziApi}`;

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

/** Where the two API versions of one release's KafkaConnect CRD differ. */
export interface ApiFacts {
  authenticationTypes: readonly AuthenticationType[];
}

/** One release as its CRDs and kafka-versions.yaml describe it. */
export interface ReleaseFacts {
  version: string;
  /** Every API version the CRDs serve, with what differs between them. */
  apis: Readonly<Partial<Record<StrimziApi, ApiFacts>>>;
  /** What the renderer writes when the values name no API version. */
  defaultApi: StrimziApi;
  kafkaVersions: readonly string[];
  defaultKafkaVersion: string;
  volumeTypes: readonly VolumeType[];
  metricsTypes: readonly MetricsType[];
  /**
   * Up to 0.48 the CRD takes emptyDir.sizeLimit as fabric8's Quantity object
   * ({amount, format}); from 0.49 as the usual Kubernetes quantity string.
   */
  sizeLimitAsObject: boolean;
  /** Strimzi's build: the output field for extra builder options and what it admits. */
  buildOptions: BuildOptionsRule;
}

/** A release as the renderer uses it: its facts, with one of its API versions chosen. */
export interface StrimziRelease
  extends Omit<ReleaseFacts, 'apis' | 'defaultApi'>,
    ApiFacts {
  /** The API version the objects are written in. */
  api: StrimziApi;
  apiVersion: StrimziApiVersion;
  /** Every API version the release serves, oldest first. */
  servedApis: readonly StrimziApi[];
  defaultApi: StrimziApi;
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

const V1BETA2: ApiFacts = {
  authenticationTypes: [...SASL_AND_TLS, 'oauth'],
};
const V1BETA2_CUSTOM_AUTH: ApiFacts = {
  ...V1BETA2,
  authenticationTypes: [...V1BETA2.authenticationTypes, 'custom'],
};
// The v1 API dropped the built-in oauth type (`custom` carries OAuth) in every release
// that serves it. The builder options field follows the release, not the API (buildOptions.ts).
const V1: ApiFacts = {
  authenticationTypes: [...SASL_AND_TLS, 'custom'],
};

const JMX_ONLY: readonly MetricsType[] = ['jmxPrometheusExporter'];
const JMX_AND_REPORTER: readonly MetricsType[] = [
  'jmxPrometheusExporter',
  'strimziMetricsReporter',
];

/** From 0.49.0 on: image volumes, the metrics reporter, sizeLimit as a string, Buildah too. */
const FROM_0_49: Pick<
  ReleaseFacts,
  'volumeTypes' | 'metricsTypes' | 'sizeLimitAsObject' | 'buildOptions'
> = {
  volumeTypes: WITH_IMAGE_VOLUMES,
  metricsTypes: JMX_AND_REPORTER,
  sizeLimitAsObject: false,
  buildOptions: KANIKO_OR_BUILDAH,
};

/** 0.49.0 to 0.51.0 serve both API versions; v1beta2 stays the default. */
const DUAL_APIS: Pick<ReleaseFacts, 'apis' | 'defaultApi'> = {
  apis: { v1beta2: V1BETA2_CUSTOM_AUTH, v1: V1 },
  defaultApi: 'v1beta2',
};

/** From 1.0.0 on only v1 is served. */
const V1_ONLY: Pick<ReleaseFacts, 'apis' | 'defaultApi'> = {
  apis: { v1: V1 },
  defaultApi: 'v1',
};

/** Oldest first. The last entry is the newest supported release and the default. */
export const RELEASE_FACTS: readonly ReleaseFacts[] = [
  {
    version: '0.45.0',
    apis: { v1beta2: V1BETA2 },
    defaultApi: 'v1beta2',
    kafkaVersions: ['3.8.0', '3.8.1', '3.9.0'],
    defaultKafkaVersion: '3.9.0',
    volumeTypes: BASE_VOLUMES,
    metricsTypes: JMX_ONLY,
    sizeLimitAsObject: true,
    buildOptions: KANIKO_ONLY_0_45,
  },
  {
    version: '0.46.0',
    apis: { v1beta2: V1BETA2 },
    defaultApi: 'v1beta2',
    kafkaVersions: ['3.9.0', '4.0.0'],
    defaultKafkaVersion: '4.0.0',
    volumeTypes: BASE_VOLUMES,
    metricsTypes: JMX_ONLY,
    sizeLimitAsObject: true,
    buildOptions: KANIKO_ONLY,
  },
  {
    version: '0.47.0',
    apis: { v1beta2: V1BETA2 },
    defaultApi: 'v1beta2',
    kafkaVersions: ['3.9.0', '3.9.1', '4.0.0'],
    defaultKafkaVersion: '4.0.0',
    volumeTypes: WITH_IMAGE_VOLUMES,
    // The CRD's enum already names strimziMetricsReporter, but a CEL rule refuses it.
    metricsTypes: JMX_ONLY,
    sizeLimitAsObject: true,
    buildOptions: KANIKO_ONLY,
  },
  {
    version: '0.48.0',
    apis: { v1beta2: V1BETA2_CUSTOM_AUTH },
    defaultApi: 'v1beta2',
    kafkaVersions: ['4.0.0', '4.1.0'],
    defaultKafkaVersion: '4.1.0',
    volumeTypes: WITH_IMAGE_VOLUMES,
    metricsTypes: JMX_AND_REPORTER,
    sizeLimitAsObject: true,
    buildOptions: KANIKO_ONLY,
  },
  {
    version: '0.49.0',
    kafkaVersions: ['4.0.0', '4.0.1', '4.1.0', '4.1.1'],
    defaultKafkaVersion: '4.1.1',
    ...DUAL_APIS,
    ...FROM_0_49,
  },
  {
    version: '0.50.0',
    kafkaVersions: ['4.0.0', '4.0.1', '4.1.0', '4.1.1'],
    defaultKafkaVersion: '4.1.1',
    ...DUAL_APIS,
    ...FROM_0_49,
  },
  {
    version: '0.51.0',
    kafkaVersions: ['4.1.0', '4.1.1', '4.2.0'],
    defaultKafkaVersion: '4.2.0',
    ...DUAL_APIS,
    ...FROM_0_49,
  },
  {
    version: '1.0.0',
    kafkaVersions: ['4.1.0', '4.1.1', '4.1.2', '4.2.0'],
    defaultKafkaVersion: '4.2.0',
    ...V1_ONLY,
    ...FROM_0_49,
  },
  {
    version: '1.1.0',
    kafkaVersions: ['4.2.0', '4.2.1', '4.3.0'],
    defaultKafkaVersion: '4.3.0',
    ...V1_ONLY,
    ...FROM_0_49,
  },
  {
    version: '1.2.0',
    kafkaVersions: ['4.2.0', '4.2.1', '4.3.0', '4.3.1'],
    defaultKafkaVersion: '4.3.1',
    ...V1_ONLY,
    ...FROM_0_49,
  },
];

/** The API versions a release serves, oldest first. */
export function servedApis(facts: ReleaseFacts): StrimziApi[] {
  return STRIMZI_APIS.filter(api => facts.apis[api] !== undefined);
}

function withApi(facts: ReleaseFacts, api: StrimziApi): StrimziRelease {
  const { apis, ...common } = facts;
  return {
    ...common,
    ...apis[api]!,
    api,
    apiVersion: `kafka.strimzi.io/${api}`,
    servedApis: servedApis(facts),
  };
}

/** Every release with its default API version, oldest first. */
export const STRIMZI_RELEASES: readonly StrimziRelease[] = RELEASE_FACTS.map(
  facts => withApi(facts, facts.defaultApi),
);

export const SUPPORTED_STRIMZI_VERSIONS: readonly string[] =
  STRIMZI_RELEASES.map(r => r.version);

export const NEWEST_STRIMZI_VERSION =
  STRIMZI_RELEASES[STRIMZI_RELEASES.length - 1].version;

/**
 * A release with the API version chosen (its default when none is given); undefined for
 * an unknown release or an API version it does not serve.
 */
export function findRelease(
  version: string,
  api?: StrimziApi,
): StrimziRelease | undefined {
  const facts = RELEASE_FACTS.find(r => r.version === version);
  if (!facts) return undefined;
  const chosen = api ?? facts.defaultApi;
  return facts.apis[chosen] ? withApi(facts, chosen) : undefined;
}

/** The first release that allows an item, for messages like "from 0.47.0". */
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

/**
 * The Maven builder a release's operator uses for Maven artifacts (its Helm chart's
 * mavenBuilder image: the default registry and repository, tagged with the release).
 */
export function strimziMavenBuilderImage(strimziVersion: string) {
  return `quay.io/strimzi/maven-builder:${strimziVersion}`;
}
