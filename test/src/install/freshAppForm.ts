import { Locator, Page } from 'playwright-core';
import { choose, expectRefusedNextTo, section } from '../e2e/formDriver';
import { chooseClusterTemplate, JudgedPage, signIn } from '../e2e/journey';

/**
 * The Kafka Connect cluster template's form in the fresh app's own frontend, as a platform
 * engineer first tries it after following the README: the home page, the guest's sign-in,
 * Create in the sidebar, Choose on the template, then page after page up to the one with
 * the volume and env editors. Every page is judged (no page error, no console error but the
 * known ones of pageProblems.ts) and pictured; the package's field extensions must be on it,
 * and what is typed into them must show.
 */

/** create-app's home page is its catalog, titled after `organization.name: My Company`. */
export const FRESH_APP_HOME_HEADING = 'My Company Catalog';

/** The cluster name typed on the first page, which the preview must then show. */
export const CLUSTER_NAME = 'orders-cdc';

/** The catalog plugin added on the plugins page, and what the preview's Dockerfile then fetches. */
export const CATALOG_PLUGIN = {
  title: 'Debezium PostgreSQL connector',
  artifact: 'debezium-connector-postgres',
};

/**
 * How each `ui:field` of the package shows on a page: an element that only that field
 * extension renders (RJSF's own fields would render a plain input, or nothing, in its place).
 */
const SHOWN: Record<string, (page: Page) => Locator> = {
  KafkaConnectPreviewLayout: page =>
    page.locator('#kafka-connect-preview-file'),
  KafkaConnectStrimziRelease: page => page.locator('#root_strimzi_version'),
  KafkaConnectKafkaVersion: page => page.locator('#root_kafka_version'),
  KafkaConnectKeyValue: page =>
    page.getByRole('button', { name: 'Add', exact: true }).first(),
  KafkaConnectPlugins: page => page.locator('#root_plugins_catalog'),
  KafkaConnectScheduling: page =>
    page.getByRole('heading', { name: 'Where the workers run', exact: true }),
  KafkaConnectVolumes: page =>
    page.getByRole('button', { name: 'Add a volume', exact: true }),
  KafkaConnectEnv: page =>
    page.getByRole('button', { name: 'Add a variable', exact: true }),
};

/** The pages walked, in the form's order, and the field extensions each must show. */
export const PAGES_WALKED: [string, string[]][] = [
  [
    'Cluster and owner',
    ['KafkaConnectPreviewLayout', 'KafkaConnectStrimziRelease'],
  ],
  [
    'Kafka connection',
    [
      'KafkaConnectPreviewLayout',
      'KafkaConnectKafkaVersion',
      'KafkaConnectKeyValue',
    ],
  ],
  ['Image and plugins', ['KafkaConnectPreviewLayout', 'KafkaConnectPlugins']],
  ['Security', ['KafkaConnectPreviewLayout']],
  [
    'Scheduling and resources',
    ['KafkaConnectPreviewLayout', 'KafkaConnectScheduling'],
  ],
  ['Pods and labels', ['KafkaConnectPreviewLayout', 'KafkaConnectKeyValue']],
  ['Monitoring and logging', ['KafkaConnectPreviewLayout']],
  [
    'Volumes and environment',
    ['KafkaConnectPreviewLayout', 'KafkaConnectVolumes', 'KafkaConnectEnv'],
  ],
];

export interface FormSeen {
  /** The form's steps as its stepper lists them. */
  steps: string[];
  /** Per page walked, the package's field extensions seen on it. */
  fields: Record<string, string[]>;
  /** The preview's file before and after the cluster name was typed. */
  previewBeforeName: string;
  previewAfterName: string;
  /** The preview's Dockerfile once the catalog plugin was added. */
  dockerfileWithPlugin: string;
  /** [page, message] of each wrong value refused next to its field while Next stayed. */
  refused: [string, string][];
}

/** The text of the file the preview shows now. */
async function previewText(page: Page): Promise<string> {
  return page.locator('[aria-label^="Contents of "]').innerText();
}

async function fieldsShown(page: Page, expected: string[]) {
  const seen: string[] = [];
  for (const field of expected) {
    if (await SHOWN[field](page).isVisible()) seen.push(field);
  }
  return seen;
}

