import { z } from 'zod';
import {
  NEWEST_STRIMZI_VERSION,
  STRIMZI_APIS,
  SUPPORTED_STRIMZI_VERSIONS,
  StrimziApi,
} from '../strimzi/releases';
import { MAX_NAME_LENGTH } from '../names';
import {
  authenticationSchema,
  trustedCertificateSchema,
} from './authentication';
import {
  annotations,
  bootstrapServers,
  dnsLabel,
  downloadUrl,
  entityRef,
  fileName,
  kafkaName,
  nonEmptyLine,
  singleLine,
} from './patterns';
import { configProviderSchema } from './configProviders';
import { connectorSchema, workerConfigMap } from './connect';
import { envSchema } from './env';
import { imageSchema } from './image';
import { artifactSchema } from './plugins';
import { metadataFields } from './metadata';
import { metricsSchema } from './metrics';
import { jvmHeap, loggingSchema, resourceList } from './runtime';
import { schedulingSchema } from './scheduling';
import { apiAccessSchema } from './apiAccess';
import { volumeSchema } from './volumes';

export { MAVEN_CENTRAL } from './plugins';
export type { Artifact } from './plugins';
export { CONFIG_PROVIDER_TYPES } from './configProviders';
export type { ConfigProviderType } from './configProviders';
export type { EnvVar } from './env';
export type { Connector } from './connect';

/** The values contract of docs/values.md: one schema for the form, the action and the CLI. */
export const valuesShape = z.strictObject({
  name: dnsLabel(MAX_NAME_LENGTH),
  namespace: dnsLabel(),
  owner: entityRef(['group', 'user']),
  system: entityRef(['system']).optional(),
  description: singleLine(1024).optional(),
  environment: dnsLabel().optional(),
  strimzi: z
    .strictObject({
      version: z
        .enum(SUPPORTED_STRIMZI_VERSIONS as [string, ...string[]])
        .default(NEWEST_STRIMZI_VERSION),
      // Which ones a release serves is checked with the release (checks/release.ts);
      // normalise() writes the release's default when none is given.
      apiVersion: z
        .enum(STRIMZI_APIS as [StrimziApi, ...StrimziApi[]])
        .optional(),
    })
    .default({ version: NEWEST_STRIMZI_VERSION }),
  kafka: z.strictObject({
    version: z.string().optional(),
    bootstrapServers: bootstrapServers(),
    tls: z
      .strictObject({
        trustedCertificates: z.array(trustedCertificateSchema).default([]),
      })
      .optional(),
    authentication: authenticationSchema.optional(),
  }),
  replicas: z.number().int().min(0).default(1),
  resources: z
    .strictObject({
      requests: resourceList.optional(),
      limits: resourceList.optional(),
    })
    .optional(),
  jvmOptions: z
    .strictObject({
      '-Xms': jvmHeap().optional(),
      '-Xmx': jvmHeap().optional(),
      gcLoggingEnabled: z.boolean().optional(),
      javaSystemProperties: z
        .array(
          z.strictObject({ name: nonEmptyLine(253), value: singleLine(4096) }),
        )
        .optional(),
      '-XX': z.record(nonEmptyLine(253), singleLine(1024)).optional(),
    })
    .optional(),
  logging: loggingSchema.optional(),
  rack: z.strictObject({ topologyKey: nonEmptyLine(316) }).optional(),
  connect: z
    .strictObject({
      groupId: kafkaName().optional(),
      offsetStorageTopic: kafkaName().optional(),
      configStorageTopic: kafkaName().optional(),
      statusStorageTopic: kafkaName().optional(),
      replicationFactor: z
        .number()
        .int()
        .min(-1)
        .refine(n => n !== 0, {
          message: 'must be -1 (the broker default) or at least 1',
        })
        .default(-1),
      useConnectorResources: z.boolean().default(true),
      config: workerConfigMap().default({}),
    })
    .default({
      replicationFactor: -1,
      useConnectorResources: true,
      config: {},
    }),
  image: imageSchema,
  plugins: z
    .array(
      z.strictObject({
        name: fileName(),
        artifacts: z.array(artifactSchema).min(1, {
          message: 'a plugin needs at least one artifact',
        }),
      }),
    )
    .default([]),
  truststore: z
    .strictObject({
      certificates: z
        .array(z.strictObject({ name: fileName(), url: downloadUrl() }))
        .default([]),
    })
    .optional(),
  configProviders: z.array(configProviderSchema).default([]),
  serviceAccount: z
    .strictObject({ annotations: annotations().optional() })
    .optional(),
  scheduling: schedulingSchema.optional(),
  ...metadataFields,
  metrics: metricsSchema.default({
    enabled: true,
    type: 'jmxPrometheusExporter',
  }),
  env: z.array(envSchema).default([]),
  volumes: z.array(volumeSchema).default([]),
  apiAccess: z.array(apiAccessSchema).default([]),
  connectors: z.array(connectorSchema).default([]),
});

export type ValuesInput = z.input<typeof valuesShape>;
export type ParsedValues = z.output<typeof valuesShape>;
