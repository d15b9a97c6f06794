import {
  findRelease,
  NEWEST_STRIMZI_VERSION,
  renderSkeleton,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { parse } from 'yaml';
import { loadTemplate } from '../scaffolder/templateFile';
import { BrowserState, withOneRetryOnReload } from './attempts';
import { Chromium, launchChromium, requireChromium } from './browser';
import { eventually } from './eventually';
import { activeStep, reviewRows, unreadableRows } from './formDriver';
import { git } from './git';
import {
  catalogReady,
  checkoutState,
  completedTask,
  homeToTemplateForm,
  judgedPage,
  runMergeBlock,
} from './journey';
import { Portal, PORTAL_START_HOOK_MS, startPortal } from './portal';
import { Screenshots, screenshots } from './screenshots';

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

jest.setTimeout(8 * 60_000);

const OWNER = 'group:default/data-platform';
// The owner picker filters its options on the entity's title (examples/org.yaml), not its name.
const OWNER_TITLE = 'Data Platform';
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

interface Entity {
  spec?: { owner?: string };
  relations?: { type: string; targetRef: string }[];
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
  let portal: Portal | undefined;
  let chromium: Chromium | undefined;

  beforeAll(async () => {
    // First, so that a missing browser fails in a second and not after the portal's start.
    requireChromium();
    portal = await startPortal({ timeoutMs: 3.5 * 60_000 });
    chromium = await launchChromium(portal.workDir);
  }, PORTAL_START_HOOK_MS);

  afterAll(async () => {
    await chromium?.close();
    await portal?.stop();
  });

  it('from the home page to a cluster in the catalog, every page without an error', async () => {
    // The assertions are in selfService(), inside the try that adds screenshots and the log.
    expect.hasAssertions();
    const p = portal!;
    const shots = screenshots('portal');
    await withOneRetryOnReload(p, shots, 'e2e-orders', (browser, name) =>
      selfService(p, chromium!, browser, shots, name),
    );
  });
});

async function selfService(
  p: Portal,
  chromium: Chromium,
  browser: BrowserState,
  shots: Screenshots,
  name: string,
) {
  const TYPED = typed(name);
  const branch = `kafka-connect/${name}`;
  const folder = `clusters/${name}`;

  await catalogReady(p);
  const judged = await judgedPage(chromium, browser, shots);
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
  await page.getByRole('button', { name: 'Create' }).click();
  await page.waitForURL(/\/create\/tasks\/[^/]+$/, { timeout: 60_000 });
  const taskId = new URL(page.url()).pathname.split('/').pop()!;

  const events = await completedTask(p, taskId);

  // The finished task page: the outputs show once the task has completed.
  const deployed = page.getByTestId('text-output-box');
  await deployed.waitFor({ timeout: 60_000 });
  await deployed
    .getByRole('heading', { name: 'How to get it deployed' })
    .waitFor();

  // Only the steps that ran, in the template's order; the other destinations' steps, which
  // the scaffolder skipped, are not on the page.
  const lastStatus = new Map<string, string>();
  for (const event of events) {
    if (event.body.stepId && event.body.status) {
      lastStatus.set(event.body.stepId, event.body.status);
    }
  }
  const steps = loadTemplate().spec.steps;
  const ran = steps.filter(s => lastStatus.get(s.id) === 'completed');
  const skipped = steps.filter(s => lastStatus.get(s.id) === 'skipped');
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
  const repo = (args: string[]) => git(p.repository, args);
  const branches = () =>
    repo(['for-each-ref', '--format=%(refname:short)', 'refs/heads'])
      .split('\n')
      .filter(Boolean)
      .sort();
  expect(branches()).toContain(branch);
  const files = repo(['ls-tree', '-r', '--name-only', branch, `${folder}/`])
    .split('\n')
    .filter(Boolean);
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
    repo(['show', `${branch}:${folder}/connect-cluster.yaml`]),
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

  // The merge, exactly as the task page says it, run from the repository root.
  const blocks = await deployed.locator('pre').allInnerTexts();
  const mergeBlock = blocks.find(b => b.includes('git merge'));
  expect(mergeBlock).toBeDefined();
  const before = checkoutState();
  runMergeBlock(p, mergeBlock!);
  // They left the checkout as it was, merged into main and removed the branch.
  expect(checkoutState()).toBe(before);
  expect(branches()).not.toContain(branch);
  expect(
    repo(['ls-tree', '-r', '--name-only', 'main', `${folder}/`]),
  ).toContain(`${folder}/catalog-info.yaml`);

  // Merged into main, the cluster shows up in the catalog within seconds.
  const entity = await eventually(
    `resource:default/${name} owned by ${OWNER} in the catalog`,
    60_000,
    async () => {
      const { status, body } = await p.api<Entity>(
        `/api/catalog/entities/by-name/resource/default/${name}`,
      );
      return status === 200 &&
        body.relations?.some(r => r.type === 'ownedBy' && r.targetRef === OWNER)
        ? body
        : undefined;
    },
  );
  expect(entity.spec?.owner).toBe(OWNER);

  // The task page's catalog link now leads to the cluster's entity page.
  await outputs
    .getByRole('link', { name: /the cluster in the catalog/i })
    .click();
  await page.waitForURL(new RegExp(`/catalog/default/resource/${name}$`));
  await page.getByRole('heading', { name, exact: true }).first().waitFor();
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
