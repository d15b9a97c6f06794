import { ConfigReader } from '@backstage/config';
import fs from 'node:fs/promises';
import path from 'node:path';
import { BareRepo } from '../__testUtils__/gitRepo';
import { makeTempDir, removeTempDir } from '../__testUtils__/actionContext';
import { loadPolicy, readPolicySource } from './policy';

const HEADER = {
  apiVersion: 'connect-skeleton/policy/v1',
  kind: 'KafkaConnectPolicy',
};

type ConfigData = ConstructorParameters<typeof ConfigReader>[0];

function source(policy: object, more: object = {}) {
  return readPolicySource(
    new ConfigReader({ kafkaConnect: { policy, ...more } } as ConfigData),
  );
}

describe('kafkaConnect.policy settings', () => {
  it('is no policy when not configured', () => {
    expect(readPolicySource(new ConfigReader({}))).toEqual({ kind: 'none' });
    expect(readPolicySource(undefined)).toEqual({ kind: 'none' });
  });

  it('reads an inline policy, keys with slashes and colons included', () => {
    const inline = {
      ...HEADER,
      namespaces: [{ owner: 'group:default/orders', allowed: ['orders'] }],
      labels: { required: [{ key: 'example.com/cost-center' }] },
    };
    expect(source({ inline })).toEqual({ kind: 'inline', policy: inline });
  });

  it('stops the backend on a broken inline policy, naming the key and each field', () => {
    expect(() =>
      source({
        inline: { ...HEADER, environments: { prod: { replicas: { mni: 2 } } } },
      }),
    ).toThrow(
      'kafkaConnect.policy.inline is not a valid policy (docs/policy.md):\nenvironments.prod.replicas.mni: unknown policy field; remove it or check its spelling against docs/policy.md',
    );
  });

  it('refuses unknown settings, both sources at once, and a path that leaves the repository', () => {
    expect(() => source({ gitopsPaht: 'policy.yaml' })).toThrow(
      'kafkaConnect.policy.gitopsPaht is no setting: kafkaConnect.policy takes inline (the policy document) or gitopsPath (a file on the GitOps repository)',
    );
    expect(() =>
      source(
        { inline: HEADER, gitopsPath: 'policy.yaml' },
        { gitops: { repository: '/tmp/x.git' } },
      ),
    ).toThrow('kafkaConnect.policy: give inline or gitopsPath, not both');
    expect(() =>
      source(
        { gitopsPath: '../policy.yaml' },
        { gitops: { repository: '/tmp/x.git' } },
      ),
    ).toThrow(
      'kafkaConnect.policy.gitopsPath must be the path of a file in the GitOps repository',
    );
    expect(() => source({ gitopsPath: 'policy.yaml' })).toThrow(
      'kafkaConnect.policy.gitopsPath needs kafkaConnect.gitops.repository',
    );
  });
});

describe('a policy file on the GitOps repository', () => {
  let root: string;
  let repo: BareRepo;

  beforeEach(async () => {
    root = await makeTempDir();
    repo = BareRepo.create(root);
  });
  afterEach(async () => {
    await removeTempDir(root);
  });

  const load = () => {
    const policySource = source(
      { gitopsPath: 'policy/kafka-connect.yaml' },
      { gitops: { repository: repo.dir, defaultBranch: 'main' } },
    );
    const temps: string[] = [];
    return {
      temps,
      done: loadPolicy(policySource, {
        tempDir: async () => {
          const dir = await fs.mkdtemp(path.join(root, 'step-'));
          temps.push(dir);
          return dir;
        },
      }),
    };
  };

  it('reads the file from the default branch, and removes its temporary folder', async () => {
    repo.commitFiles(
      'main',
      {
        'policy/kafka-connect.yaml':
          'apiVersion: connect-skeleton/policy/v1\nkind: KafkaConnectPolicy\notherEnvironments:\n  replicas: {max: 3}\n',
      },
      'Add the policy',
    );
    // Another branch's policy is not the platform's.
    repo.commitFiles(
      'other',
      { 'policy/kafka-connect.yaml': 'not: a policy\n' },
      'Not merged',
    );
    const { done, temps } = load();
    await expect(done).resolves.toEqual({
      policy: { ...HEADER, otherEnvironments: { replicas: { max: 3 } } },
      origin: `policy/kafka-connect.yaml on branch main of ${repo.dir}`,
    });
    expect(temps).toHaveLength(1);
    await expect(fs.stat(temps[0])).rejects.toThrow(/ENOENT/);
  });

  it('fails closed when the file is missing', async () => {
    await expect(load().done).rejects.toThrow(
      `The policy file policy/kafka-connect.yaml on branch main of ${repo.dir} (kafkaConnect.policy.gitopsPath) does not exist, so no cluster can be checked against it`,
    );
  });

  it('names the file and each broken field of a bad policy, and a file that is no YAML', async () => {
    repo.commitFiles(
      'main',
      {
        'policy/kafka-connect.yaml':
          'apiVersion: connect-skeleton/policy/v1\nkind: KafkaConnectPolicy\nplugins:\n  allowed:\n    - urlPrefix: https://repo.example.com\nlabel: {}\n',
      },
      'A broken policy',
    );
    const error = await load().done.catch((e: Error) => e);
    expect(error).toMatchObject({ name: 'ConflictError' });
    expect((error as Error).message.split('\n')).toEqual([
      `The policy file policy/kafka-connect.yaml on branch main of ${repo.dir} is not a valid policy (docs/policy.md), so no cluster can be checked against it; fix these fields:`,
      'plugins.allowed[0].urlPrefix: must end with "/" (e.g. https://repo1.maven.org/maven2/io/debezium/), so that it cannot also allow another host or a longer folder name',
      'label: unknown policy field; remove it or check its spelling against docs/policy.md',
    ]);

    repo.commitFiles(
      'main',
      { 'policy/kafka-connect.yaml': 'kind: [unclosed\n' },
      'Not YAML',
    );
    await expect(load().done).rejects.toThrow(
      `The policy file policy/kafka-connect.yaml on branch main of ${repo.dir} is not valid YAML:`,
    );
  });
});
