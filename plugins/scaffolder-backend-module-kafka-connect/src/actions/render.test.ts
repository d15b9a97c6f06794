import { ConfigReader } from '@backstage/config';
import { renderSkeleton } from '@connect-skeleton/plugin-kafka-connect-common';
import fs from 'node:fs/promises';
import path from 'node:path';
import yaml from 'yaml';
import {
  createTestContext,
  listFiles,
  makeTempDir,
  removeTempDir,
} from '../__testUtils__/actionContext';
import { createKafkaConnectRenderAction } from './render';
import { CDC_VALUES, examples, MINIMAL_VALUES } from './render.examples';

const action = createKafkaConnectRenderAction();
type Input = Parameters<typeof action.handler>[0]['input'];

describe('kafka-connect:render', () => {
  let workspace: string;

  beforeEach(async () => {
    workspace = await makeTempDir();
  });
  afterEach(async () => {
    await removeTempDir(workspace);
  });

  function run(input: Input, isDryRun = false) {
    const test = createTestContext(action, {
      input,
      workspacePath: workspace,
      isDryRun,
    });
    return { ...test, done: action.handler(test.ctx) };
  }

  it('writes every rendered file into the workspace and reports them', async () => {
    const { done, outputs, logger } = run({ values: MINIMAL_VALUES });
    await done;

    const expected = renderSkeleton(MINIMAL_VALUES, { layout: 'helm' });
    if (!expected.ok) throw new Error('the example values must be valid');
    const written = await listFiles(workspace);
    expect(written).toEqual(expected.value.map(f => f.path).sort());
    expect(written).toEqual(
      expect.arrayContaining([
        'Chart.yaml',
        'values.yaml',
        'connect-cluster.yaml',
      ]),
    );
    for (const file of expected.value) {
      await expect(
        fs.readFile(path.join(workspace, file.path), 'utf8'),
      ).resolves.toBe(file.content);
    }

    expect(outputs.files).toEqual(expected.value.map(f => f.path));
    expect(outputs.targetPath).toBe('.');
    expect(outputs.clusterName).toBe('orders');
    expect(outputs.namespace).toBe('streaming');
    expect(outputs.entityRef).toBe('resource:default/orders-prod');
    expect(outputs.summary).toContain('`streaming/orders`');
    expect(outputs.summary).toContain(
      'Strimzi: `1.2.0` (`kafka.strimzi.io/v1`)',
    );
    expect(outputs.summary).toMatch(
      /Image: `quay\.io\/strimzi\/kafka:1\.2\.0-kafka-[\d.]+`/,
    );
    expect(outputs.summary).toContain('- KafkaConnect `orders`');
    expect(outputs.summary).toContain('- `connect-cluster.yaml`');

    const logged = logger.info.mock.calls.map(c => String(c[0])).join('\n');
    expect(logged).toContain('connect-cluster.yaml');
    // The file list is logged, the values are not.
    expect(logged).not.toContain('main-kafka-bootstrap');
  });

  it('writes into targetPath with the kustomize layout and names the built image', async () => {
    const { done, outputs } = run({
      values: CDC_VALUES,
      layout: 'kustomize',
      targetPath: './out//orders-cdc/',
    });
    await done;

    expect(outputs.targetPath).toBe('out/orders-cdc');
    expect(outputs.files).toContain('out/orders-cdc/kustomization.yaml');
    expect(outputs.files).toContain('out/orders-cdc/Dockerfile');
    expect(outputs.files).not.toContain('out/orders-cdc/Chart.yaml');
    expect(await listFiles(workspace)).toEqual(
      [...(outputs.files ?? [])].sort(),
    );
    expect(outputs.entityRef).toBe('resource:default/orders-cdc-prod');
    expect(outputs.summary).toMatch(
      /Image: `registry\.example\.com\/orders\/connect:0\.51\.0-kafka-[\d.]+-\w+`; CI builds it/,
    );
    expect(outputs.summary).toContain('(`kafka.strimzi.io/v1beta2`)');

    const saved = yaml.parse(
      await fs.readFile(
        path.join(workspace, 'out/orders-cdc/connect-cluster.yaml'),
        'utf8',
      ),
    );
    expect(saved).toMatchObject({ name: 'orders-cdc', namespace: 'streaming' });
  });

  it('does the same in a dry run (it only writes into the workspace)', async () => {
    const { done, outputs } = run({ values: MINIMAL_VALUES }, true);
    await done;
    expect(outputs.files?.length).toBeGreaterThan(3);
    expect(await listFiles(workspace)).toEqual(
      [...(outputs.files ?? [])].sort(),
    );
  });

  it('refuses bad values with one field-named line per problem, and writes nothing', async () => {
    const { done } = run({
      values: {
        ...MINIMAL_VALUES,
        name: 'Orders_DB',
        kafka: { bootstrapServers: 'no port here' },
      },
    });
    const error: Error = await done.then(
      () => {
        throw new Error('expected a failure');
      },
      e => e,
    );
    expect(error.name).toBe('InputError');
    const lines = error.message.split('\n');
    expect(lines[0]).toMatch(/^The Kafka Connect values have \d+ problems:$/);
    expect(lines.slice(1)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^name: /),
        expect.stringMatching(/^kafka\.bootstrapServers: /),
      ]),
    );
    // No stack trace for the task log: the message is the whole story.
    expect(error.stack).toBe(`InputError: ${error.message}`);
    expect(await listFiles(workspace)).toEqual([]);
  });

  it('names a missing required field', async () => {
    const { owner: _owner, ...withoutOwner } = MINIMAL_VALUES;
    await expect(
      action.handler(
        createTestContext(action, {
          input: { values: withoutOwner },
          workspacePath: workspace,
        }).ctx,
      ),
    ).rejects.toThrow(/^The Kafka Connect values have 1 problem:\nowner: /);
    expect(await listFiles(workspace)).toEqual([]);
  });

  it("refuses an owner outside the task user's groups, in a dry run too, and writes nothing", async () => {
    for (const isDryRun of [false, true]) {
      const test = createTestContext(action, {
        input: { values: { ...MINIMAL_VALUES, owner: 'group:payments' } },
        workspacePath: workspace,
        isDryRun,
      });
      await expect(action.handler(test.ctx)).rejects.toThrow(
        /^owner: user:default\/test-user is not a member of group:default\/payments, .*pick one of your groups \(group:default\/orders\)/,
      );
    }
    const anonymous = createTestContext(action, {
      input: { values: MINIMAL_VALUES },
      workspacePath: workspace,
      user: undefined,
    });
    await expect(action.handler(anonymous.ctx)).rejects.toThrow(
      /^owner: .* no signed-in user/,
    );
    expect(await listFiles(workspace)).toEqual([]);
  });

  it.each([
    ['/etc/kafka', /absolute/],
    ['../elsewhere', /climb out/],
    ['out/../../elsewhere', /climb out/],
    ['C:\\temp', /absolute/],
    ['.git/hooks', /\.git/],
  ])('refuses targetPath %j and writes nothing', async (targetPath, says) => {
    const { done } = run({ values: MINIMAL_VALUES, targetPath });
    await expect(done).rejects.toThrow(says);
    expect(await listFiles(workspace)).toEqual([]);
  });

  it('refuses to write through a symbolic link that leaves the workspace', async () => {
    const outside = await makeTempDir();
    try {
      await fs.symlink(outside, path.join(workspace, 'link'));
      const { done } = run({ values: MINIMAL_VALUES, targetPath: 'link' });
      await expect(done).rejects.toThrow(/outside/);
      expect(await listFiles(outside)).toEqual([]);
    } finally {
      await removeTempDir(outside);
    }
  });

  describe('examples', () => {
    it.each(examples.map(e => [e.description, e] as const))(
      '%s',
      async (_d, example) => {
        const steps = yaml.parse(example.example).steps as Array<{
          action: string;
          input: Input;
        }>;
        expect(steps.length).toBeGreaterThan(0);
        for (const step of steps) {
          expect(step.action).toBe(action.id);
          const { ctx, outputs } = createTestContext(action, {
            input: step.input,
            workspacePath: workspace,
          });
          await action.handler(ctx);
          expect(outputs.files?.length).toBeGreaterThan(3);
          expect(await listFiles(workspace)).toEqual(
            expect.arrayContaining(outputs.files ?? []),
          );
        }
      },
    );
  });
});

