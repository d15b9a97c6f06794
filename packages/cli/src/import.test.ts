import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { validateValues } from '@connect-skeleton/plugin-kafka-connect-common';
import { Captured, runCli, tempDir } from './__testUtils__';

const SHA = 'ab'.repeat(64);
const OWNER = ['--owner', 'group:default/data-platform'];

/** A small v1beta2 cluster with a Strimzi build; `extra` is appended to its spec. */
function cluster(extra = '', connectorConfig = 'topic: orders') {
  return `apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaConnect
metadata:
  name: orders
  namespace: shop
  annotations:
    strimzi.io/use-connector-resources: "true"
spec:
  version: 3.9.0
  replicas: 2
  bootstrapServers: shop-kafka-bootstrap:9092
  config:
    group.id: orders
    offset.storage.topic: orders-offsets
    config.storage.topic: orders-configs
    status.storage.topic: orders-status
    config.storage.replication.factor: 3
    offset.storage.replication.factor: 3
    status.storage.replication.factor: 3
  build:
    output:
      type: docker
      image: registry.example.com/shop/orders-connect:1.0.0
    plugins:
      - name: jdbc
        artifacts:
          - type: jar
            url: https://downloads.example.com/jdbc.jar
${extra}---
apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaConnector
metadata:
  name: orders-sink
  labels:
    strimzi.io/cluster: orders
spec:
  class: io.example.Sink
  tasksMax: 1
  config:
    ${connectorConfig}
`;
}

