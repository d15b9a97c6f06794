import {
  findRelease,
  StrimziApi,
  SUPPORTED_STRIMZI_VERSIONS,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { join } from 'path';
import { readYamlDocuments } from '../strimzi/yamlDocuments';
import {
  describeWithStrimzi,
  strimziDir,
  strimziReleases,
} from '../strimzi/strimziDir';
import { K8sObject, manifestsOf } from './renderHelpers';

/**
 * Strimzi's own examples are the reference: values written to mean the same cluster
 * render to a resource with the same spec. The values are built from what a person
 * would read off the example, field by field, not by copying its spec.
 */

type Example = K8sObject & { spec: Record<string, any> };

function examples(version: string, file: string): Example[] {
  return readYamlDocuments(
    join(strimziDir(), version, 'examples', 'connect', file),
  ) as Example[];
}

/** The values a platform engineer would write for the example's Connect cluster. */
function valuesFor(
  version: string,
  api: StrimziApi,
  connect: Example,
  connectors: Example[] = [],
) {
  const { spec } = connect;
  const config = { ...spec.config };
  const identity = {
    groupId: spec.groupId ?? config['group.id'],
    offsetStorageTopic:
      spec.offsetStorageTopic ?? config['offset.storage.topic'],
    configStorageTopic:
      spec.configStorageTopic ?? config['config.storage.topic'],
    statusStorageTopic:
      spec.statusStorageTopic ?? config['status.storage.topic'],
  };
  for (const key of Object.keys(config)) {
    if (
      key.endsWith('.storage.topic') ||
      key.endsWith('.storage.replication.factor') ||
      key === 'group.id'
    ) {
      delete config[key];
    }
  }
  const output = spec.build?.output.image as string | undefined;
  const [imageName, imageTag] = output
    ? output.split(/:(?=[^:/]+$)/)
    : [undefined, undefined];
  return {
    name: connect.metadata.name,
    namespace: 'kafka',
    owner: 'group:default/platform',
    strimzi: { version, apiVersion: api },
    kafka: {
      version: spec.version,
      bootstrapServers: spec.bootstrapServers,
      tls: spec.tls,
    },
    replicas: spec.replicas,
    connect: {
      ...identity,
      replicationFactor: spec.config['config.storage.replication.factor'],
      config,
    },
    metrics: { enabled: false },
    image: output
      ? { name: imageName, tag: imageTag, build: 'strimzi' }
      : undefined,
    plugins: spec.build?.plugins,
    connectors: connectors.map(c => ({
      name: c.metadata.name,
      class: c.spec.class,
      tasksMax: c.spec.tasksMax,
      config: c.spec.config,
    })),
  };
}

/**
 * 0.49 to 0.51 serve both APIs and ship v1 examples; the same cluster written in v1beta2
 * keeps the v1 fields as worker settings, one to one, as Strimzi converts them.
 */
const V1_TO_V1BETA2: Record<string, string> = {
  groupId: 'group.id',
  offsetStorageTopic: 'offset.storage.topic',
  configStorageTopic: 'config.storage.topic',
  statusStorageTopic: 'status.storage.topic',
};

const apiOf = (example: Example) =>
  example.apiVersion.replace('kafka.strimzi.io/', '') as StrimziApi;

/** The example as written in another API version: only v1 to v1beta2 is needed. */
function asApi(example: Example, api: StrimziApi): Example {
  const apiVersion = `kafka.strimzi.io/${api}`;
  if (apiOf(example) === api || example.kind !== 'KafkaConnect') {
    return { ...example, apiVersion };
  }
  if (api !== 'v1beta2') {
    throw new Error(`no ${example.apiVersion} example should need ${api}`);
  }
  const spec: Record<string, any> = {
    ...example.spec,
    config: { ...example.spec.config },
  };
  for (const [field, setting] of Object.entries(V1_TO_V1BETA2)) {
    spec.config[setting] = spec[field];
    delete spec[field];
  }
  return { ...example, apiVersion, spec };
}

describeWithStrimzi("Strimzi's examples as references", () => {
  const releases = strimziReleases().filter(r =>
    SUPPORTED_STRIMZI_VERSIONS.includes(r),
  );

  it('cover 0.50.0 and 1.1.0, and examples written as v1 on the releases that serve both APIs', () => {
    expect(releases).toEqual(expect.arrayContaining(['0.50.0', '1.1.0']));
    for (const version of ['0.49.0', '0.50.0', '0.51.0']) {
      expect(apiOf(examples(version, 'kafka-connect.yaml')[0])).toBe('v1');
      expect(findRelease(version)!.servedApis).toEqual(['v1beta2', 'v1']);
    }
  });

  // Every API the release serves: the example as written, and on 0.49 to 0.51 also as v1beta2.
  const cases = releases.flatMap(version =>
    findRelease(version)!.servedApis.map(api => [version, api] as const),
  );

  describe.each(cases)('Strimzi %s, %s', (version, api) => {
    it.each(['kafka-connect.yaml', 'kafka-connect-build.yaml'])(
      '%s renders with the same spec',
      file => {
        const [original] = examples(version, file);
        const rendered = manifestsOf(valuesFor(version, api, original));
        const connect = rendered.find(o => o.kind === 'KafkaConnect')!;
        const example = asApi(original, api);
        expect(connect.apiVersion).toBe(example.apiVersion);
        expect(connect.metadata.name).toBe(example.metadata.name);
        expect(connect.spec).toEqual(example.spec);
      },
    );

    it('source-connector.yaml renders with the same spec', () => {
      const [connectExample] = examples(version, 'kafka-connect.yaml');
      const connector = asApi(
        examples(version, 'source-connector.yaml')[0],
        api,
      );
      const rendered = manifestsOf(
        valuesFor(version, api, connectExample, [connector]),
      );
      const kafkaConnector = rendered.find(o => o.kind === 'KafkaConnector')!;
      expect(kafkaConnector.apiVersion).toBe(connector.apiVersion);
      expect(kafkaConnector.metadata).toMatchObject(connector.metadata);
      expect(kafkaConnector.spec).toEqual(connector.spec);
    });
  });
});
