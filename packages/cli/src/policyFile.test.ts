import { promises as fs } from 'node:fs';
import path from 'node:path';
import { runCli, tempDir } from './__testUtils__';

/** `--policy FILE` on validate, manifests and render, with the repository's example policy. */

const EXAMPLES = path.resolve(__dirname, '../../../examples');
const POLICY = path.join(EXAMPLES, 'policy/kafka-connect-policy.yaml');
const SEED = path.join(EXAMPLES, 'values/seed-1.2.0.yaml');
const ORDERS = path.join(EXAMPLES, 'values/orders-cdc.yaml');

// orders-cdc runs in prod in the namespace streaming, without resources or labels.
const ORDERS_VIOLATIONS = [
  'namespace: streaming is not one of the namespaces the policy allows group:default/orders (policy namespaces[1].allowed, namespaces[2].allowed): orders, orders-*, sandbox-*',
  'resources.requests.cpu: is not given; the policy requires a cpu request of at least 500m for environment prod (policy environments.prod.resources.requests.cpu.min)',
  'resources.requests.memory: is not given; the policy requires a memory request of at least 2Gi for environment prod (policy environments.prod.resources.requests.memory.min)',
  'resources.limits.memory: is not given, and no limit is no upper bound: the policy allows a memory limit of at most 16Gi for environment prod (policy environments.prod.resources.limits.memory.max)',
  'labels.cost-center: is required by the policy for environment prod (policy environments.prod.labels.required[0]); add it to labels',
  'labels.data-classification: is required by the policy for environment prod (policy environments.prod.labels.required[1]); add it to labels with one of: public, internal, confidential',
];

describe('connect-skeleton --policy', () => {
  let dir: string;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
  });
  afterEach(async () => {
    await cleanup();
  });

  it('validate: exit 0 and nothing printed for values that keep the policy', async () => {
    expect(
      await runCli(['validate', '--values', SEED, '--policy', POLICY], dir),
    ).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('validate: exit 1 with one line per violation on stdout, each naming the field and the rule', async () => {
    const result = await runCli(
      ['validate', '--values', ORDERS, '--policy', POLICY],
      dir,
    );
    expect(result).toEqual({
      code: 1,
      stdout: `${ORDERS_VIOLATIONS.join('\n')}\n`,
      stderr: '',
    });
    // Without the policy the same values are good.
    expect(await runCli(['validate', '--values', ORDERS], dir)).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
  });

  it('manifests and render: exit 1, the violations on stderr, no stream and no folder', async () => {
    expect(
      await runCli(['manifests', '--values', ORDERS, '--policy', POLICY], dir),
    ).toEqual({
      code: 1,
      stdout: '',
      stderr: `${ORDERS_VIOLATIONS.join('\n')}\n`,
    });
    const render = await runCli(
      ['render', '--values', ORDERS, '--out', 'out', '--policy', POLICY],
      dir,
    );
    expect(render.code).toBe(1);
    expect(render.stdout).toBe('');
    expect(render.stderr).toBe(`${ORDERS_VIOLATIONS.join('\n')}\n`);
    await expect(fs.stat(path.join(dir, 'out'))).rejects.toThrow(/ENOENT/);
  });

  it('manifests and render: values that keep the policy render as without it', async () => {
    const withPolicy = await runCli(
      ['manifests', '--values', SEED, '--policy', POLICY],
      dir,
    );
    const without = await runCli(['manifests', '--values', SEED], dir);
    expect(withPolicy.code).toBe(0);
    expect(withPolicy).toEqual(without);
    const render = await runCli(
      ['render', '--values', SEED, '--out', 'out', `--policy=${POLICY}`],
      dir,
    );
    expect(render.code).toBe(0);
    expect(render.stdout).toContain('out/connect-cluster.yaml');
  });

  it('reports bad values as bad values: the policy judges good values only', async () => {
    await fs.writeFile(
      path.join(dir, 'bad.yaml'),
      'name: x\nnamespace: streaming\nowner: group:default/orders\nkafka: {bootstrapServers: k:9092}\nreplicas: -1\n',
    );
    expect(
      await runCli(
        ['validate', '--values', 'bad.yaml', '--policy', POLICY],
        dir,
      ),
    ).toEqual({
      code: 1,
      stdout: 'replicas: must be at least 0\n',
      stderr: '',
    });
  });

  it('a policy that cannot be used is bad usage (exit 2), naming the file and each field', async () => {
    await fs.writeFile(
      path.join(dir, 'policy.yaml'),
      'apiVersion: connect-skeleton/policy/v1\nkind: KafkaConnectPolicy\nenvironments:\n  prod:\n    replicas: {mni: 2}\nplugins:\n  allowed:\n    - group: io.debezium\n      artifact: "*"\n      version: "[3.0,2.0)"\n',
    );
    expect(
      await runCli(
        ['validate', '--values', SEED, '--policy', 'policy.yaml'],
        dir,
      ),
    ).toEqual({
      code: 2,
      stdout: '',
      stderr: [
        'connect-skeleton: policy file policy.yaml is not a valid policy (docs/policy.md):',
        '  policy.yaml: plugins.allowed[0].version: [3.0,2.0) is empty or unbounded on a closed side: write [low,high) with low ≤ high, (,high] or [low,)',
        '  policy.yaml: environments.prod.replicas.mni: unknown policy field; remove it or check its spelling against docs/policy.md',
        '',
      ].join('\n'),
    });

    await fs.writeFile(path.join(dir, 'broken.yaml'), 'kind: [unclosed\n');
    const broken = await runCli(
      ['validate', '--values', SEED, '--policy', 'broken.yaml'],
      dir,
    );
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(
      /^connect-skeleton: invalid YAML in policy file broken\.yaml: /,
    );

    expect(
      await runCli(
        ['manifests', '--values', SEED, '--policy', 'missing.yaml'],
        dir,
      ),
    ).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'connect-skeleton: cannot read policy file missing.yaml: no such file\n',
    });
  });

  it('only validate, manifests and render take --policy', async () => {
    const result = await runCli(['diff', '--policy', POLICY, dir], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('diff takes no --policy');
  });
});
