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
  name: dnsLabel(MAX_NAME_LENGTH).meta({
    title: 'Cluster name',
    description:
      'A DNS label of at most 41 characters; every derived name (NAME-connect, NAME-connect-api, ...) then fits in 63.',
    examples: ['orders-cdc'],
  }),
  namespace: dnsLabel().meta({
    title: 'Kubernetes namespace',
    description:
      'The namespace of the KafkaConnect resource and every object beside it.',
  }),
  owner: entityRef(['group', 'user']).meta({
    title: 'Owner',
    description:
      'The team that owns the cluster in the catalog: one of your groups. The render step refuses a group you are not a member of.',
  }),
  system: entityRef(['system'])
    .meta({
      title: 'System',
      description: 'The catalog system the cluster belongs to (optional).',
    })
    .optional(),
  description: singleLine(1024)
    .meta({
      title: 'Description',
      description: 'One line that says what the cluster is for.',
    })
    .optional(),
  environment: dnsLabel()
    .meta({
      title: 'Environment',
      description:
        'Optional DNS label such as "dev" or "prod". It becomes part of the catalog entity name and of the folder in the GitOps repository (clusters/ENVIRONMENT/NAME).',
      examples: ['dev', 'prod'],
    })
    .optional(),
  strimzi: z
    .strictObject({
      version: z
        .enum(SUPPORTED_STRIMZI_VERSIONS as [string, ...string[]])
        .default(NEWEST_STRIMZI_VERSION)
        .meta({
          title: 'Strimzi release',
          description:
            'The operator release that runs the cluster; it decides the API version and the features on offer.',
        }),
      // Which ones a release serves is checked with the release (checks/release.ts);
      // normalise() writes the release's default when none is given.
      apiVersion: z
        .enum(STRIMZI_APIS as [StrimziApi, ...StrimziApi[]])
        .meta({
          title: 'Strimzi API version',
          description:
            "Leave empty for the release's own: v1beta2 up to 0.51.0, v1 from 1.0.0. On 0.49.0 to 0.51.0 choose v1 to move the cluster to the API that Strimzi 1.0.0 and newer require, before upgrading the operator.",
        })
        .optional(),
    })
    .default({ version: NEWEST_STRIMZI_VERSION })
    .meta({ title: 'Strimzi' }),
  kafka: z
    .strictObject({
      version: z
        .string()
        .meta({
          title: 'Kafka version',
          description:
            "Leave empty for the Strimzi release's default Kafka version.",
        })
        .optional(),
      bootstrapServers: bootstrapServers().meta({
        title: 'Bootstrap servers',
        description: 'host:port[,host:port] of the Kafka listener.',
        examples: ['my-cluster-kafka-bootstrap.kafka.svc:9093'],
      }),
      tls: z
        .strictObject({
          trustedCertificates: z
            .array(trustedCertificateSchema)
            .default([])
            .meta({
              title: 'Trusted certificates',
              description:
                'Secrets holding the CA of the Kafka listeners; give a certificate key or a pattern such as "*.crt".',
            }),
        })
        .meta({ title: 'TLS' })
        .optional(),
      authentication: authenticationSchema.optional(),
    })
    .meta({ title: 'Kafka' }),
  replicas: z
    .number()
    .int()
    .min(0)
    .default(1)
    .meta({ title: 'Replicas', description: 'Connect worker pods.' }),
  resources: z
    .strictObject({
      requests: resourceList.meta({ title: 'Requests' }).optional(),
      limits: resourceList.meta({ title: 'Limits' }).optional(),
    })
    .meta({ title: 'Resources', description: 'Of the Connect container.' })
    .optional(),
  jvmOptions: z
    .strictObject({
      '-Xms': jvmHeap()
        .meta({ title: 'Initial heap (-Xms)', examples: ['512m'] })
        .optional(),
      '-Xmx': jvmHeap()
        .meta({ title: 'Maximum heap (-Xmx)', examples: ['2g'] })
        .optional(),
      gcLoggingEnabled: z.boolean().meta({ title: 'GC logging' }).optional(),
      javaSystemProperties: z
        .array(
          z.strictObject({
            name: nonEmptyLine(253).meta({ title: 'Name' }),
            value: singleLine(4096).meta({ title: 'Value' }),
          }),
        )
        .meta({ title: 'Java system properties (-D)' })
        .optional(),
      '-XX': z
        .record(nonEmptyLine(253), singleLine(1024))
        .meta({
          title: 'Advanced JVM options (-XX)',
          description: 'Option name to value, for example UseG1GC = true.',
        })
        .optional(),
    })
    .meta({ title: 'JVM options' })
    .optional(),
  logging: loggingSchema.optional(),
  rack: z
    .strictObject({
      topologyKey: nonEmptyLine(316).meta({
        title: 'Zone label of the nodes',
        examples: ['topology.kubernetes.io/zone'],
      }),
    })
    .meta({
      title: 'Rack awareness',
      description:
        "Give the node label that names each node's zone (topology.kubernetes.io/zone) to make consumers fetch from the closest replica; leave empty for none.",
    })
    .optional(),
  connect: z
    .strictObject({
      groupId: kafkaName().meta({ title: 'Group id' }).optional(),
      offsetStorageTopic: kafkaName()
        .meta({ title: 'Offsets topic' })
        .optional(),
      configStorageTopic: kafkaName()
        .meta({ title: 'Configuration topic' })
        .optional(),
      statusStorageTopic: kafkaName()
        .meta({ title: 'Status topic' })
        .optional(),
      replicationFactor: z
        .number()
        .int()
        .min(-1)
        .refine(n => n !== 0, {
          message: 'must be -1 (the broker default) or at least 1',
        })
        .default(-1)
        .meta({
          title: 'Replication factor of the internal topics',
          description: '-1 is the broker default; 0 is refused.',
        }),
      useConnectorResources: z.boolean().default(true).meta({
        title: 'Manage connectors as KafkaConnector resources',
      }),
      config: workerConfigMap().default({}).meta({
        title: 'Worker settings',
        description:
          'Scalar settings merged into the worker configuration. Settings that Strimzi manages (ssl.*, sasl.*, bootstrap.servers, ...) are refused with the field to use instead.',
      }),
    })
    .default({
      replicationFactor: -1,
      useConnectorResources: true,
      config: {},
    })
    .meta({
      title: 'Connect worker',
      description:
        'Group and internal topics default to names derived from the namespace and name, unique per cluster.',
    }),
  image: imageSchema,
  plugins: z
    .array(
      z.strictObject({
        name: fileName().meta({
          title: 'Plugin name',
          description: 'Its folder: /opt/kafka/plugins/NAME/.',
          examples: ['debezium-postgres'],
        }),
        artifacts: z
          .array(artifactSchema)
          .min(1, {
            message: 'a plugin needs at least one artifact',
          })
          .meta({ title: 'Artifacts' }),
      }),
    )
    .default([])
    .meta({ title: 'Connector plugins' }),
  truststore: z
    .strictObject({
      certificates: z
        .array(
          z.strictObject({
            name: fileName().meta({ title: 'Name' }),
            url: downloadUrl().meta({
              title: 'URL of the PEM bundle',
              examples: [
                'https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem',
              ],
            }),
          }),
        )
        .default([])
        .meta({ title: 'Certificates' }),
    })
    .meta({
      title: 'Truststore',
      description:
        "PEM bundles (for example the RDS global-bundle.pem) imported into the image's truststore; needs image.build dockerfile.",
    })
    .optional(),
  configProviders: z.array(configProviderSchema).default([]).meta({
    title: 'Config providers',
    description:
      'Resolve ${name:...} references in worker and connector settings at run time.',
  }),
  serviceAccount: z
    .strictObject({
      annotations: annotations()
        .meta({
          title: 'Annotations',
          description:
            'For example eks.amazonaws.com/role-arn (IRSA) or iam.gke.io/gcp-service-account.',
        })
        .optional(),
    })
    .meta({ title: 'Service account' })
    .optional(),
  scheduling: schedulingSchema.optional(),
  ...metadataFields,
  metrics: metricsSchema.default({
    enabled: true,
    type: 'jmxPrometheusExporter',
  }),
  env: z.array(envSchema).default([]).meta({
    title: 'Environment variables',
    description:
      'Each with a value, or a value from a Secret or ConfigMap key. Variables whose name says password, secret, token or key must come from a Secret.',
  }),
  volumes: z.array(volumeSchema).default([]).meta({
    title: 'Volumes',
    description: 'Each volume has exactly one source.',
  }),
  apiAccess: z
    .array(apiAccessSchema)
    .default([])
    .meta({ title: 'API clients' }),
  connectors: z
    .array(connectorSchema)
    .default([])
    .meta({ title: 'Connectors' }),
});

export type ValuesInput = z.input<typeof valuesShape>;
export type ParsedValues = z.output<typeof valuesShape>;
