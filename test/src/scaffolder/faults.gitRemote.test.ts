import { chmodSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { BareRepo } from './bareRepo';
import { clusterValues } from './clusterValues';
import { GitHttpServer } from './gitHttpServer';
import {
  ScaffolderBackend,
  startScaffolderBackend,
  stepStatus,
  TaskResult,
} from './testBackend';

/**
 * The real template and scaffolder backend against a GitOps repository that misbehaves: one
 * that refuses the push, and one served over HTTP whose server goes away in the middle of a
 * task. The task must fail saying what happened, and leave no branch that looks finished.
 */

jest.setTimeout(90_000);

const branchOf = (name: string) => `kafka-connect/${name}`;
const STACK_LINE = /^\s+at /m;

function expectFailedPush(result: TaskResult) {
  expect(result.status).toBe('failed');
  expect(stepStatus(result, 'render')).toBe('completed');
  expect(stepStatus(result, 'push')).toBe('failed');
  // A failed task offers nothing to open or merge.
  expect(result.output).toBeUndefined();
  expect(result.log).not.toMatch(STACK_LINE);
}

describe('a GitOps repository that refuses the push', () => {
  let repo: BareRepo;
  let scaffolder: ScaffolderBackend;
  const hookRuns = () =>
    readFileSync(join(repo.dir, 'hook-runs'), 'utf8').split('\n').length - 1;

  beforeAll(async () => {
    repo = BareRepo.create();
    writeFileSync(join(repo.dir, 'hook-runs'), '');
    const hook = join(repo.path, 'hooks', 'pre-receive');
    writeFileSync(
      hook,
      [
        '#!/bin/sh',
        `echo run >> '${join(repo.dir, 'hook-runs')}'`,
        'echo "kafka-connect branches need an approved change ticket (CHG-1234)" >&2',
        'exit 1',
        '',
      ].join('\n'),
    );
    chmodSync(hook, 0o755);
    scaffolder = await startScaffolderBackend({ repository: repo.path });
  });

  afterAll(async () => {
    await scaffolder?.stop();
    repo?.remove();
  });

  it("fails the task with the remote's refusal and its reason, once, and no branch exists", async () => {
    const snapshot = repo.snapshot();
    const result = await scaffolder.run(clusterValues({ name: 'refused' }));

    expectFailedPush(result);
    expect(result.error?.message).toMatch(
      new RegExp(
        `^The GitOps repository ${repo.path} refused branch ${branchOf(
          'refused',
        )}: `,
      ),
    );
    expect(result.error?.message).toContain(
      'remote: kafka-connect branches need an approved change ticket (CHG-1234)',
    );
    expect(result.error?.message).toContain('(pre-receive hook declined)');
    expect(repo.snapshot()).toEqual(snapshot);
    expect(repo.branches()).toEqual(['main']);
    // A refusal is an answer, not a race: the push is not tried again.
    expect(hookRuns()).toBe(1);
  });
});

describe('a GitOps repository served over HTTP whose server goes away', () => {
  let repo: BareRepo;
  let server: GitHttpServer;
  let scaffolder: ScaffolderBackend;

  beforeAll(async () => {
    repo = BareRepo.create();
    server = await GitHttpServer.start(repo.path);
    scaffolder = await startScaffolderBackend({ repository: server.url });
  });

  afterAll(async () => {
    await scaffolder?.stop();
    await server?.stop();
    repo?.remove();
  });

  it('serves a task end to end over HTTP (the server is a real Git remote)', async () => {
    const result = await scaffolder.run(clusterValues({ name: 'over-http' }));

    expect({ status: result.status, error: result.error }).toEqual({
      status: 'completed',
      error: undefined,
    });
    expect(repo.branches()).toEqual([branchOf('over-http'), 'main']);
    expect(repo.parents(branchOf('over-http'))).toEqual([repo.head('main')]);
    expect(server.requests).toContainEqual({
      method: 'POST',
      service: 'git-receive-pack',
      phase: 'rpc',
    });
  });

  it('completes when the connection breaks after the server took the push: the branch is read again and holds the commit', async () => {
    server.onRequest = r =>
      r.service === 'git-receive-pack' && r.phase === 'rpc'
        ? 'serve-then-drop'
        : 'serve';
    const result = await scaffolder.run(clusterValues({ name: 'cut-late' }));
    server.onRequest = () => 'serve';

    expect({ status: result.status, error: result.error }).toEqual({
      status: 'completed',
      error: undefined,
    });
    expect(result.log).toContain(
      `Pushed branch ${branchOf('cut-late')} (${repo.head(
        branchOf('cut-late'),
      )}) to ${server.url}, although git reported: `,
    );
    expect(repo.parents(branchOf('cut-late'))).toEqual([repo.head('main')]);
  });

  it('fails naming the repository as unreachable when the server vanishes as the push starts, and leaves no branch', async () => {
    const snapshot = repo.snapshot();
    // Reads (ls-remote, fetch) are served; the push finds the server gone for good.
    server.onRequest = r =>
      r.service === 'git-receive-pack' ? 'vanish' : 'serve';

    const result = await scaffolder.run(clusterValues({ name: 'vanished' }));

    expectFailedPush(result);
    expect(result.error?.message).toMatch(
      new RegExp(
        `^The GitOps repository ${
          server.url
        } could not be reached to push branch ${branchOf(
          'vanished',
        )}: fatal: unable to access '${server.url}/': `,
      ),
    );
    expect(repo.snapshot()).toEqual(snapshot);
    expect(repo.branches()).not.toContain(branchOf('vanished'));
  });

  it('fails naming the repository when it is unreachable from the start', async () => {
    // The server vanished in the test before; nothing listens at its address any more.
    const result = await scaffolder.run(clusterValues({ name: 'never' }));

    // The first step that reads it, the ownership check, fails: nothing is taken for granted.
    expect(result.status).toBe('failed');
    expect(stepStatus(result, 'render')).toBe('completed');
    expect(stepStatus(result, 'check-ownership')).toBe('failed');
    expect(stepStatus(result, 'push')).toBe('skipped');
    expect(result.output).toBeUndefined();
    expect(result.log).not.toMatch(STACK_LINE);
    expect(result.error?.message).toMatch(
      new RegExp(
        `^The GitOps repository ${server.url} \\(kafkaConnect\\.gitops\\.repository\\) cannot be read, so nothing was pushed: fatal: unable to access '${server.url}/': `,
      ),
    );
    expect(result.error?.message).toContain(
      'Set kafkaConnect.gitops.repository to a repository',
    );
    expect(repo.branches()).not.toContain(branchOf('never'));
  });
});
