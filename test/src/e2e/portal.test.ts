import { renderSkeleton } from '@internal/plugin-kafka-connect-common';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { parse } from 'yaml';
import { loadTemplate } from '../scaffolder/templateFile';
import { Chromium, launchChromium, requireChromium } from './browser';
import { git } from './git';
import { Portal, startPortal } from './portal';

/**
 * The whole self-service flow, as a portal user does it: the real portal (frontend dev server
 * and backend, as `backstage-cli repo start` runs them), headless Chromium, guest sign-in, the
 * Kafka Connect template filled in with the minimal values, Create, then the branch in the
 * GitOps repository, a merge into main, and the cluster in the catalog.
 */

jest.setTimeout(5 * 60_000);

const NAME = 'e2e-orders';
const BRANCH = `kafka-connect/${NAME}`;
const FOLDER = `clusters/${NAME}`;
const OWNER = 'group:default/data-platform';
// The owner picker filters its options on the entity's title (examples/org.yaml), not its name.
const OWNER_TITLE = 'Data Platform';
const GUEST_GROUP_TITLES = ['Data Platform', 'guests'];
const TYPED = {
  name: NAME,
  namespace: 'streaming',
  owner: OWNER,
  kafka: { bootstrapServers: 'orders-kafka-bootstrap.kafka.svc:9093' },
};

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
  });

  afterAll(async () => {
    await chromium?.close();
    await portal?.stop();
  });

  it('creates a Kafka Connect cluster from the template: branch, values, and the catalog after the merge', async () => {
    // The assertions are in selfService(), inside the try that adds screenshots and the log.
    expect.hasAssertions();
    const p = portal!;
    // A second attempt only when the portal reloaded during the first: someone saved a file
    // it loads (the CLI restarts the backend, with an empty in-memory database, and the dev
    // server reloads the page). Any other failure fails at once.
    for (let attempt = 1; ; attempt++) {
      const reloadsBefore = p.reloads().length;
      const browser: BrowserState = {};
      try {
        await selfService(p, chromium!, browser);
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
        const details = [
          reloaded.length > 0
            ? `The portal reloaded during this attempt (a file it loads changed): ${reloaded.join(
                ' | ',
              )}`
            : '',
          browser.page
            ? await saveScreenshots(browser.page, browser.firstPage)
            : '',
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
  /** The first form page, filled in, kept for the failure report. */
  firstPage?: Buffer;
}

async function selfService(
  p: Portal,
  chromium: Chromium,
  browser: BrowserState,
) {
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

  await page.goto(p.appUrl);
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.click();
  await enter.waitFor({ state: 'detached' });

  await page.goto(`${p.appUrl}/create/templates/default/kafka-connect-cluster`);
  await page.locator('#root_name').fill(TYPED.name);
  await page.getByLabel('Kubernetes namespace').fill(TYPED.namespace);
  // The owner picker offers the guest's own groups (examples/org.yaml), and nothing else.
  const owner = page.locator('#OwnershipEntityRefPicker-dropdown');
  await owner.click();
  await page.getByRole('option', { name: OWNER_TITLE }).waitFor();
  const offered = await page.getByRole('option').allInnerTexts();
  expect(offered.map(o => o.trim()).sort()).toEqual(GUEST_GROUP_TITLES);
  await page.getByRole('option', { name: OWNER_TITLE }).click();
  browser.firstPage = await page.screenshot({ fullPage: true });

  const titles = loadTemplate().spec.parameters.map(s => String(s.title));
  for (const [index, title] of titles.entries()) {
    await activeStep(page, title);
    if (index === 1) {
      await page
        .locator('#root_kafka_bootstrapServers')
        .fill(TYPED.kafka.bootstrapServers);
    }
    const last = index === titles.length - 1;
    await page.getByRole('button', { name: last ? 'Review' : 'Next' }).click();
  }
  await activeStep(page, 'Review');
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
  if (task.status !== 'completed') {
    const events = await p.api<{ body: { message?: string } }[]>(
      `/api/scaffolder/v2/tasks/${taskId}/events`,
    );
    const log = Array.isArray(events.body)
      ? events.body.map(e => e.body.message ?? '').join('\n')
      : JSON.stringify(events.body);
    throw new Error(`The task ${taskId} ended ${task.status}:\n${log}`);
  }

  // The branch, with the skeleton in the cluster's folder.
  const repo = (args: string[]) => git(p.repository, args);
  const branches = repo([
    'for-each-ref',
    '--format=%(refname:short)',
    'refs/heads',
  ])
    .split('\n')
    .filter(Boolean)
    .sort();
  expect(branches).toEqual([BRANCH, 'main']);
  const files = repo(['ls-tree', '-r', '--name-only', BRANCH, `${FOLDER}/`])
    .split('\n')
    .filter(Boolean);
  expect(files).toEqual(
    expect.arrayContaining(
      [
        'connect-cluster.yaml',
        'catalog-info.yaml',
        'Chart.yaml',
        'values.yaml',
      ].map(f => `${FOLDER}/${f}`),
    ),
  );

  // The values typed in the form, and nothing of the sections left untouched, which the
  // browser form sends pre-filled with empty objects and lists (scheduling, kafka.tls, ...).
  const values = parse(
    repo(['show', `${BRANCH}:${FOLDER}/connect-cluster.yaml`]),
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

  // Merged into main, the cluster shows up in the catalog.
  const clone = join(p.workDir, 'clone');
  git(p.workDir, ['clone', '--quiet', p.repository, clone]);
  git(clone, [
    'merge',
    '--no-ff',
    '--quiet',
    '-m',
    `Merge ${BRANCH}`,
    `origin/${BRANCH}`,
  ]);
  git(clone, ['push', '--quiet', 'origin', 'HEAD:main']);

  const entity = await eventually(
    `resource:default/${NAME} owned by ${OWNER} in the catalog`,
    60_000,
    async () => {
      const { status, body } = await p.api<Entity>(
        `/api/catalog/entities/by-name/resource/default/${NAME}`,
      );
      return status === 200 &&
        body.relations?.some(r => r.type === 'ownedBy' && r.targetRef === OWNER)
        ? body
        : undefined;
    },
  );
  expect(entity.spec?.owner).toBe(OWNER);
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
    throw new Error(
      `The form did not reach the page "${title}" (current: ${
        shown.join(', ') || 'none'
      }; errors shown: ${errors.filter(Boolean).join(' | ') || 'none'})`,
    );
  }
}

/** Saves the current page and the first form page, returns where. */
async function saveScreenshots(
  page: Page,
  firstPage: Buffer | undefined,
): Promise<string> {
  const stamp = `${Date.now()}-${process.pid}`;
  const lines: string[] = [];
  try {
    const current = join(tmpdir(), `kafka-connect-e2e-${stamp}-failure.png`);
    await page.screenshot({ path: current, fullPage: true, timeout: 15_000 });
    lines.push(`Screenshot of the page at the failure: ${current}`);
  } catch (error) {
    lines.push(`No screenshot of the page at the failure: ${error}`);
  }
  if (firstPage) {
    const first = join(
      tmpdir(),
      `kafka-connect-e2e-${stamp}-first-form-page.png`,
    );
    writeFileSync(first, firstPage);
    lines.push(`Screenshot of the first form page, filled in: ${first}`);
  }
  return lines.join('\n');
}
