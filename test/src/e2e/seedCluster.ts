import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../scaffolder/templateFile';

/**
 * The cluster the browser test types into the form: the seed cluster of
 * examples/values/seed-0.45.0.yaml, whole, plus one plugin with the artifact kinds the seed
 * does not use (a jar, a Maven artifact, an `other` file), so every kind goes through the form.
 */

export const SEED_FILE = join(REPO_ROOT, 'examples/values/seed-0.45.0.yaml');

/** The seed's values as the file gives them. */
export function seedValues(): SeedValues {
  return parse(readFileSync(SEED_FILE, 'utf8'));
}

const hex = (digit: string) => digit.repeat(128);

/** The artifacts of every kind the seed lacks, in one plugin folder. */
export const EXTRA_PLUGIN: Plugin = {
  name: 'extra-libraries',
  artifacts: [
    {
      type: 'jar',
      url: 'https://repo1.maven.org/maven2/org/apache/commons/commons-lang3/3.17.0/commons-lang3-3.17.0.jar',
      sha512sum: hex('a'),
    },
    {
      type: 'maven',
      group: 'com.google.guava',
      artifact: 'guava',
      version: '33.3.1-jre',
    },
    {
      type: 'other',
      url: 'https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem',
      sha512sum: hex('b'),
      fileName: 'rds-global-bundle.pem',
    },
  ],
};

/** The values the test types: the seed's, under another name, with EXTRA_PLUGIN added. */
export function typedValues(name: string): SeedValues {
  const seed = seedValues();
  return { ...seed, name, plugins: [...seed.plugins, EXTRA_PLUGIN] };
}

/**
 * The values as render writes them into connect-cluster.yaml: `typed` plus the derived
 * defaults docs/values.md documents (strimzi.apiVersion, the connect section's group and
 * storage topics, image.build, a Maven artifact's repository, the empty connector list),
 * and nothing else.
 */
export function withDerivedDefaults(typed: SeedValues): unknown {
  const prefix = `${typed.namespace}.${typed.name}`;
  return {
    ...typed,
    strimzi: { ...typed.strimzi, apiVersion: 'v1beta2' },
    connect: {
      groupId: prefix,
      offsetStorageTopic: `${prefix}.offsets`,
      configStorageTopic: `${prefix}.configs`,
      statusStorageTopic: `${prefix}.status`,
      replicationFactor: -1,
      useConnectorResources: true,
      config: {},
    },
    image: { ...typed.image, build: 'dockerfile' },
    plugins: typed.plugins.map(plugin => ({
      ...plugin,
      artifacts: plugin.artifacts.map(artifact =>
        artifact.type === 'maven'
          ? { ...artifact, repository: 'https://repo1.maven.org/maven2' }
          : artifact,
      ),
    })),
    connectors: [],
  };
}

export interface Artifact {
  type: 'maven' | 'jar' | 'tgz' | 'zip' | 'other';
  url?: string;
  sha512sum?: string;
  fileName?: string;
  group?: string;
  artifact?: string;
  version?: string;
}

export interface Plugin {
  name: string;
  artifacts: Artifact[];
}

/** The parts of the seed the form fills in, as the seed file has them. */
export interface SeedValues {
  name: string;
  namespace: string;
  owner: string;
  description: string;
  strimzi: { version: string };
  kafka: {
    version: string;
    bootstrapServers: string;
    tls: { trustedCertificates: { secretName: string; pattern: string }[] };
  };
  replicas: number;
  image: { name: string };
  plugins: Plugin[];
  truststore: { certificates: { name: string; url: string }[] };
  configProviders: {
    name: string;
    type: string;
    params: Record<string, string>;
  }[];
  serviceAccount: { annotations: Record<string, string> };
  scheduling: Record<string, unknown>;
  metrics: { enabled: boolean; type: string; podAnnotations: boolean };
  env: { name: string; value: string }[];
  volumes: {
    name: string;
    mountPath: string;
    readOnly: boolean;
    secret: { secretName: string; items: { key: string; path: string }[] };
  }[];
  apiAccess: { name: string; podLabels: Record<string, string> }[];
}