describe('connect-skeleton import', () => {
  let cwd: string;
  let cleanup: () => Promise<void>;
  const write = (name: string, text: string) =>
    fs.writeFile(path.join(cwd, name), text);
  beforeEach(async () => {
    ({ dir: cwd, cleanup } = await tempDir());
    await write('sums.txt', `${SHA}  https://downloads.example.com/jdbc.jar\n`);
  });
  afterEach(() => cleanup());

  /** Imports `text` as c.yaml for `strimzi`, with the checksums of sums.txt unless told not. */
  const importText = async (
    text: string,
    options: { strimzi?: string; checksums?: boolean } = {},
  ) => {
    await write('c.yaml', text);
    const checksums =
      options.checksums === false ? [] : ['--checksums', 'sums.txt'];
    return runCli(
      [
        'import',
        '--from',
        'c.yaml',
        ...OWNER,
        '--strimzi',
        options.strimzi ?? '0.45.0',
        ...checksums,
      ],
      cwd,
    );
  };

  /** Refused as bad values: exit 1 and nothing on stdout, so a pipe gets no half values. */
  const expectRefused = (result: Captured) => {
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
  };

  it('prints only the values on stdout, notes on stderr, exit 0', async () => {
    const result = await importText(cluster());
    expect(result.code).toBe(0);
    const values = parse(result.stdout);
    expect(values).toMatchObject({
      name: 'orders',
      namespace: 'shop',
      owner: 'group:default/data-platform',
      strimzi: { version: '0.45.0' },
      replicas: 2,
      connect: { groupId: 'orders', replicationFactor: 3 },
      image: {
        build: 'strimzi',
        name: 'registry.example.com/shop/orders-connect',
        tag: '1.0.0',
      },
      plugins: [{ name: 'jdbc', artifacts: [{ type: 'jar', sha512sum: SHA }] }],
      connectors: [{ name: 'orders-sink', class: 'io.example.Sink' }],
    });
    expect(validateValues(values)).toEqual([]);
    expect(result.stderr).toBe('');
  });

  it('says on stderr when the Kafka version does not run on the target release, and takes its default', async () => {
    const result = await importText(cluster(), { strimzi: '1.2.0' });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^note: KafkaConnect orders: spec\.version: Kafka 3\.9\.0 does not run on Strimzi 1\.2\.0 .*taking the release's default, 4\.3\.1$/m,
    );
    expect(parse(result.stdout).kafka.version).toBe('4.3.1');
  });

  it('refuses an artifact without a checksum, naming the field, exit 1 and nothing on stdout', async () => {
    const result = await importText(cluster(), { checksums: false });
    expectRefused(result);
    expect(result.stderr).toMatch(
      /^KafkaConnect orders: spec\.build\.plugins\[0\]\.artifacts\[0\]\.sha512sum: missing: .*--checksums/m,
    );
  });

  it('refuses a literal password, naming the connector field', async () => {
    const result = await importText(
      cluster('', 'connection.password: hunter2'),
    );
    expectRefused(result);
    expect(result.stderr).toMatch(
      /^KafkaConnector orders-sink: spec\.config\["connection\.password"\]: looks like a credential written in plain text/m,
    );
  });

  it.each([
    [
      'an init container',
      '  template:\n    initContainers:\n      - name: wait\n        image: busybox\n',
      'KafkaConnect orders: spec.template.initContainers: Strimzi runs no extra containers',
    ],
    [
      'a sidecar',
      '  template:\n    pod:\n      containers:\n        - name: proxy\n          image: envoy\n',
      'KafkaConnect orders: spec.template.pod.containers: Strimzi runs no extra containers',
    ],
    [
      'probes',
      '  livenessProbe:\n    initialDelaySeconds: 60\n',
      'KafkaConnect orders: spec.livenessProbe: the values have no field for probes',
    ],
    [
      'a deployment template (Strimzi runs pod sets)',
      '  template:\n    deployment:\n      deploymentStrategy: Recreate\n',
      'KafkaConnect orders: spec.template.deployment: Strimzi ignores template.deployment',
    ],
  ])('refuses %s with the original field', async (_what, extra, line) => {
    const result = await importText(cluster(extra));
    expectRefused(result);
    expect(result.stderr.split('\n')).toContainEqual(
      expect.stringContaining(line),
    );
  });

  it('reports a bad checksums line and a YAML error as bad values, exit 1', async () => {
    await write(
      'bad-sums.txt',
      `${SHA}  https://a.example.com/a.jar\nnot a line\n`,
    );
    await write('c.yaml', cluster());
    let result = await runCli(
      ['import', '--from', 'c.yaml', ...OWNER, '--checksums', 'bad-sums.txt'],
      cwd,
    );
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'bad-sums.txt:2: not a checksum line; write `<128 hex digits>  <url>`, as sha512sum prints it\n',
    });
    await write('broken.yaml', 'kind: KafkaConnect\nmetadata: [a\n');
    result = await runCli(['import', '--from', 'broken.yaml', ...OWNER], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^broken\.yaml: invalid YAML at \d+:\d+: /);
  });

  it('refuses a file with two KafkaConnects, or none', async () => {
    await write('two.yaml', `${cluster()}---\n${cluster()}`);
    let result = await runCli(['import', '--from', 'two.yaml', ...OWNER], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^\(file\): holds 2 KafkaConnects/);
    await write(
      'none.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n',
    );
    result = await runCli(['import', '--from', 'none.yaml', ...OWNER], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^\(file\): holds no KafkaConnect/);
  });

  it.each([
    [['import', ...OWNER], 'import needs --from FILE'],
    [['import', '--from', 'c.yaml'], 'import needs --owner REF'],
    [
      ['import', '--from', 'c.yaml', ...OWNER, '--strimzi', '0.30.0'],
      '--strimzi must be one of',
    ],
    [
      ['import', '--from', 'c.yaml', ...OWNER, '--values', 'v'],
      'import takes no --values',
    ],
    [
      ['validate', '--values', 'v', '--owner', 'x'],
      'validate takes no --owner',
    ],
  ])('exits 2 on bad usage %j', async (argv, message) => {
    const result = await runCli(argv, cwd);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`connect-skeleton: ${message}`);
    expect(result.stderr).toContain("Run 'connect-skeleton --help' for usage.");
  });

  it('exits 2 when the file or the checksums file cannot be read', async () => {
    await write('c.yaml', cluster());
    expect(
      await runCli(['import', '--from', 'missing.yaml', ...OWNER], cwd),
    ).toEqual({
      code: 2,
      stdout: '',
      stderr: 'connect-skeleton: cannot read file missing.yaml: no such file\n',
    });
    expect(
      await runCli(
        ['import', '--from', 'c.yaml', ...OWNER, '--checksums', 'nope.txt'],
        cwd,
      ),
    ).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'connect-skeleton: cannot read checksums file nope.txt: no such file\n',
    });
  });
});
