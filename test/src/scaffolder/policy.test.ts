import { execFileSync } from 'child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { stringify } from 'yaml';
import { clusterValues, ORDERS_BRANCH } from './clusterValues';
import { useScaffolderSuite } from './scaffolderSuite';
import { stepStatus } from './testBackend';

/**
 * The platform's policy (docs/policy.md) enforced by the real scaffolder backend running the
 * real template: a violation fails the render step with every broken rule, and nothing reaches
 * the GitOps repository.
 */

jest.setTimeout(90_000);

const POLICY_PATH = 'policy/kafka-connect-policy.yaml';

/** The orders team's policy: their namespace, two replicas in prod, Debezium 3.x only. */
function ordersPolicy(minReplicas = 2): Record<string, unknown> {
  return {
    apiVersion: 'connect-skeleton/policy/v1',
    kind: 'KafkaConnectPolicy',
    namespaces: [{ owner: 'group:default/orders', allowed: ['streaming'] }],
    environments: { prod: { replicas: { min: minReplicas } } },
    plugins: {
      allowed: [
        {
          group: 'io.debezium',
          artifact: 'debezium-connector-*',
          version: '[3.0,4.0)',
        },
      ],
    },
  };
}

/** Commits `files` onto main of the bare repository, as a merged pull request would. */
function commitToMain(repository: string, files: Record<string, string>) {
  const work = mkdtempSync(join(tmpdir(), 'policy-commit-'));
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args],
      {
        cwd: work,
        env: {
          ...process.env,
          GIT_CONFIG_GLOBAL: '/dev/null',
          GIT_CONFIG_NOSYSTEM: '1',
        },
      },
    );
  try {
    git('clone', '--quiet', '--branch', 'main', repository, '.');
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(dirname(join(work, file)), { recursive: true });
      writeFileSync(join(work, file), content);
    }
    git('add', '--all');
    git('commit', '--quiet', '-m', 'Change the policy');
    git('push', '--quiet', 'origin', 'main');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

describe('the policy file on the GitOps repository (kafkaConnect.policy.gitopsPath)', () => {
  const suite = useScaffolderSuite({
    seed: {
      'README.md': '# GitOps\n',
      [POLICY_PATH]: stringify(ordersPolicy()),
    },
    config: { kafkaConnect: { policy: { gitopsPath: POLICY_PATH } } },
  });

  it('fails the render step with every violation in one message, and pushes nothing', async () => {
    const snapshot = suite.repo.snapshot();
    const result = await suite.scaffolder.run(
      clusterValues({
        namespace: 'billing',
        replicas: 1,
        plugins: [
          {
            name: 'debezium-postgres',
            artifacts: [
              {
                type: 'maven',
                group: 'io.debezium',
                artifact: 'debezium-connector-postgres',
                version: '2.7.3.Final',
              },
            ],
          },
        ],
      }),
    );

    expect(result.status).toBe('failed');
    expect(result.error?.message.split('\n')).toEqual([
      `The Kafka Connect values break 3 rules of the platform's policy (${POLICY_PATH} on branch main of ${suite.repo.path}):`,
      'namespace: billing is not one of the namespaces the policy allows group:default/orders (policy namespaces[0].allowed): streaming',
      "replicas: 1 is below the policy's minimum of 2 for environment prod (policy environments.prod.replicas.min)",
      'plugins[0].artifacts[0].version: 2.7.3.Final of io.debezium:debezium-connector-postgres is outside the versions the policy allows: [3.0,4.0) (policy plugins.allowed[0].version)',
    ]);
    expect(stepStatus(result, 'render')).toBe('failed');
    expect(stepStatus(result, 'check-ownership')).toBe('skipped');
    expect(stepStatus(result, 'push')).toBe('skipped');
    // No branch, no commit: the repository is as it was.
    expect(suite.repo.snapshot()).toEqual(snapshot);
    expect(suite.repo.branches()).toEqual(['main']);
    // The task log shows the message, not a stack trace.
    expect(result.log).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  });

  it('renders and pushes values that keep the policy', async () => {
    const result = await suite.scaffolder.run(clusterValues());
    expect({ status: result.status, error: result.error }).toEqual({
      status: 'completed',
      error: undefined,
    });
    expect(suite.repo.branches()).toEqual([ORDERS_BRANCH, 'main']);
    expect(result.log).toContain(
      `The values keep the policy (${POLICY_PATH} on branch main of ${suite.repo.path})`,
    );
  });

  it('applies a policy merged into main from the next task on, without a restart', async () => {
    commitToMain(suite.repo.path, {
      [POLICY_PATH]: stringify(ordersPolicy(3)),
    });
    const snapshot = suite.repo.snapshot();
    const result = await suite.scaffolder.run(
      clusterValues({ name: 'orders-sink' }),
    );
    expect(result.status).toBe('failed');
    expect(result.error?.message).toContain(
      "replicas: 2 is below the policy's minimum of 3 for environment prod (policy environments.prod.replicas.min)",
    );
    expect(suite.repo.snapshot()).toEqual(snapshot);
  });

  it('fails closed on a broken policy file, naming the file and each broken field', async () => {
    commitToMain(suite.repo.path, {
      [POLICY_PATH]: stringify({
        ...ordersPolicy(),
        environments: { prod: { replicas: { mni: 2 } } },
      }),
    });
    const snapshot = suite.repo.snapshot();
    const result = await suite.scaffolder.run(
      clusterValues({ name: 'orders-sink' }),
    );
    expect(result.status).toBe('failed');
    expect(result.error?.message.split('\n')).toEqual([
      `The policy file ${POLICY_PATH} on branch main of ${suite.repo.path} is not a valid policy (docs/policy.md), so no cluster can be checked against it; fix these fields:`,
      'environments.prod.replicas.mni: unknown policy field; remove it or check its spelling against docs/policy.md',
    ]);
    expect(stepStatus(result, 'render')).toBe('failed');
    expect(suite.repo.snapshot()).toEqual(snapshot);
  });
});

describe('an inline policy (kafkaConnect.policy.inline)', () => {
  const suite = useScaffolderSuite({
    config: { kafkaConnect: { policy: { inline: ordersPolicy(3) } } },
  });

  it('fails the render step and pushes nothing; a dry run answers 400 with the same lines', async () => {
    const snapshot = suite.repo.snapshot();
    const expected = [
      "The Kafka Connect values break 1 rule of the platform's policy (kafkaConnect.policy.inline):",
      "replicas: 2 is below the policy's minimum of 3 for environment prod (policy environments.prod.replicas.min)",
    ];
    const result = await suite.scaffolder.run(clusterValues());
    expect(result.status).toBe('failed');
    expect(result.error?.message.split('\n')).toEqual(expected);
    expect(stepStatus(result, 'push')).toBe('skipped');
    expect(suite.repo.snapshot()).toEqual(snapshot);

    const { status, body } = await suite.scaffolder.dryRun(clusterValues());
    expect(status).toBe(400);
    expect(body.error?.message.split('\n')).toEqual(expected);
    expect(suite.repo.snapshot()).toEqual(snapshot);
  });

  it('lets values that keep it through', async () => {
    const result = await suite.scaffolder.run(clusterValues({ replicas: 3 }));
    expect({ status: result.status, error: result.error }).toEqual({
      status: 'completed',
      error: undefined,
    });
    expect(suite.repo.branches()).toEqual([ORDERS_BRANCH, 'main']);
  });
});
