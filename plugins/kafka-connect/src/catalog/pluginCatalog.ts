/**
 * The curated connector-plugin catalog of the plugin picker. Every coordinate and URL is a
 * real, published artifact. Checksums: a Maven artifact is checked against the `.sha1` its
 * repository publishes beside it (as the Dockerfile does), so it needs none in the values;
 * an archive (tgz, zip) needs its SHA-512, and no checksum here is made up: the picker asks
 * for it, with the command that computes it, until someone fills it in.
 */

export const MAVEN_CENTRAL = 'https://repo1.maven.org/maven2';

/** An archive or jar by URL; the picker asks for its SHA-512 when none is known. */
export interface CatalogUrlArtifact {
  type: 'tgz' | 'zip' | 'jar';
  url: string;
  /** Only a checksum published by the artifact's maintainers, with where it is published. */
  sha512sum?: string;
}

export interface CatalogMavenArtifact {
  type: 'maven';
  group: string;
  artifact: string;
  version: string;
  /** Omitted: Maven Central. */
  repository?: string;
}

export type CatalogArtifact = CatalogUrlArtifact | CatalogMavenArtifact;

export interface CatalogVersion {
  version: string;
  artifacts: CatalogArtifact[];
}

export type CatalogCategory = 'connector' | 'transform' | 'config-provider';

export interface CatalogEntry {
  id: string;
  title: string;
  category: CatalogCategory;
  description: string;
  /** The plugin folder it installs into (plugins[].name). */
  pluginName: string;
  /** Newest first; the first is the default. */
  versions: CatalogVersion[];
  homepage: string;
  /** For config providers: the class a `configProviders` entry names. */
  providerClass?: string;
  /** Already in every Strimzi Kafka image: nothing to add to the image. */
  includedInStrimziImage?: boolean;
  /** What else to know before using it. */
  note?: string;
}

/** `io.debezium` connector archives on Maven Central: `<artifact>-<version>-plugin.tar.gz`. */
function debeziumArchive(artifact: string, version: string): CatalogVersion {
  return {
    version,
    artifacts: [
      {
        type: 'tgz',
        url: `${MAVEN_CENTRAL}/io/debezium/${artifact}/${version}/${artifact}-${version}-plugin.tar.gz`,
      },
    ],
  };
}

/** The Debezium releases on offer, newest first (Debezium 3 needs Java 17, as every supported Strimzi image has). */
const DEBEZIUM_VERSIONS = ['3.2.0.Final', '3.0.7.Final', '2.7.3.Final'];

function debezium(
  id: string,
  database: string,
  artifact: string,
): CatalogEntry {
  return {
    id,
    title: `Debezium ${database} connector`,
    category: 'connector',
    description: `Change data capture from ${database}: the connector's plugin archive from Maven Central, with everything it needs.`,
    pluginName: artifact,
    versions: DEBEZIUM_VERSIONS.map(v => debeziumArchive(artifact, v)),
    homepage: `https://debezium.io/documentation/reference/stable/connectors/`,
  };
}

/** Confluent Hub's download location: `<owner>-<name>-<version>.zip`. */
function confluentHubZip(
  owner: string,
  name: string,
  version: string,
): CatalogVersion {
  return {
    version,
    artifacts: [
      {
        type: 'zip',
        url: `https://hub-downloads.confluent.io/api/plugins/${owner}/${name}/versions/${version}/${owner}-${name}-${version}.zip`,
      },
    ],
  };
}

