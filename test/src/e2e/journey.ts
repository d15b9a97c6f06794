import { spawnSync } from 'node:child_process';
import { Locator, Page } from 'playwright-core';
import { REPO_ROOT } from '../scaffolder/templateFile';
import { BrowserState } from './attempts';
import { Chromium } from './browser';
import { eventually } from './eventually';
import { git, gitEnv } from './git';
import { watchPageProblems } from './pageProblems';
import { Portal } from './portal';
import { Screenshots } from './screenshots';

/**
 * The parts of a new user's way through the portal that the browser tests share: a page
 * that is judged (no page or console error, no error overlay) and pictured at every stop,
 * the way from the home page to the template's form, the finished task, and the merge the
 * task page gives.
 */

export interface JudgedPage {
  page: Page;
  /** Fails on any problem of the page shown now, then saves its picture. */
  judge(label: string): Promise<void>;
  sidebarLink(text: string): Locator;
}

/** Waits until the catalog has read the template and the owner group (seconds after the start). */
export async function catalogReady(p: Portal) {
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
}

export async function judgedPage(
  chromium: Chromium,
  browser: BrowserState,
  shots: Screenshots,
): Promise<JudgedPage> {
  const page = await chromium.context.newPage();
  browser.page = page;
  page.setDefaultTimeout(30_000);
  const problems = watchPageProblems(page);
  const sidebar = page.getByRole('navigation', { name: 'sidebar nav' });
  return {
    page,
    async judge(label) {
      await problems.check(label);
      await shots.take(page, label);
    },
    sidebarLink: text => sidebar.getByRole('link', { name: text, exact: true }),
  };
}

/** Home page, guest sign-in, Catalog, and Create, where the templates are. */
export async function homeToCreatePage(p: Portal, judged: JudgedPage) {
  const { page, judge, sidebarLink } = judged;
  await page.goto(p.appUrl);
  // The guest sign-in card appears a few seconds after the page loads.
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
}

/** Home page, guest sign-in, Catalog, Create, and Choose on the Kafka Connect cluster template. */
export async function homeToTemplateForm(p: Portal, judged: JudgedPage) {
  const { page, judge } = judged;
  await homeToCreatePage(p, judged);
  // Three templates name a Kafka Connect cluster: the day-2 ones say Change and Adopt.
  const card = page
    .locator('.MuiCard-root')
    .filter({ hasText: 'Kafka Connect cluster' })
    .filter({ hasNotText: 'Change a Kafka Connect cluster' })
    .filter({ hasNotText: 'Adopt an existing Kafka Connect cluster' });
  await card.waitFor();
  await judge('create-templates');
  await card.getByRole('button', { name: 'Choose' }).click();
  await page.locator('#root_name').waitFor();
}

interface Task {
  status: string;
}

export interface TaskEvent {
  body: { message?: string; stepId?: string; status?: string };
}

/** Waits for the task to end; returns its events, or fails with its log unless it completed. */
export async function completedTask(
  p: Portal,
  taskId: string,
): Promise<TaskEvent[]> {
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
  return events.body;
}

/** The ids of the steps whose last status is `status`. */
export function stepsWithStatus(events: TaskEvent[], status: string) {
  const last = new Map<string, string>();
  for (const event of events) {
    if (event.body.stepId && event.body.status) {
      last.set(event.body.stepId, event.body.status);
    }
  }
  return [...last].filter(([, s]) => s === status).map(([id]) => id);
}

/** The repository root's files as git sees them: the merge must leave them as they were. */
export function checkoutState(): string {
  return git(REPO_ROOT, [
    'status',
    '--porcelain',
    '--untracked-files=all',
    '--ignored=no',
  ]);
}

/**
 * Runs the block of the task page's "How to get it deployed" text that merges, as a user
 * pastes it, from the repository root; fails with its output when it fails.
 */
export function runMergeBlock(p: Portal, block: string) {
  const merge = spawnSync('bash', ['-euo', 'pipefail', '-c', block], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    // The clone's temporary folder goes where the portal's clean-up removes it.
    env: { ...gitEnv(), TMPDIR: p.workDir },
    timeout: 60_000,
  });
  if (merge.status !== 0) {
    throw new Error(
      `The task page's merge commands failed from the repository root (exit ${merge.status}):\n${block}\n${merge.stderr}`,
    );
  }
}
