import { ConfigReader } from '@backstage/config';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  createTestContext,
  makeTempDir,
  removeTempDir,
} from '../__testUtils__/actionContext';
import { failure } from '../__testUtils__/exampleSteps';
import { BareRepo } from '../__testUtils__/gitRepo';
import { createReadPendingChangeAction } from './readPendingChange';

type Input = Parameters<
  ReturnType<typeof createReadPendingChangeAction>['handler']
>[0]['input'];

const TARGET = 'clusters/prod/orders';
const BRANCH = 'kafka-connect-change/clusters/prod/orders';

/** Git's blob id, computed here from the bytes, as `git hash-object` does. */
const blobId = (text: string) =>
  createHash('sha1')
    .update(`blob ${Buffer.byteLength(text)}\0`)
    .update(text)
    .digest('hex');

/**
 * kafka-connect:read-pending-change against a local GitOps repository (a bare repository in a
 * temporary folder). Its GitHub and GitLab sources are shown through the real backend, with
 * forge fakes that answer to the published contracts
 * (test/src/day2/changeTemplate.pendingChange.test.ts).
 */
describe('kafka-connect:read-pending-change', () => {
  let root: string;
  let repo: BareRepo;
  let tempRoot: string;

  beforeEach(async () => {
    root = await makeTempDir();
    tempRoot = path.join(root, 'tmp');
    await fs.mkdir(tempRoot);
    await fs.mkdir(path.join(root, 'workspace'));
    repo = BareRepo.create(root);
  });
  afterEach(async () => {
    await removeTempDir(root);
  });

  async function run(input: Partial<Input> = {}) {
    const action = createReadPendingChangeAction({
      config: new ConfigReader({
        kafkaConnect: { gitops: { repository: repo.dir } },
      }),
    });
    const test = createTestContext(action, {
      input: { targetPath: TARGET, branch: BRANCH, ...input },
      workspacePath: path.join(root, 'workspace'),
      tempRoot,
    });
    await action.handler(test.ctx);
    return test;
  }

  it('finds no pending change when the branch does not exist, and leaves no temporary folder', async () => {
    const { outputs } = await run();
    expect(outputs).toEqual({ exists: false, files: {} });
    expect(await fs.readdir(tempRoot)).toEqual([]);
  });

  it("lists the folder's files on the branch, in subfolders too, with their Git blob ids, and nothing outside it", async () => {
    const files = {
      'connect-cluster.yaml': 'name: orders\n',
      'templates/kafka-connector-archive.yaml': 'kind: KafkaConnector\n',
    };
    repo.commitFiles(
      BRANCH,
      {
        ...Object.fromEntries(
          Object.entries(files).map(([f, text]) => [`${TARGET}/${f}`, text]),
        ),
        'clusters/prod/orders-2/connect-cluster.yaml': 'name: orders-2\n',
        'README.md': '# GitOps\n',
      },
      'Pending change',
    );
    const { outputs } = await run();
    expect(outputs).toEqual({
      exists: true,
      files: Object.fromEntries(
        Object.entries(files).map(([f, text]) => [f, blobId(text)]),
      ),
    });
    expect(await fs.readdir(tempRoot)).toEqual([]);
  });

  it('refuses a branch name Git would refuse, naming it', async () => {
    const error = await failure(run({ branch: 'kafka-connect-change/a..b' }));
    expect(error.name).toBe('InputError');
    expect(error.message).toContain('branch');
    expect(error.message).toContain('"kafka-connect-change/a..b"');
  });
});
