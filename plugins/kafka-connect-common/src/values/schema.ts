import { z } from 'zod';
import {
  NEWEST_STRIMZI_VERSION,
  SUPPORTED_STRIMZI_VERSIONS,
} from '../strimzi/releases';
import { isReservedEnvName, RESERVED_ENV_MESSAGE } from '../checks/env';
import { forbiddenWorkerSetting } from '../checks/workerConfig';
import { MAX_NAME_LENGTH } from '../names';
import {
  authenticationSchema,
  trustedCertificateSchema,
} from './authentication';
import {
  annotations,
  bootstrapServers,
  configKey,
  configValue,
  dnsLabel,
  dnsSubdomain,
  downloadUrl,
  entityRef,
  envName,
  fileName,
  javaClass,
  kafkaName,
  labels,
  mavenCoordinate,
  nonEmptyLine,
  providerName,
  quantity,
  sha512,
  singleLine,
} from './patterns';
import { schedulingSchema } from './scheduling';
import { volumeSchema } from './volumes';

/** The values contract of docs/values.md: one schema for the form, the action and the CLI. */

export const MAVEN_CENTRAL = 'https://repo1.maven.org/maven2';

const resourceList = z.strictObject({
  cpu: quantity().optional(),
  memory: quantity().optional(),
  'ephemeral-storage': quantity().optional(),
});

const jvmHeap = () =>
  z.string().regex(/^[0-9]+[kKmMgG]?$/, {
    message: 'must be a JVM heap size like "512m" or "2g"',
  });

const connectConfigMap = () => z.record(configKey(), configValue());

/** Worker settings: the keys Strimzi manages or that have their own field are refused. */
const workerConfigMap = () =>
  connectConfigMap().superRefine((config, ctx) => {
    for (const key of Object.keys(config)) {
      const message = forbiddenWorkerSetting(key);
      if (message) ctx.addIssue({ code: 'custom', path: [key], message });
    }
  });

const artifactSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('maven'),
    group: mavenCoordinate(),
    artifact: mavenCoordinate(),
    version: mavenCoordinate(),
    repository: downloadUrl().default(MAVEN_CENTRAL),
  }),
  ...(['jar', 'tgz', 'zip'] as const).map(type =>
    z.strictObject({
      type: z.literal(type),
      url: downloadUrl(),
      sha512sum: sha512(),
    }),
  ),
]);
export type Artifact = z.infer<typeof artifactSchema>;

export const CONFIG_PROVIDER_TYPES = [
  'aws-secrets-manager',
  'kubernetes-secret',
  'kubernetes-configmap',
  'env',
  'file',
  'directory',
  'custom',
] as const;
export type ConfigProviderType = (typeof CONFIG_PROVIDER_TYPES)[number];

const configProviderSchema = z
  .strictObject({
    name: providerName(),
    type: z.enum(CONFIG_PROVIDER_TYPES),
    class: javaClass().optional(),
    params: z.record(configKey(), configValue()).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.type === 'custom' && !p.class) {
      ctx.addIssue({
        code: 'custom',
        path: ['class'],
        message:
          "a custom config provider needs class: the provider's Java class",
      });
    }
    if (p.type !== 'custom' && p.class) {
      ctx.addIssue({
        code: 'custom',
        path: ['class'],
        message: `type ${p.type} sets its own class; remove class, or use type custom`,
      });
    }
  });

const secretOrConfigMapKeyRef = z.strictObject({
  name: dnsSubdomain(),
  key: nonEmptyLine(253),
  optional: z.boolean().optional(),
});

const envVarName = () =>
  envName().refine(name => !isReservedEnvName(name), {
    message: RESERVED_ENV_MESSAGE,
  });

/** `{name, value}` or `{name, valueFrom}`: one object with a rule, so errors name the field. */
const envSchema = z
  .strictObject({
    name: envVarName(),
    value: singleLine(32768).optional(),
    valueFrom: z
      .union([
        z.strictObject({ secretKeyRef: secretOrConfigMapKeyRef }),
        z.strictObject({ configMapKeyRef: secretOrConfigMapKeyRef }),
      ])
      .optional(),
  })
  .superRefine((variable, ctx) => {
    if ((variable.value === undefined) === (variable.valueFrom === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message:
          'give exactly one of value or valueFrom (with secretKeyRef or configMapKeyRef)',
      });
    }
  });
export type EnvVar = z.infer<typeof envSchema>;

const connectorSchema = z.strictObject({
  name: dnsSubdomain(),
  class: javaClass(),
  tasksMax: z.number().int().min(1),
  config: connectConfigMap().default({}),
  state: z.enum(['running', 'paused', 'stopped']).optional(),
});
export type Connector = z.infer<typeof connectorSchema>;

const loggingSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('inline'),
    loggers: z.record(
      nonEmptyLine(253),
      z.enum([
        'ALL',
        'TRACE',
        'DEBUG',
        'INFO',
        'WARN',
        'ERROR',
        'FATAL',
        'OFF',
      ]),
    ),
  }),
  z.strictObject({
    type: z.literal('external'),
    valueFrom: z.strictObject({
      configMapKeyRef: z.strictObject({
        name: dnsSubdomain(),
        key: nonEmptyLine(253),
      }),
    }),
  }),
]);

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
  image: z
    .strictObject({
      name: nonEmptyLine(255)
        .regex(/^[a-z0-9]([a-z0-9._\/:-]*[a-z0-9])?$/, {
          message:
            'must be an image repository like registry.example.com/team/kafka-connect (lower case, no tag)',
        })
        .optional(),
      tag: z
        .string()
        .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, {
          message:
            'must be a Docker tag: letters, digits, "_", "." and "-", at most 128',
        })
        .optional(),
      build: z.enum(['dockerfile', 'strimzi']).default('dockerfile'),
    })
    .default({ build: 'dockerfile' }),
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
  metrics: z
    .strictObject({
      enabled: z.boolean().default(true),
      type: z
        .enum(['jmxPrometheusExporter', 'strimziMetricsReporter'])
        .default('jmxPrometheusExporter'),
      podAnnotations: z.boolean().optional(),
    })
    .default({ enabled: true, type: 'jmxPrometheusExporter' }),
  env: z.array(envSchema).default([]),
  volumes: z.array(volumeSchema).default([]),
  apiAccess: z
    .array(
      z.strictObject({
        name: dnsLabel(),
        // Never empty: an empty map is pruned to "not given", which is reported as required.
        podLabels: labels(),
        namespace: dnsLabel().optional(),
      }),
    )
    .default([]),
  connectors: z.array(connectorSchema).default([]),
});

export type ValuesInput = z.input<typeof valuesShape>;
export type ParsedValues = z.output<typeof valuesShape>;
