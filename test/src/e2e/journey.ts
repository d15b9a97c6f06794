import { Locator, Page } from 'playwright-core';
import { BrowserState } from './attempts';
import { Chromium } from './browser';
import { eventually } from './eventually';
import { watchPageProblems } from './pageProblems';
import { Portal } from './portal';
import { Screenshots } from './screenshots';

/**
 * The parts of a new user's way through the portal that the browser tests share: a page
 * that is judged (no page or console error, no error overlay) and pictured at every stop,
 * and the way from the home page to the template's form. What follows Create is in
 * taskPage.ts.
 */

/** The guest's group (examples/org.yaml), which the tests choose as the owner. */
export const OWNER = 'group:default/data-platform';
/** The owner picker filters its options on the group's title, not its name. */
export const OWNER_TITLE = 'Data Platform';

export interface JudgedPage {
  page: Page;
  /** Fails on any problem of the page shown now, then saves its picture. */
  judge(label: string): Promise<void>;
  sidebarLink(text: string): Locator;
}

/** What the catalog reads first: the template and the owner group. */
export const CATALOG_BASICS = [
  'template/default/kafka-connect-cluster',
  'group/default/data-platform',
];

/** Waits until the catalog has read `refs` (seconds after the start), each within `timeoutMs`. */
export async function catalogReady(
  p: Portal,
  refs: string[] = CATALOG_BASICS,
  timeoutMs = 60_000,
) {
  for (const ref of refs) {
    await eventually(`the catalog has ${ref}`, timeoutMs, async () =>
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

/** The heading of the demo portal's home page (its catalog: organization.name + Catalog). */
export const DEMO_HOME_HEADING = 'Demo Company Catalog';

/**
 * Home page and guest sign-in, up to the home page's heading: the demo portal's catalog, or
 * another app's (`homeHeading`).
 */
export async function signIn(
  p: Pick<Portal, 'appUrl'>,
  judged: JudgedPage,
  homeHeading: string = DEMO_HOME_HEADING,
) {
  const { page, judge } = judged;
  await page.goto(p.appUrl);
  // The guest sign-in card appears a few seconds after the page loads.
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.waitFor({ timeout: 60_000 });
  await judge('sign-in');
  await enter.click();
  await enter.waitFor({ state: 'detached' });
  await page.getByRole('heading', { name: homeHeading }).waitFor();
  await judge('home');
}

/** Home page, guest sign-in, Catalog, and Create, where the templates are. */
export async function homeToCreatePage(p: Portal, judged: JudgedPage) {
  const { page, judge, sidebarLink } = judged;
  await signIn(p, judged);

  await sidebarLink('Catalog').click();
  await page.getByRole('heading', { name: DEMO_HOME_HEADING }).waitFor();
  await judge('catalog');

  await sidebarLink('Create').click();
}

/** On the Create page: Choose on the Kafka Connect cluster template, up to its form. */
export async function chooseClusterTemplate(judged: JudgedPage) {
  const { page, judge } = judged;
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

/** Home page, guest sign-in, Catalog, Create, and Choose on the Kafka Connect cluster template. */
export async function homeToTemplateForm(p: Portal, judged: JudgedPage) {
  await homeToCreatePage(p, judged);
  await chooseClusterTemplate(judged);
}