export const PLUGIN_CATALOG: readonly CatalogEntry[] = [
  debezium('debezium-mysql', 'MySQL', 'debezium-connector-mysql'),
  debezium('debezium-postgres', 'PostgreSQL', 'debezium-connector-postgres'),
  debezium('debezium-mongodb', 'MongoDB', 'debezium-connector-mongodb'),
  debezium('debezium-sqlserver', 'SQL Server', 'debezium-connector-sqlserver'),
  {
    id: 'debezium-scripting',
    title: 'Debezium scripting transforms (Filter, ContentBasedRouter)',
    category: 'transform',
    description:
      'Single message transforms that filter or route records with a script, here with Groovy as the JSR 223 engine (Maven Central jars).',
    pluginName: 'debezium-scripting',
    versions: ['3.2.0.Final', '3.0.7.Final', '2.7.3.Final'].map(version => ({
      version,
      artifacts: [
        {
          type: 'tgz',
          url: `${MAVEN_CENTRAL}/io/debezium/debezium-scripting/${version}/debezium-scripting-${version}.tar.gz`,
        },
        {
          type: 'maven',
          group: 'org.apache.groovy',
          artifact: 'groovy',
          version: '4.0.22',
        },
        {
          type: 'maven',
          group: 'org.apache.groovy',
          artifact: 'groovy-jsr223',
          version: '4.0.22',
        },
      ],
    })),
    homepage:
      'https://debezium.io/documentation/reference/stable/transformations/filtering.html',
    note: "Connect loads a transform from the plugin of the connector that uses it: add these artifacts to the Debezium connector's plugin when the transform does not load on its own.",
  },
  {
    id: 'jcustenborder-transform-common',
    title: 'Common transforms (jcustenborder)',
    category: 'transform',
    description:
      'Everyday single message transforms (ChangeCase, HeaderToField, ExtractTimestamp, ...) as published on Confluent Hub.',
    pluginName: 'kafka-connect-transform-common',
    versions: [
      confluentHubZip(
        'jcustenborder',
        'kafka-connect-transform-common',
        '0.1.0.58',
      ),
    ],
    homepage: 'https://github.com/jcustenborder/kafka-connect-transform-common',
  },
  {
    id: 'jcustenborder-config-provider-aws',
    title: 'AWS Secrets Manager config provider (jcustenborder)',
    category: 'config-provider',
    description:
      'Resolves ${provider:secret-name:key} from AWS Secrets Manager; the pods need an IAM role (serviceAccount.annotations, IRSA). Guava is added beside it, as the provider needs it and Kafka does not ship it.',
    pluginName: 'kafka-config-provider-aws',
    versions: [
      {
        version: '0.1.2',
        artifacts: [
          ...confluentHubZip(
            'jcustenborder',
            'kafka-config-provider-aws',
            '0.1.2',
          ).artifacts,
          {
            type: 'maven',
            group: 'com.google.guava',
            artifact: 'guava',
            version: '31.1-jre',
          },
        ],
      },
    ],
    homepage: 'https://github.com/jcustenborder/kafka-config-provider-aws',
    providerClass:
      'com.github.jcustenborder.kafka.config.aws.SecretsManagerConfigProvider',
    note: "Its class is not the one of configProviders type aws-secrets-manager (Confluent's provider, below): declare it with type custom and this class.",
  },
  {
    id: 'confluent-secrets-provider-aws',
    title: 'AWS Secrets Manager config provider (Confluent)',
    category: 'config-provider',
    description:
      'The provider of configProviders type aws-secrets-manager, from Confluent Hub (Confluent Community License). The pods need an IAM role (serviceAccount.annotations, IRSA).',
    pluginName: 'csid-secrets-provider-aws',
    versions: [
      confluentHubZip('confluentinc', 'csid-secrets-provider-aws', '1.0.44'),
    ],
    homepage:
      'https://www.confluent.io/hub/confluentinc/csid-secrets-provider-aws',
    providerClass:
      'io.confluent.csid.config.provider.aws.SecretsManagerConfigProvider',
  },
  {
    id: 'strimzi-kubernetes-config-providers',
    title: 'Kubernetes Secret and ConfigMap config providers (Strimzi)',
    category: 'config-provider',
    description:
      'Resolve ${provider:namespace/name:key} from Kubernetes Secrets and ConfigMaps. Every Strimzi Kafka image already has them: add a config provider of type kubernetes-secret or kubernetes-configmap instead of a plugin (the Role to read them is rendered for you).',
    pluginName: 'kafka-kubernetes-config-provider',
    versions: [{ version: 'in the Strimzi image', artifacts: [] }],
    homepage: 'https://github.com/strimzi/kafka-kubernetes-config-provider',
    providerClass: 'io.strimzi.kafka.KubernetesSecretConfigProvider',
    includedInStrimziImage: true,
  },
];

export function findCatalogEntry(id: string): CatalogEntry | undefined {
  return PLUGIN_CATALOG.find(e => e.id === id);
}

/** The shell command that computes an archive's SHA-512, for the hint beside the field. */
export function checksumCommand(url: string): string {
  return `curl -fsSL '${url}' | sha512sum`;
}
