import { mkdtempSync, rmSync } from 'fs';
import { setupServer } from 'msw/node';
import { tmpdir } from 'os';
import { join } from 'path';
import { BareRepo } from './bareRepo';
import { clusterValues } from './clusterValues';
import { GitLabFake } from './gitlabFake';
import {
  RestartableBackend,
  startRestartableBackend,
} from './restartableBackend';
import { GITLAB_TOKEN, stepStatus } from './testBackend';

/**
 * A backend that crashes in the middle of a task, and another that starts on the same
 * database: the scaffolder's task recovery (scaffolder.taskRecovery.enabled) hands the task
 * to the new backend, which skips the steps that had completed and runs the interrupted one
 * again. The interrupted step here is kafka-connect:gitlab:merge-request, caught after GitLab
 * opened the merge request and before the answer reached the task, so no checkpoint recorded
 * it: the resumed step must find that merge request and not open a second one.
 */

jest.setTimeout(90_000);

const BRANCH = 'kafka-connect/restarted';

async function until(condition: () => boolean, what: string) {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

describe('a task whose backend crashed', () => {
  const gitlab = new GitLabFake('acme/gitops', GITLAB_TOKEN, {
    'README.md': '# GitOps\n',
  });
  const server = setupServer(...gitlab.handlers());
  let databaseDir: string;
  let repo: BareRepo;
  const started: RestartableBackend[] = [];

  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'bypass' });
    databaseDir = mkdtempSync(join(tmpdir(), 'kafka-connect-db-'));
    repo = BareRepo.create();
  });

  afterAll(async () => {
    for (const backend of started) await backend.stop().catch(() => {});
    server.close();
    repo?.remove();
    rmSync(databaseDir, { recursive: true, force: true });
  });

  it('is resumed by the next backend on the same database and ends with exactly one merge request', async () => {
    let answer: () => void = () => {};
    gitlab.faults.push({
      route: 'POST /merge_requests',
      // GitLab opens the merge request; its answer is held until after the crash.
      status: 0,
      body: {},
      times: 1,
      afterServing: true,
      hold: new Promise<void>(resolve => {
        answer = resolve;
      }),
    });

    const first = await startRestartableBackend({
      databaseDir,
      repository: repo.path,
    });
    started.push(first);
    const id = await first.createTask({
      ...clusterValues({ name: 'restarted' }),
      destination: {
        type: 'gitlab',
        gitlabRepoUrl: 'gitlab.com?owner=acme&repo=gitops',
      },
    });
    await until(
      () => gitlab.mergeRequests.length === 1,
      'GitLab to open the merge request',
    );
    const commitsBefore = gitlab.branches.get(BRANCH)!.length;
    await first.crash();

    const second = await startRestartableBackend({
      databaseDir,
      repository: repo.path,
    });
    started.push(second);
    const result = await second.waitForEnd(id);
    // The request the crashed backend sent gets its answer only now: it can record nothing.
    answer();

    expect({ status: result.status, error: result.error }).toEqual({
      status: 'completed',
      error: undefined,
    });
    expect(result.events.some(e => e.type === 'recovered')).toBe(true);
    expect(result.log).toContain(
      'Task recovered - resuming from last known good state.',
    );
    for (const step of ['render', 'ensure-gitlab-branch', 'push-gitlab'])
      expect(result.log).toContain(
        `Skipping step ${step} because it was already completed in a previous run`,
      );
    expect(stepStatus(result, 'merge-request')).toBe('completed');

    // One merge request, the one GitLab opened before the crash; no second commit either.
    expect(gitlab.mergeRequests).toEqual([
      expect.objectContaining({
        iid: 1,
        source_branch: BRANCH,
        state: 'opened',
      }),
    ]);
    expect(
      gitlab.calls.filter(
        c => c === 'POST /projects/acme%2Fgitops/merge_requests',
      ),
    ).toHaveLength(1);
    expect(gitlab.branches.get(BRANCH)).toHaveLength(commitsBefore);
    expect(result.output?.links?.[0]).toEqual({
      title: 'Merge request !1 on GitLab',
      url: 'https://gitlab.com/acme/gitops/-/merge_requests/1',
    });
    expect(gitlab.violations).toEqual([]);
  });
});
