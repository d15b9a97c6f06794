import {
  findRelease,
  NEWEST_STRIMZI_VERSION,
  renderSkeleton,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { parse } from 'yaml';
import { loadTemplate } from '../scaffolder/templateFile';
import { Attempt, browserSuite } from './browserSuite';
import { activeStep, reviewRows, unreadableRows } from './formDriver';
import { branchesOf, filesAt, git } from './git';
import { homeToTemplateForm, OWNER, OWNER_TITLE } from './journey';
import {
  createTask,
  entityPageFromTaskPage,
  mergeAsTheTaskPageSays,
  stepsWithStatus,
} from './taskPage';

/**
 * The whole self-service flow, as a new portal user does it, by clicking from the home page:
 * the real portal (frontend dev server and backend, as `npm start` runs them), headless
 * Chromium, guest sign-in, Catalog, Create, the Kafka Connect template filled in with the
 * minimal values, Create, the finished task page, the merge its commands say (run from the
 * repository root), then the cluster's entity page, its Catalog Graph, and the scaffolder's
 * actions and tasks lists. Any page error, console error (bar the few known harmless ones in
 * pageProblems.ts) or error overlay fails it. A picture of every page is saved in
 * test/e2e-screenshots/portal/.
 */

const GUEST_GROUP_TITLES = ['Data Platform', 'guests'];
const NAMESPACE = 'streaming';
const BOOTSTRAP = 'orders-kafka-bootstrap.kafka.svc:9093';

/** The values typed into the form; the name differs per attempt (see the test). */
function typed(name: string) {
  return {
    name,
    namespace: NAMESPACE,
    owner: OWNER,
    kafka: { bootstrapServers: BOOTSTRAP },
  };
}

/** Key paths (a.b.c) of every key in `value`, to name what a file holds. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [];
  }
  return Object.entries(value).flatMap(([key, item]) => [
    `${prefix}${key}`,
    ...keyPaths(item, `${prefix}${key}.`),
  ]);
}

/** The connect-cluster.yaml the typed values alone give: the form's own leftovers excluded. */
function connectClusterOf(values: unknown): unknown {
  const rendered = renderSkeleton(values, { layout: 'helm' });
  if (!rendered.ok) {
    throw new Error(
      `The typed values do not render: ${JSON.stringify(rendered.problems)}`,
    );
  }
  const file = rendered.value.find(f => f.path === 'connect-cluster.yaml');
  return parse(file!.content);
}

describe('the portal in a browser', () => {
  const suite = browserSuite({
    screenshots: 'portal',
    testTimeoutMs: 8 * 60_000,
  });

  it('from the home page to a cluster in the catalog, every page without an error', async () => {
    // The journey asserts; the suite adds the pictures and the portal's log to a failure.
    expect.hasAssertions();
    await suite.run('e2e-orders', selfService);
  });
});

async function selfService({ p, judged, name }: Attempt) {
  const TYPED = typed(name);
  const branch = `kafka-connect/${name}`;
  const folder = `clusters/${name}`;

  const { page, judge, sidebarLink } = judged;
  // The scaffolder's sub-pages (Templates, Tasks, Actions) are tabs under its header.
  const createTab = (text: string) =>
    page
      .getByRole('tab', { name: text, exact: true })
      .or(page.getByRole('link', { name: text, exact: true }))
      .first();
  await homeToTemplateForm(p, judged);

  await page.locator('#root_name').fill(TYPED.name);
  await page.getByLabel('Kubernetes namespace').fill(TYPED.namespace);
  // The owner picker offers the guest's own groups (examples/org.yaml), and nothing else.
  const owner = page.locator('#OwnershipEntityRefPicker-dropdown');
  await owner.click();
  await page.getByRole('option', { name: OWNER_TITLE }).waitFor();
  const offered = await page.getByRole('option').allInnerTexts();
  expect(offered.map(o => o.trim()).sort()).toEqual(GUEST_GROUP_TITLES);
  await page.getByRole('option', { name: OWNER_TITLE }).click();

  const titles = loadTemplate().spec.parameters.map(s => String(s.title));
  for (const [index, title] of titles.entries()) {
    await activeStep(page, title);
    if (index === 1) {
      await page
        .locator('#root_kafka_bootstrapServers')
        .fill(TYPED.kafka.bootstrapServers);
    }
    await judge(`form-${index + 1}-${title}`);
    const last = index === titles.length - 1;
    await page.getByRole('button', { name: last ? 'Review' : 'Next' }).click();
  }
  await activeStep(page, 'Review');
  // The Review rows: what was typed, what is in effect by default, yes/no, and no row for
  // what nobody filled in (the lists the form drew empty, the forges not chosen).
  const rows = await reviewRows(page);
  const release = findRelease(NEWEST_STRIMZI_VERSION)!;
  expect(unreadableRows(rows)).toEqual([]);
  expect(Object.fromEntries(rows)).toMatchObject({
    'Cluster name': TYPED.name,
    'Kubernetes namespace': NAMESPACE,
    Owner: OWNER,
    'Strimzi release': NEWEST_STRIMZI_VERSION,
    'Kafka version': `${release.defaultKafkaVersion} (default)`,
    'Kafka › Bootstrap servers': BOOTSTRAP,
    'Connect worker › Group id': `${NAMESPACE}.${TYPED.name} (default)`,
    'Connect worker › Manage connectors as KafkaConnector resources': 'Yes',
    'Expose metrics': 'Yes',
    'Destination › Repository': "The portal's GitOps repository",
  });
  const labels = rows.map(([label]) => label);
  for (const empty of [
    'Kafka › TLS › Trusted certificates',
    'Connector plugins',
    'Volumes',
    'Connectors',
  ])
    expect(labels).not.toContain(empty);
  expect(labels.filter(l => /GitHub|GitLab|token/i.test(l))).toEqual([]);
  await judge('form-review');
  const { taskId, events, text: deployed } = await createTask(p, page);

  // The finished task page: the outputs show once the task has completed.
  await deployed
    .getByRole('heading', { name: 'How to get it deployed' })
    .waitFor();

  // Only the steps that ran, in the template's order; the other destinations' steps, which
  // the scaffolder skipped, are not on the page.
  const steps = loadTemplate().spec.steps;
  const [completed, skippedIds] = ['completed', 'skipped'].map(status =>
    stepsWithStatus(events, status),
  );
  const ran = steps.filter(s => completed.includes(s.id));
  const skipped = steps.filter(s => skippedIds.includes(s.id));
  expect(ran.map(s => s.id)).toEqual(['render', 'check-ownership', 'push']);
  expect(skipped.length + ran.length).toBe(steps.length);
  const shownSteps = (await page.getByTestId('step-label').allInnerTexts()).map(
    label => label.split('\n')[0].trim(),
  );
  expect(shownSteps).toEqual(ran.map(s => s.name));

  // The links and text of the local destination only, saying when the catalog has it.
  const outputs = page.getByTestId('output-box');
  const lower = (texts: string[]) => texts.map(t => t.trim().toLowerCase());
  expect(lower(await outputs.getByRole('link').allInnerTexts())).toEqual([
    'the cluster in the catalog (there once the branch is merged)',
  ]);
  // The text tabs are buttons; a link's button is inside its link.
  expect(lower(await outputs.getByRole('button').allInnerTexts())).toEqual([
    'how to get it deployed',
    'what was rendered',
    'the cluster in the catalog (there once the branch is merged)',
  ]);
  const deployedText = await deployed.innerText();
  expect(deployedText).toContain(branch);
  expect(deployedText).toContain(
    'Until then its catalog page says "Entity not found".',
  );
  await judge('task');

  // The branch, with the skeleton in the cluster's folder.
  expect(branchesOf(p.repository)).toContain(branch);
  const files = filesAt(p.repository, branch, folder);
  expect(files).toEqual(
    expect.arrayContaining(
      [
        'connect-cluster.yaml',
        'catalog-info.yaml',
        'Chart.yaml',
        'values.yaml',
      ].map(f => `${folder}/${f}`),
    ),
  );

  // The values typed in the form, and nothing of the sections left untouched, which the
  // browser form sends pre-filled with empty objects and lists (scheduling, kafka.tls, ...).
  const values = parse(
    git(p.repository, ['show', `${branch}:${folder}/connect-cluster.yaml`]),
  );
  expect(values).toMatchObject(TYPED);
  const keys = keyPaths(values);
  for (const untouched of [
    'scheduling',
    'rack',
    'kafka.authentication',
    'kafka.tls',
    'truststore',
    'jvmOptions',
    'logging',
  ]) {
    expect(keys).not.toContain(untouched);
  }
  // Key for key the file that the typed values alone give (the schema's defaults included).
  expect(values).toEqual(connectClusterOf(TYPED));

  // The merge, exactly as the task page says it, run from the repository root: it leaves
  // the checkout as it was, merges into main and removes the branch.
  await mergeAsTheTaskPageSays(p, deployed);
  expect(branchesOf(p.repository)).not.toContain(branch);
  expect(filesAt(p.repository, 'main', folder)).toContain(
    `${folder}/catalog-info.yaml`,
  );

  // Merged into main, the cluster shows up in the catalog within seconds; the task page's
  // catalog link now leads to its entity page.
  const entity = await entityPageFromTaskPage(p, page, name);
  expect(entity.spec?.owner).toBe(OWNER);
  await page.getByText(OWNER_TITLE).first().waitFor();
  await judge('entity');

  // Its relations card opens the Catalog Graph around the cluster.
  await page.getByRole('link', { name: /view graph/i }).click();
  await page.waitForURL(/\/catalog-graph/);
  await page.locator('svg').getByText(name, { exact: true }).first().waitFor();
  await page.locator('svg').getByText(OWNER_TITLE).first().waitFor();
  await judge('catalog-graph');

  await sidebarLink('Create').click();
  await createTab('Actions').click();
  await page.waitForURL(/\/create\/actions/);
  await page
    .getByText('kafka-connect:render', { exact: true })
    .first()
    .waitFor();
  await judge('actions');

  await createTab('Tasks').click();
  await page.waitForURL(/\/create\/tasks$/);
  await page.getByText(taskId).first().waitFor();
  await judge('tasks');
}
