import { spawnSync } from 'node:child_process';
import { Locator, Page } from 'playwright-core';
import { REPO_ROOT } from '../scaffolder/templateFile';
import { eventually } from './eventually';
import { git, gitEnv } from './git';
import { OWNER } from './journey';
import { Portal } from './portal';

/**
 * From Create on the Review step to the cluster's entity page, as the browser tests share
 * it: the task and its finished page, the merge its commands say, and the catalog link.
 */

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
  timeoutMs = 120_000,
): Promise<TaskEvent[]> {
  const task = await eventually('the task finishes', timeoutMs, async () => {
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

export interface FinishedTask {
  taskId: string;
  events: TaskEvent[];
  /** The task page's text outputs ("How to get it deployed" and the like). */
  text: Locator;
}

/**
 * Create on the Review step, the task's end (`timeoutMs`), and its page once the outputs
 * show (they come when the task has completed).
 */
export async function createTask(
  p: Portal,
  page: Page,
  timeoutMs?: number,
): Promise<FinishedTask> {
  await page.getByRole('button', { name: 'Create' }).click();
  await page.waitForURL(/\/create\/tasks\/[^/]+$/, { timeout: 60_000 });
  const taskId = new URL(page.url()).pathname.split('/').pop()!;
  const events = await completedTask(p, taskId, timeoutMs);
  const text = page.getByTestId('text-output-box');
  await text.waitFor({ timeout: 60_000 });
  return { taskId, events, text };
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

/**
 * The merge, exactly as the task page's text says it, run from the repository root: it
 * must leave the checkout as it was.
 */
export async function mergeAsTheTaskPageSays(p: Portal, text: Locator) {
  const blocks = await text.locator('pre').allInnerTexts();
  const mergeBlock = blocks.find(b => b.includes('git merge'));
  expect(mergeBlock).toBeDefined();
  const before = checkoutState();
  runMergeBlock(p, mergeBlock!);
  expect(checkoutState()).toBe(before);
}

export interface CatalogEntity {
  spec?: { owner?: string };
  relations?: { type: string; targetRef: string }[];
}

/**
 * Once merged, the cluster in the catalog, owned by the guest's group (within a minute);
 * then the task page's catalog link to its entity page. Returns the entity.
 */
export async function entityPageFromTaskPage(
  p: Portal,
  page: Page,
  name: string,
): Promise<CatalogEntity> {
  const entity = await eventually(
    `resource:default/${name} owned by ${OWNER} in the catalog`,
    60_000,
    async () => {
      const { status, body } = await p.api<CatalogEntity>(
        `/api/catalog/entities/by-name/resource/default/${name}`,
      );
      return status === 200 &&
        body.relations?.some(r => r.type === 'ownedBy' && r.targetRef === OWNER)
        ? body
        : undefined;
    },
  );
  await page
    .getByTestId('output-box')
    .getByRole('link', { name: /the cluster in the catalog/i })
    .click();
  await page.waitForURL(new RegExp(`/catalog/default/resource/${name}$`));
  await page.getByRole('heading', { name, exact: true }).first().waitFor();
  return entity;
}