async function next(page: Page, to: string) {
  await page.getByRole('button', { name: 'Next' }).click();
  await page
    .locator('.MuiStepLabel-label.MuiStepLabel-active')
    .filter({ hasText: to })
    .waitFor();
}

/** Waits until the preview shows `text` (it renders a moment after each keystroke). */
async function previewShows(page: Page, text: string): Promise<string> {
  const file = page.locator('[aria-label^="Contents of "]');
  await file.filter({ hasText: text }).waitFor({ timeout: 15_000 });
  return file.innerText();
}

/** Each page's own steps: what is typed into the package's fields there. */
const ON_PAGE: Record<
  string,
  (page: Page, seen: FormSeen, title: string) => Promise<void>
> = {
  async 'Cluster and owner'(page, seen, title) {
    seen.previewBeforeName = await previewText(page);
    const name = page.locator('#root_name');
    // A name no Kubernetes object can have: the package's check says so under the field.
    await name.fill('Orders_CDC');
    await expectRefusedNextTo(page, name, 'must be a DNS-1123 label', title);
    seen.refused.push([title, 'must be a DNS-1123 label']);
    await name.fill(CLUSTER_NAME);
    seen.previewAfterName = await previewShows(page, CLUSTER_NAME);
    await page.locator('#root_namespace').fill('kafka');
  },
  async 'Kafka connection'(page) {
    await page
      .locator('#root_kafka_bootstrapServers')
      .fill('my-cluster-kafka-bootstrap.kafka.svc:9093');
  },
  async 'Image and plugins'(page, seen, title) {
    await choose(page, 'root_plugins_catalog', CATALOG_PLUGIN.title);
    await section(page, 'Connector plugins', 'button')
      .getByRole('button', { name: 'Add', exact: true })
      .click();
    // The catalog carries no checksum for an archive: the field asks for one, Next stays.
    const checksum = page.locator('#root_plugins_0_artifacts_0_sha512sum');
    const message = 'Compute it where the URL is reachable';
    await expectRefusedNextTo(page, checksum, message, title);
    seen.refused.push([title, message]);
    // What the developer pastes from sha512sum (a stand-in: nothing is downloaded here).
    await checksum.fill('0'.repeat(128));
    await page
      .locator('#root_image_name')
      .fill('registry.example.com/kafka-connect/orders-cdc');
    await choose(page, 'kafka-connect-preview-file', 'Dockerfile');
    seen.dockerfileWithPlugin = await previewShows(
      page,
      CATALOG_PLUGIN.artifact,
    );
  },
  async 'Volumes and environment'(page, seen, title) {
    await page.getByRole('button', { name: 'Add a volume' }).click();
    await page.locator('#root_volumes_0_name').fill('certs');
    const mountPath = page.locator('#root_volumes_0_mountPath');
    await mountPath.fill('/etc/certs');
    const message =
      'must be below /mnt/ (Strimzi mounts additional volumes only there)';
    await expectRefusedNextTo(page, mountPath, message, title);
    seen.refused.push([title, message]);
    await page.getByRole('button', { name: 'Add a variable' }).click();
    await page.locator('#root_env_0_name').fill('TZ');
    await page.locator('#root_env_0_value').fill('UTC');
  },
};

/** The walk; throws at the first page that does not show what it must. */
export async function walkClusterForm(
  app: { appUrl: string },
  judged: JudgedPage,
): Promise<FormSeen> {
  const { page, judge, sidebarLink } = judged;
  await signIn(app, judged, FRESH_APP_HOME_HEADING);
  await sidebarLink('Create').click();
  await chooseClusterTemplate(judged);
  const seen: FormSeen = {
    steps: (await page.locator('.MuiStepLabel-label').allInnerTexts()).map(s =>
      s.trim(),
    ),
    fields: {},
    previewBeforeName: '',
    previewAfterName: '',
    dockerfileWithPlugin: '',
    refused: [],
  };
  for (const [i, [title, fields]] of PAGES_WALKED.entries()) {
    // The preview renders the page's values a moment after the page shows.
    await page.locator('[aria-label^="Contents of "]').waitFor();
    seen.fields[title] = await fieldsShown(page, fields);
    await judge(title);
    await ON_PAGE[title]?.(page, seen, title);
    if (ON_PAGE[title]) await judge(`${title} filled in`);
    const following = PAGES_WALKED[i + 1]?.[0];
    if (following) await next(page, following);
  }
  return seen;
}