describe('kafka-connect:render with the platform policy', () => {
  let workspace: string;

  beforeEach(async () => {
    workspace = await makeTempDir();
  });
  afterEach(async () => {
    await removeTempDir(workspace);
  });

  const policyAction = createKafkaConnectRenderAction({
    config: new ConfigReader({
      kafkaConnect: {
        policy: {
          inline: {
            apiVersion: 'connect-skeleton/policy/v1',
            kind: 'KafkaConnectPolicy',
            namespaces: [
              { owner: 'group:default/orders', allowed: ['orders-*'] },
            ],
            environments: { prod: { replicas: { min: 2 } } },
          },
        },
      },
    }),
  });

  function runWithPolicy(values: Record<string, unknown>, isDryRun = false) {
    const test = createTestContext(policyAction, {
      input: { values },
      workspacePath: workspace,
      isDryRun,
    });
    return { ...test, done: policyAction.handler(test.ctx) };
  }

  it.each([false, true])(
    'fails with every violation in one message and writes nothing (dry run: %s)',
    async isDryRun => {
      const { done } = runWithPolicy(MINIMAL_VALUES, isDryRun);
      const error = await done.catch((e: Error) => e);
      expect(error).toMatchObject({ name: 'InputError' });
      expect((error as Error).message.split('\n')).toEqual([
        "The Kafka Connect values break 2 rules of the platform's policy (kafkaConnect.policy.inline):",
        'namespace: streaming is not one of the namespaces the policy allows group:default/orders (policy namespaces[0].allowed): orders-*',
        "replicas: 1 is below the policy's minimum of 2 for environment prod (policy environments.prod.replicas.min)",
      ]);
      // No stack trace in the task log: the message is the whole story.
      expect((error as Error).stack).not.toContain('    at ');
      expect(await listFiles(workspace)).toEqual([]);
    },
  );

  it('renders values that keep the policy, and says so in the log', async () => {
    const { done, outputs, logger } = runWithPolicy({
      ...MINIMAL_VALUES,
      namespace: 'orders-streaming',
      replicas: 2,
    });
    await done;
    expect(outputs.files).toContain('connect-cluster.yaml');
    expect(logger.info).toHaveBeenCalledWith(
      'The values keep the policy (kafkaConnect.policy.inline)',
    );
  });

  it('checks the values first: bad values are reported as such, before the policy', async () => {
    const { done } = runWithPolicy({ ...MINIMAL_VALUES, replicas: -1 });
    await expect(done).rejects.toThrow(
      /^The Kafka Connect values have 1 problem:\nreplicas: must be at least 0$/,
    );
  });
});
