import { renderSkeleton } from '@internal/plugin-kafka-connect-common';
import { spawnSync } from 'node:child_process';
import { Page } from 'playwright-core';
import { parse } from 'yaml';
import { loadTemplate, REPO_ROOT } from '../scaffolder/templateFile';
import { Chromium, launchChromium, requireChromium } from './browser';
import { git, gitEnv } from './git';
import { PageProblems, watchPageProblems } from './pageProblems';
import { Portal, startPortal } from './portal';
import { Screenshots, screenshots, SCREENSHOTS_DIR } from './screenshots';

/**
 * The whole self-service flow, as a new portal user does it, by clicking from the home page:
 * the real portal (frontend dev server and backend, as `npm start` runs them), headless
 * Chromium, guest sign-in, Catalog, Create, the Kafka Connect template filled in with the
 * minimal values, Create, the finished task page, the merge its commands say (run from the
 * repository root), then the cluster's entity page, its Catalog Graph, and the scaffolder's
 * actions and tasks lists. Any page error, console error (bar the few known harmless ones in
 * pageProblems.ts) or error overlay fails it. A picture of every page is saved in
 * test/e2e-screenshots/.
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

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** Polls `check` until it returns a value; `check` returns undefined (or throws) to wait. */
async function eventually<T>(
  what: string,
  timeoutMs: number,
  check: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
      last = 'not yet';
    } catch (error) {
      last = String(error);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${what}: not within ${timeoutMs / 1000} s (last: ${last})`,
      );
    }
    await sleep(1000);
  }
}

interface Entity {
  spec?: { owner?: string };
  relations?: { type: string; targetRef: string }[];
}

interface Task {
  status: string;
}

interface TaskEvent {
  body: { message?: string; stepId?: string; status?: string };
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

/** The repository root's files as git sees them: the merge must leave them as they were. */
function checkoutState(): string {
  return git(REPO_ROOT, [
    'status',
    '--porcelain',
    '--untracked-files=all',
    '--ignored=no',
  ]);
}

describe('the portal in a browser', () => {
  let portal: Portal | undefined;
  let chromium: Chromium | undefined;

  beforeAll(async () => {
    // First, so that a missing browser fails in a second and not after the portal's start.
    requireChromium();
    portal = await startPortal({ timeoutMs: 3.5 * 60_000 });
    chromium = await launchChromium(portal.workDir);
  });

  afterAll(async () => {
    await chromium?.close();
    await portal?.stop();
  });

  it('from the home page to a cluster in the catalog, every page without an error', async () => {
    // The assertions are in selfService(), inside the try that adds screenshots and the log.
    expect.hasAssertions();
    const p = portal!;
    const shots = screenshots();
    // A second attempt only when the portal reloaded during the first: someone saved a file
    // it loads (the CLI restarts the backend, with an empty in-memory database, and the dev
    // server reloads the page). It uses another cluster name, so that what the first attempt
    // left in the GitOps repository does not change the second. Any other failure fails.
    for (let attempt = 1; ; attempt++) {
      const reloadsBefore = p.reloads().length;
      const browser: BrowserState = {};
      const name = attempt === 1 ? 'e2e-orders' : `e2e-orders-${attempt}`;
      try {
        await selfService(p, chromium!, browser, shots, name);
        return;
      } catch (error) {
        const reloaded = p.reloads().slice(reloadsBefore);
        if (reloaded.length > 0 && attempt === 1) {
          // Said out loud, so that a retried run is not mistaken for a clean one.
          console.warn(
            `Attempt 1 failed while the portal reloaded (${reloaded.join(
              ' | ',
            )}); trying once more. The failure: ${error}`,
          );
          await browser.page?.close();
          await p.ready(2 * 60_000);
          continue;
        }
        let picture = '';
        if (browser.page) {
          picture = await shots
            .take(browser.page, 'failure')
            .then(path => `Screenshot of the page at the failure: ${path}`)
            .catch(e => `No screenshot of the page at the failure: ${e}`);
        }
        const details = [
          reloaded.length > 0
            ? `The portal reloaded during this attempt (a file it loads changed): ${reloaded.join(
                ' | ',
              )}`
            : '',
          picture,
          `Screenshots of every page so far: ${SCREENSHOTS_DIR}`,
          `Portal log (last lines; all of it in ${p.keepLog()}):\n${p.logTail()}`,
        ];
        throw new Error(
          [`Attempt ${attempt}: ${error}`, ...details]
            .filter(Boolean)
            .join('\n'),
        );
      }
    }
  });
});

interface BrowserState {
  page?: Page;
}

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

  // The catalog reads the template and examples/org.yaml a few seconds after the start.
  for (const ref of [
    'template/default/kafka-connect-cluster',
    'group/default/data-platform',
  ]) {
    await eventually(`the catalog has ${ref}`, 60_000, async () =>
      (await p.api(`/api/catalog/entities/by-name/${ref}`)).status === 200
        ? true
        : undefined,
    );
  }

  const page = await chromium.context.newPage();
  browser.page = page;
  page.setDefaultTimeout(30_000);
  const problems: PageProblems = watchPageProblems(page);
  /** Judges the page shown now, then saves its picture. */
  const judge = async (label: string) => {
    await problems.check(label);
    await shots.take(page, label);
  };
  const sidebar = page.getByRole('navigation', { name: 'sidebar nav' });
  const sidebarLink = (text: string) =>
    sidebar.getByRole('link', { name: text, exact: true });
  // The scaffolder's sub-pages (Templates, Tasks, Actions) are tabs under its header.
  const createTab = (text: string) =>
    page
      .getByRole('tab', { name: text, exact: true })
      .or(page.getByRole('link', { name: text, exact: true }))
      .first();

  // The home page. The guest sign-in card appears a few seconds after the page loads.
  await page.goto(p.appUrl);
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.waitFor({ timeout: 60_000 });
  await judge('sign-in');
  await enter.click();
  await enter.waitFor({ state: 'detached' });
  await page.getByRole('heading', { name: 'Demo Company Catalog' }).waitFor();
  await judge('home');

  await sidebarLink('Catalog').click();
  await page.getByRole('heading', { name: 'Demo Company Catalog' }).waitFor();
  await judge('catalog');

  await sidebarLink('Create').click();
  // Three templates name a Kafka Connect cluster: the day-2 ones say Change and Adopt.
  const card = page
    .locator('.MuiCard-root')
    .filter({ hasText: 'Kafka Connect cluster' })
    .filter({ hasNotText: 'Change a Kafka Connect cluster' })
    .filter({ hasNotText: 'Adopt an existing Kafka Connect cluster' });
  await card.waitFor();
  await judge('create-templates');

  await card.getByRole('button', { name: 'Choose' }).click();
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
  await judge('form-review');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.waitForURL(/\/create\/tasks\/[^/]+$/, { timeout: 60_000 });
  const taskId = new URL(page.url()).pathname.split('/').pop()!;

  const task = await eventually('the task finishes', 120_000, async () => {
    const { status, body } = await p.api<Task>(
      `/api/scaffolder/v2/tasks/${taskId}`,
    );
    // Gone: the backend restarted and lost its in-memory database; no use waiting.
    if (status === 404) return { status: 'gone from the backend' };
    if (status !== 200) throw new Error(`HTTP ${status}`);
    return ['completed', 'failed', 'cancelled'].includes(body.status)
      ? body
      : undefined;
  });
  const events = await p.api<TaskEvent[]>(
    `/api/scaffolder/v2/tasks/${taskId}/events`,
  );
  if (task.status !== 'completed') {
    const log = Array.isArray(events.body)
      ? events.body.map(e => e.body.message ?? '').join('\n')
      : JSON.stringify(events.body);
    throw new Error(`The task ${taskId} ended ${task.status}:\n${log}`);
  }

  // The finished task page: the outputs show once the task has completed.
  const deployed = page.getByTestId('text-output-box');
  await deployed.waitFor({ timeout: 60_000 });
  await deployed
    .getByRole('heading', { name: 'How to get it deployed' })
    .waitFor();

  // Only the steps that ran, in the template's order; the other destinations' steps, which
  // the scaffolder skipped, are not on the page.
  const lastStatus = new Map<string, string>();
  for (const event of events.body) {
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
  const merge = spawnSync('bash', ['-euo', 'pipefail', '-c', mergeBlock!], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    // The clone's temporary folder goes where the portal's clean-up removes it.
    env: { ...gitEnv(), TMPDIR: p.workDir },
    timeout: 60_000,
  });
  if (merge.status !== 0) {
    throw new Error(
      `The task page's merge commands failed from the repository root (exit ${merge.status}):\n${mergeBlock}\n${merge.stderr}`,
    );
  }
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

/** Waits for the form's stepper to show `title` as the current page. */
async function activeStep(page: Page, title: string) {
  const active = page.locator('.MuiStepLabel-label.MuiStepLabel-active');
  try {
    await active.filter({ hasText: title }).waitFor({ timeout: 15_000 });
  } catch {
    const shown = await active.allInnerTexts().catch(() => []);
    const errors = await page
      .locator('.Mui-error, [role="alert"]')
      .allInnerTexts()
      .catch(() => []);
    // Fields the browser itself refuses (a `required` select left empty, say).
    const invalid = await page
      .locator('input:invalid, select:invalid, textarea:invalid')
      .evaluateAll(fields =>
        fields.map(f => `${f.id || f.getAttribute('name')}`),
      )
      .catch(() => []);
    throw new Error(
      `The form did not reach the page "${title}" (current: ${
        shown.join(', ') || 'none'
      }; errors shown: ${errors.filter(Boolean).join(' | ') || 'none'}${
        invalid.length
          ? `; fields the browser refuses: ${invalid.join(', ')}`
          : ''
      })`,
    );
  }
}
