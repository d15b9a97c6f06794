import { stringify } from 'yaml';
import {
  manifestsProblems,
  validateChecksums,
  validateManifests,
} from './manifestsCheck';

const CONNECT = {
  apiVersion: 'kafka.strimzi.io/v1',
  kind: 'KafkaConnect',
  metadata: { name: 'orders-sink', namespace: 'streaming' },
  spec: {
    version: '4.2.0',
    replicas: 1,
    bootstrapServers: 'orders-kafka-bootstrap:9093',
    groupId: 'orders-sink',
    configStorageTopic: 'orders-sink-configs',
    offsetStorageTopic: 'orders-sink-offsets',
    statusStorageTopic: 'orders-sink-status',
  },
};
const yamlOf = (...objects: unknown[]) =>
  objects.map(o => stringify(o)).join('---\n');
const withSpec = (spec: Record<string, unknown>) => ({
  ...CONNECT,
  spec: { ...CONNECT.spec, ...spec },
});

describe("the adopt form's check of the pasted manifests", () => {
  it('takes a KafkaConnect the import takes, and says nothing while nothing is pasted', () => {
    expect(manifestsProblems({ manifests: yamlOf(CONNECT) })).toEqual([]);
    expect(manifestsProblems({ manifests: '  \n' })).toEqual([]);
    expect(manifestsProblems({})).toEqual([]);
  });

  it('names a Deployment pasted instead of a KafkaConnect', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'connect' },
      spec: { replicas: 1 },
    };
    expect(manifestsProblems({ manifests: yamlOf(deployment) })).toEqual([
      'The pasted text holds no KafkaConnect; import reads one KafkaConnect, with its KafkaConnectors and metrics ConfigMap',
    ]);
  });

  it("names an init container, which Strimzi's pod template has no place for", () => {
    const problems = manifestsProblems({
      manifests: yamlOf(
        withSpec({
          template: {
            pod: {
              initContainers: [{ name: 'wait', image: 'busybox' }],
            },
          },
        }),
      ),
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^KafkaConnect orders-sink: spec\.template\.pod\.initContainers: Strimzi runs no extra containers/,
    );
  });

  it('says where invalid YAML is', () => {
    expect(
      manifestsProblems({ manifests: 'kind: KafkaConnect\n  name: [x' }),
    ).toEqual([expect.stringMatching(/^invalid YAML at \d+:\d+: /)]);
  });

  it("names the form's fields, not the CLI's flags: the namespace and the checksums", () => {
    const { namespace: _, ...metadata } = CONNECT.metadata;
    const url = 'https://artifacts.example.org/driver-1.0.tgz';
    const problems = manifestsProblems({
      manifests: yamlOf({
        ...withSpec({
          build: {
            output: { type: 'docker', image: 'registry.example.org/c:1' },
            plugins: [{ name: 'driver', artifacts: [{ type: 'tgz', url }] }],
          },
        }),
        metadata,
      }),
    });
    expect(problems).toEqual([
      'KafkaConnect orders-sink: metadata.namespace: not set, and no Kubernetes namespace given; give the namespace the cluster runs in by filling in the field "Kubernetes namespace" below',
      `KafkaConnect orders-sink: spec.build.plugins[0].artifacts[0].sha512sum: missing: Strimzi downloads ${url} unchecked, the values need its SHA-512; add the line \`<sha512>  ${url}\` (sha512sum output) to the field "Checksums" below`,
    ]);
    expect(problems.join('\n')).not.toMatch(/--/);
    // Given on the page, both are taken.
    expect(
      manifestsProblems({
        manifests: yamlOf({ ...problemsFree(url), metadata }),
        namespace: 'streaming',
        checksums: `${'a'.repeat(128)}  ${url}\n`,
      }),
    ).toEqual([]);
  });

  it('checks against the release chosen on the page', () => {
    // Kafka 4.2.0 does not run on 0.45.0: the import takes the release's default (a note).
    // The v1 API without its required replicas is refused on any release.
    const { replicas: _, ...spec } = CONNECT.spec;
    const problems = manifestsProblems({
      manifests: yamlOf({ ...CONNECT, spec }),
      strimzi: '0.45.0',
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /^KafkaConnect orders-sink: spec\.replicas: missing: the v1 API requires it/,
      ),
    ]);
  });

  it('stops Next with one error per line', () => {
    const errors: string[] = [];
    validateManifests(
      undefined,
      { addError: m => errors.push(m) },
      { formData: { manifests: yamlOf({ kind: 'Deployment' }) } },
    );
    expect(errors).toEqual([expect.stringContaining('holds no KafkaConnect')]);
  });
});

describe("the adopt form's check of the checksum lines", () => {
  it('names a line that is not sha512sum output, and takes the ones that are', () => {
    const errors: string[] = [];
    const addError = (m: string) => errors.push(m);
    validateChecksums(
      `${'a'.repeat(
        128,
      )}  https://example.org/a.tgz\nabc https://example.org/b.tgz\n`,
      { addError },
    );
    expect(errors).toEqual([
      'Line 2: not a checksum line; write `<128 hex digits>  <url>`, as sha512sum prints it',
    ]);
    errors.length = 0;
    validateChecksums(undefined, { addError });
    validateChecksums(`${'b'.repeat(128)}  https://example.org/a.tgz`, {
      addError,
    });
    expect(errors).toEqual([]);
  });
});

function problemsFree(url: string) {
  return withSpec({
    build: {
      output: { type: 'docker', image: 'registry.example.org/c:1' },
      plugins: [{ name: 'driver', artifacts: [{ type: 'tgz', url }] }],
    },
  });
}
