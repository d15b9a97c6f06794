import { useScaffolderSuite } from '../scaffolder/scaffolderSuite';
import { expectCompleted } from '../scaffolder/taskExpectations';
import { TaskResult } from '../scaffolder/testBackend';
import {
  CHANGE_TEMPLATE,
  clusterEntity,
  DAY2_FEATURES,
  touchedFiles,
} from './clusterFolder';
import {
  BRANCH,
  changedPaths,
  changeOrdersSink,
  FILES,
  FOLDER,
  SEED,
} from './ordersSinkChange';
import {
  GITHUB_BLOB_URL,
  GITLAB_BLOB_URL,
  ordersSinkOnGitHub,
  ordersSinkOnGitLab,
  useOrdersSinkOnForge,
} from './ordersSinkSuite';
import {
  clusterFolderOf,
  FIRST_CHANGE,
  FIRST_RENDER,
  SECOND_CHANGE,
  SECOND_RENDER,
  STALE,
} from './pendingChange';

/**
 * A second change of a cluster while the first is still pending (its branch not merged), on
 * each destination: the second is made from the default branch and replaces the first on the
 * one branch of the cluster, so the branch's folder is exactly the second render afterwards:
 * none of the first change's files stays behind (here the file of a connector the first
 * added), the request says that it replaces the pending change, and running the second change
 * again changes nothing.
 */

jest.setTimeout(90_000);

/** What each destination's tests need: how to run the template and read the branch. */
interface Destination {
  run(changes: string): Promise<TaskResult>;
  /** The files of a branch, path → text. */
  files(branch: string): Map<string, string>;
  /** Something that moves when the branch gets a commit whose files differ. */
  state(): unknown;
  /** The description of the request (the task's summary for the local destination). */
  description(result: TaskResult): string;
}

function pendingChangeTests(destination: () => Destination) {
  it('change 1 adds a connector: its file is on the branch', async () => {
    expect(STALE.length).toBeGreaterThan(0);
    const d = destination();
    const result = await d.run(FIRST_CHANGE);
    expectCompleted(result);
    expect(clusterFolderOf(d.files(BRANCH))).toEqual(FIRST_RENDER);
    expect(d.description(result)).not.toContain('This replaces');
  });

  it("change 2, before change 1 is merged: the branch's folder is exactly change 2's render, and the request says it replaces change 1", async () => {
    const d = destination();
    const result = await d.run(SECOND_CHANGE);
    expectCompleted(result);

    expect(clusterFolderOf(d.files(BRANCH))).toEqual(SECOND_RENDER);
    for (const file of STALE)
      expect(d.files(BRANCH).has(`${FOLDER}/${file}`)).toBe(false);
    expect(changedPaths(d.files('main'), d.files(BRANCH))).toEqual(
      touchedFiles(FOLDER, FILES, SECOND_RENDER),
    );
    const description = d.description(result);
    expect(description).toContain('- `replicas: 3 → 4`');
    expect(description).toContain(
      `This replaces an earlier change of the cluster that is pending on branch \`${BRANCH}\``,
    );
    for (const file of STALE) expect(description).toContain(`\`${file}\``);
  });

  it('change 2 again changes nothing on the branch', async () => {
    const d = destination();
    const before = d.state();
    const result = await d.run(SECOND_CHANGE);
    expectCompleted(result);

    expect(d.state()).toEqual(before);
    expect(clusterFolderOf(d.files(BRANCH))).toEqual(SECOND_RENDER);
    expect(d.description(result)).not.toContain('This replaces');
  });
}

describe('A second change while the first is pending, local GitOps repository', () => {
  const suite = useScaffolderSuite({
    seed: SEED,
    features: DAY2_FEATURES,
    templatePaths: [CHANGE_TEMPLATE],
    entities: repository => [
      clusterEntity(repository, FOLDER, FILES['catalog-info.yaml']),
    ],
  });
  pendingChangeTests(() => ({
    run: changes => changeOrdersSink(suite.scaffolder, { changes }),
    files: branch => suite.repo.contents(branch),
    // push-branch commits only when the folder's files differ.
    state: () => suite.repo.snapshot(),
    description: result => result.output?.text?.[0].content ?? '',
  }));
});

describe('A second change while the first is pending, GitHub', () => {
  const github = ordersSinkOnGitHub();
  const { change } = useOrdersSinkOnForge(github, GITHUB_BLOB_URL);
  pendingChangeTests(() => ({
    run: changes => change({ changes }),
    files: branch => github.files(branch),
    // publish:github:pull-request makes a new commit from main on every run: its tree is
    // what must not move, and the pull request stays the one.
    state: () => ({
      tree: github.commit(BRANCH).tree,
      pulls: github.pulls.map(p => p.number),
    }),
    description: () => github.pulls[0]?.body ?? '',
  }));
});

describe('A second change while the first is pending, GitLab', () => {
  const gitlab = ordersSinkOnGitLab();
  const { change } = useOrdersSinkOnForge(gitlab, GITLAB_BLOB_URL);
  pendingChangeTests(() => ({
    run: changes => change({ changes }),
    files: branch => gitlab.files(branch),
    state: () => ({
      commits: gitlab.branches.get(BRANCH)?.length,
      requests: gitlab.mergeRequests.map(m => m.iid),
    }),
    description: () => gitlab.mergeRequests[0]?.description ?? '',
  }));
});
