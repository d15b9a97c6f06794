import {
  fileChanges,
  Layout,
  NEWEST_STRIMZI_VERSION,
  renderSkeleton,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { Attempt, browserSuite } from './browserSuite';
import { eventually } from './eventually';
import { activeStep, reviewRows, unreadableRows } from './formDriver';
import { branchesOf, git } from './git';
import { OWNER, OWNER_TITLE, signIn } from './journey';
import { Portal } from './portal';
import { createTask } from './taskPage';

/**
 * Day 2 in the browser (issue 11): a cluster on the GitOps repository's main branch, opened
 * from the catalog by clicking, changed through "Change this cluster" on its entity page. The
 * change form shows the cluster's values as its connect-cluster.yaml holds them; changing one
 * and creating pushes a branch holding only the files that change; the same with no change
 * pushes nothing; a third visit, that change not merged, is told before Create that a new
 * change would replace it. Any page error, console error (bar the known harmless ones of
 * pageProblems.ts) or error overlay fails it. A picture of every page is saved in
 * test/e2e-screenshots/day2/.
 */

const NAME = 'e2e-day2';
const FOLDER = `clusters/${NAME}`;
const ENTITY = `resource:default/${NAME}`;
const BRANCH = `kafka-connect-change/${FOLDER}`;
const LAYOUT: Layout = 'helm';
const VALUES = {
  name: NAME,
  namespace: 'streaming',
  owner: OWNER,
  replicas: 1,
  kafka: { bootstrapServers: 'orders-kafka-bootstrap.kafka.svc:9093' },
};

/** The files a render of `values` writes, path → content. */
function rendered(values: unknown): Map<string, string> {
  const result = renderSkeleton(values, { layout: LAYOUT });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return new Map(result.value.map(f => [f.path, f.content]));
}

/** Puts the cluster's rendered folder on main, as a merged template branch would. */
function seedCluster(p: Portal) {
  const clone = join(p.workDir, 'seed');
  git(p.workDir, ['clone', '--quiet', p.repository, clone]);
  for (const [path, content] of rendered(VALUES)) {
    const file = join(clone, FOLDER, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  git(clone, ['add', '-A']);
  git(clone, ['commit', '--quiet', '-m', `Add Kafka Connect cluster ${NAME}`]);
  git(clone, ['push', '--quiet', 'origin', 'HEAD:main']);
}

describe('day 2 in the browser: change a cluster from its entity page', () => {
  // No retry on a reload: the test checks every branch of the GitOps repository, which a
  // first attempt would have changed.
  const suite = browserSuite({
    screenshots: 'day2',
    testTimeoutMs: 10 * 60_000,
    catalog: [
      'template/default/kafka-connect-change',
      'template/default/kafka-connect-cluster',
      'group/default/data-platform',
      'user/default/guest',
    ],
    catalogWaitMs: 90_000,
    retryOnReload: false,
  });

  it('from the home page: the form filled from connect-cluster.yaml, one change pushed alone, no change pushed at all', async () => {
    // The journey asserts; the suite adds the pictures and the portal's log to a failure.
    expect.hasAssertions();
    await suite.run(NAME, dayTwo);
  });
});

async function dayTwo({ p, judged }: Attempt) {
  const { page, judge, sidebarLink } = judged;
  const repo = (args: string[]) => git(p.repository, args);
  const branches = () => branchesOf(p.repository);

  seedCluster(p);
  await eventually(`${ENTITY} in the catalog`, 60_000, async () =>
    (
      await p.api(`/api/catalog/entities/by-name/resource/default/${NAME}`)
    ).status === 200
      ? true
      : undefined,
  );
  const seededMain = repo(['rev-parse', 'main']).trim();

  await signIn(p, judged);

  /** From the catalog to the cluster's entity page, by clicking. */
  const openEntityPage = async (label: string) => {
    await sidebarLink('Catalog').click();
    await page.getByRole('heading', { name: 'Demo Company Catalog' }).waitFor();
    await page
      .getByRole('button', { name: /component/i })
      .first()
      .click();
    await page.getByRole('option', { name: /^resource$/i }).click();
    const link = page.getByRole('link', { name: NAME, exact: true });
    await link.waitFor();
    await judge(`${label}-catalog-resources`);
    await link.click();
    await page.waitForURL(new RegExp(`/catalog/default/resource/${NAME}$`));
    await page
      .getByRole('heading', { name: NAME, exact: true })
      .first()
      .waitFor();
    await page.getByText('Kafka Connect cluster', { exact: true }).waitFor();
    await judge(`${label}-entity`);
  };

  /** "Change this cluster", the cluster page of the form, then the change page with the values. */
  const openChangeForm = async (label: string) => {
    // A link drawn as a button (an <a href> with the button role, as Backstage's LinkButton).
    await page.getByRole('button', { name: 'Change this cluster' }).click();
    await page.waitForURL(/\/create\/templates\/default\/kafka-connect-change/);
    expect(
      JSON.parse(new URL(page.url()).searchParams.get('formData') ?? '{}'),
    ).toEqual({ cluster: ENTITY });
    await activeStep(page, 'The cluster', 30_000);
    await judge(`${label}-form-1-the-cluster`);
    await page.getByRole('button', { name: 'Next' }).click();
    await activeStep(page, 'The change', 30_000);
    const replicas = page.locator('#root_replicas');
    await replicas.waitFor({ timeout: 60_000 });
    // Filled from connect-cluster.yaml on main.
    expect(await replicas.inputValue()).toBe(String(VALUES.replicas));
    expect(await page.locator('#root_name').inputValue()).toBe(NAME);
    expect(await page.locator('#root_name').isDisabled()).toBe(true);
    expect(await page.locator('#root_namespace').inputValue()).toBe(
      VALUES.namespace,
    );
    // The owner picker shows the owner's title once it has read the user's groups.
    const owner = page.getByLabel(/^Owner/).first();
    await eventually(`the owner shown as ${OWNER_TITLE}`, 30_000, async () =>
      (await owner.inputValue()) === OWNER_TITLE ? true : undefined,
    );
    return replicas;
  };
  const pendingNotice = page.getByTestId('pending-change-notice');

  /**
   * Review (its rows: the release in effect, the change in words, yes/no, nothing empty or
   * unreadable), Create, and the task's end, with its log when it did not complete.
   */
  const create = async (label: string, whatChanges: string) => {
    await page.getByRole('button', { name: 'Review' }).click();
    await activeStep(page, 'Review', 30_000);
    // The change in words comes once the cluster's values are read (the field read them).
    await page
      .getByTestId('review-row')
      .filter({ hasText: 'What changes' })
      .waitFor({ timeout: 30_000 });
    const rows = await reviewRows(page);
    expect(rows).toEqual([
      ['Cluster', ENTITY],
      ['What changes', whatChanges],
      ['Strimzi release', `${NEWEST_STRIMZI_VERSION} (unchanged)`],
      ['The group and storage topics are meant to change', 'No'],
    ]);
    expect(unreadableRows(rows)).toEqual([]);
    await judge(`${label}-review`);
    const { text } = await createTask(p, page, 180_000);
    await judge(`${label}-task`);
    return text;
  };

  // First, no change: the form untouched, the task pushes nothing.
  await openEntityPage('1');
  await openChangeForm('1');
  const summary = page.getByTestId('cluster-change-summary');
  await summary.getByText(/Nothing yet/).waitFor();
  // No change branch yet: no notice of a pending change.
  expect(await pendingNotice.count()).toBe(0);
  await judge('1-form-2-the-change');
  const unchanged = await create(
    '1',
    'Nothing: with no change, the task pushes nothing.',
  );
  await unchanged
    .getByText(/No change/)
    .first()
    .waitFor();
  expect(branches()).toEqual(['main']);
  expect(repo(['rev-parse', 'main']).trim()).toBe(seededMain);

  // Then one change: replicas 1 → 2, from the entity page again.
  await openEntityPage('2');
  const replicas = await openChangeForm('2');
  // The group and storage topics are read-only on the Kafka connection section.
  await page.getByRole('tab', { name: 'Kafka connection' }).click();
  const groupId = page.locator('#root_connect_groupId');
  await groupId.waitFor();
  expect(await groupId.isDisabled()).toBe(true);
  await judge('2-form-2-kafka-connection');
  await page.getByRole('tab', { name: 'Cluster and owner' }).click();
  await replicas.fill('2');
  await summary.getByText('replicas: 1 → 2').waitFor();
  await judge('2-form-2-the-change');
  const changed = await create('2', 'replicas: 1 → 2');
  await changed
    .getByText(/replicas: 1 → 2/)
    .first()
    .waitFor();
  await page.getByRole('button', { name: /how to get it deployed/i }).click();
  await changed.getByText(BRANCH).first().waitFor();
  // The commands it gives: a look at the branch and its merge.
  await changed.locator('pre').first().waitFor();
  const blocks = await changed.locator('pre').allInnerTexts();
  expect(blocks.join('\n')).toContain(`git merge --no-ff origin/${BRANCH}`);
  await judge('2-task-how-to-deploy');

  // A second branch beside main, one commit on it, holding only the files that change.
  expect(branches()).toEqual([BRANCH, 'main']);
  expect(repo(['rev-parse', 'main']).trim()).toBe(seededMain);
  expect(repo(['rev-parse', `${BRANCH}~1`]).trim()).toBe(seededMain);
  const diff = fileChanges(
    rendered(VALUES),
    rendered({ ...VALUES, replicas: 2 }),
  );
  const expected = [...diff.added, ...diff.changed, ...diff.removed]
    .map(f => `${FOLDER}/${f}`)
    .sort();
  expect(expected).toContain(`${FOLDER}/connect-cluster.yaml`);
  const touched = repo(['diff', '--name-only', 'main', BRANCH])
    .split('\n')
    .filter(Boolean)
    .sort();
  expect(touched).toEqual(expected);
  const values = parse(
    repo(['show', `${BRANCH}:${FOLDER}/connect-cluster.yaml`]),
  );
  const before = parse(repo(['show', `main:${FOLDER}/connect-cluster.yaml`]));
  expect(values).toEqual({ ...before, replicas: 2 });

  // A third visit while that change is not merged: before Create, the form says that a new
  // change replaces it (made from main, so its replicas are 1 again), and what to do to keep
  // it; the Review step says it once more. Nothing is created: the branch stays as it is.
  const pushed = repo(['rev-parse', BRANCH]).trim();
  await openEntityPage('3');
  await openChangeForm('3');
  await pendingNotice.waitFor({ timeout: 30_000 });
  const notice = (await pendingNotice.innerText()).replace(/\s+/g, ' ');
  expect(notice).toContain('A change of this cluster is not merged yet');
  expect(notice).toContain(
    `An earlier change of the cluster is pending (on branch ${BRANCH},`,
  );
  expect(notice).toContain(
    'This change replaces it: it is made from the default branch',
  );
  expect(notice).toContain('To keep it, merge it first');
  // Information, not a block: the values are there to change, read from main.
  expect(await replicas.inputValue()).toBe(String(VALUES.replicas));
  await judge('3-form-2-pending-change');
  await replicas.fill('3');
  await summary.getByText('replicas: 1 → 3').waitFor();
  await page.getByRole('button', { name: 'Review' }).click();
  await activeStep(page, 'Review', 30_000);
  await pendingNotice.waitFor({ timeout: 30_000 });
  await page
    .getByTestId('review-row')
    .filter({ hasText: 'What changes' })
    .waitFor({ timeout: 30_000 });
  expect(await page.getByRole('button', { name: 'Create' }).isEnabled()).toBe(
    true,
  );
  await judge('3-review-pending-change');
  expect(branches()).toEqual([BRANCH, 'main']);
  expect(repo(['rev-parse', BRANCH]).trim()).toBe(pushed);
}
