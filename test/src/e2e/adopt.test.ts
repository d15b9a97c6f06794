import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NEWEST_STRIMZI_VERSION } from '@connect-skeleton/plugin-kafka-connect-common';
import { Page } from 'playwright-core';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { expectedObjects } from '../import/normalisations';
import { strimziDir } from '../strimzi/strimziDir';
import { settingDifferences } from './adopt/settings';
import { Attempt, browserSuite } from './browserSuite';
import {
  activeStep,
  choose,
  expectRefusedNextTo,
  photographRefusals,
  reviewRows,
  unreadableRows,
} from './formDriver';
import { filesAt, git } from './git';
import {
  CATALOG_BASICS,
  homeToCreatePage,
  JudgedPage,
  OWNER,
  OWNER_TITLE,
} from './journey';
import { Portal } from './portal';
import {
  createTask,
  entityPageFromTaskPage,
  mergeAsTheTaskPageSays,
  stepsWithStatus,
} from './taskPage';

/**
 * "Adopt an existing Kafka Connect cluster" as a platform engineer does it, in Chromium against
 * the real portal: from the home page to the template by clicking, two wrong pastes (a
 * Deployment; a KafkaConnect with an init container, which Strimzi's pod template has no place
 * for) named next to the field while Next stays, then two clusters adopted: Strimzi's own build
 * example with its source connector (read from the newest release's examples at test time),
 * and a team's cluster (adopt/payments-sink.yaml: v1beta2, SCRAM over TLS, a build with a tgz
 * plugin whose checksum the form asks for, its own metrics rules, externalConfiguration, a pod
 * template, two connectors). For each: the Review rows, Create, the task, the branch's cluster
 * folder, whose KafkaConnect and KafkaConnectors keep every setting of the pasted ones (field by
 * field, after the import's documented normalisations only), the merge, and the cluster's
 * entity in the catalog. Any page or console error fails it; every page is pictured in
 * test/e2e-screenshots/adopt/.
 */

const FORM_PAGE = 'The cluster made by hand';
const PAYMENTS_FILE = join(__dirname, 'adopt', 'payments-sink.yaml');
const TGZ_URL =
  'https://artifacts.example.org/postgres-driver/42.7.4/postgres-driver-42.7.4.tgz';
// A made-up checksum: the test downloads nothing, the form only needs a well-formed line.
const TGZ_SHA512 = 'c0ffee'.repeat(22).slice(0, 128);

type Obj = Record<string, any>;

/** One cluster to adopt: the text pasted and what the form gets besides. */
interface Adoption {
  label: string;
  name: string;
  manifests: string;
  environment: string;
  /** Typed only when the KafkaConnect names no namespace. */
  namespace?: string;
  /** The release chosen on the form; the newest when not given. */
  strimzi?: string;
  /** The checksums the form asks for, when the paste has an artifact without one. */
  checksums?: Record<string, string>;
}

/** A file of Strimzi's examples of the newest release, as its text (never copied into the repository). */
function strimziExample(...path: string[]): string {
  return readFileSync(
    join(strimziDir(), NEWEST_STRIMZI_VERSION, 'examples', ...path),
    'utf8',
  );
}

/** The documents of a pasted text. */
function documentsOf(text: string): Obj[] {
  return parseAllDocuments(text)
    .map(d => d.toJS())
    .filter(Boolean);
}

/** The cluster's name in a retried attempt (see withOneRetryOnReload): every mention renamed. */
function renamed(text: string, from: string, to: string): string {
  return from === to ? text : text.split(from).join(to);
}

function strimziAdoption(name: string): Adoption {
  const original = 'my-connect-cluster';
  const manifests = [
    strimziExample('connect', 'kafka-connect-build.yaml'),
    strimziExample('connect', 'source-connector.yaml'),
  ].join('\n---\n');
  return {
    label: 'strimzi-example',
    name,
    manifests: renamed(manifests, original, name),
    environment: 'dev',
    // Strimzi's examples name no namespace.
    namespace: 'kafka',
  };
}

function paymentsAdoption(name: string): Adoption {
  return {
    label: 'payments',
    name,
    manifests: renamed(
      readFileSync(PAYMENTS_FILE, 'utf8'),
      'payments-sink',
      name,
    ),
    environment: 'prod',
    strimzi: '1.1.0',
    checksums: { [TGZ_URL]: TGZ_SHA512 },
  };
}

/** Strimzi's examples of the newest release, or an error that says where they are looked for. */
function requireStrimziExamples() {
  const examples = join(strimziDir(), NEWEST_STRIMZI_VERSION, 'examples');
  if (!existsSync(examples)) {
    throw new Error(
      `Strimzi's examples of ${NEWEST_STRIMZI_VERSION} are not at ${examples}: set STRIMZI_DIR to the folder of the Strimzi releases`,
    );
  }
}

describe('adopting a hand-made Kafka Connect cluster through the portal', () => {
  // A missing Strimzi folder fails in a second, before the portal's start.
  const suite = browserSuite({
    screenshots: 'adopt',
    testTimeoutMs: 14 * 60_000,
    catalog: [...CATALOG_BASICS, 'template/default/kafka-connect-adopt'],
    preflight: requireStrimziExamples,
  });

  it("refuses wrong pastes next to the field, and adopts Strimzi's example and a team's cluster, every setting kept", async () => {
    // The journey asserts; the suite adds the pictures and the portal's log to a failure.
    expect.hasAssertions();
    await suite.run('my-connect-cluster', adoptThroughPortal);
  });
});

async function adoptThroughPortal({ p, judged, shots, name }: Attempt) {
  const { page } = judged;
  photographRefusals((pg, title) => shots.take(pg, `refused-${title}`));
  await homeToCreatePage(p, judged);
  await openAdoptForm(judged);

  // Wrong pastes: named next to the field, Next stays on the page.
  const field = page.locator('#root_manifests');
  await chooseOwner(page);
  await field.fill(
    stringify({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'connect', namespace: 'kafka' },
      spec: { replicas: 1 },
    }),
  );
  await expectRefusedNextTo(
    page,
    field,
    'The pasted text holds no KafkaConnect; import reads one KafkaConnect, with its KafkaConnectors and metrics ConfigMap',
    FORM_PAGE,
    true,
  );
  const [connect] = documentsOf(
    strimziExample('connect', 'kafka-connect.yaml'),
  );
  connect.metadata.namespace = 'kafka';
  connect.spec.template = {
    pod: { initContainers: [{ name: 'wait-for-kafka', image: 'busybox' }] },
  };
  await field.fill(stringify(connect));
  await expectRefusedNextTo(
    page,
    field,
    'KafkaConnect my-connect-cluster: spec.template.pod.initContainers: Strimzi runs no extra containers in the Connect pods',
    FORM_PAGE,
    true,
  );

  // Strimzi's own example, then a team's cluster.
  const suffix =
    name === 'my-connect-cluster' ? '' : name.slice(name.lastIndexOf('-'));
  await adopt(p, judged, strimziAdoption(name), { formOpen: true });
  await adopt(p, judged, paymentsAdoption(`payments-sink${suffix}`), {
    formOpen: false,
  });
}

/** From the Create page: Choose on the adopt template's card. */
async function openAdoptForm(judged: JudgedPage) {
  const { page, judge } = judged;
  const card = page
    .locator('.MuiCard-root')
    .filter({ hasText: 'Adopt an existing Kafka Connect cluster' });
  await card.waitFor();
  await judge('create-templates');
  await card.getByRole('button', { name: 'Choose' }).click();
  await page.locator('#root_manifests').waitFor();
  await activeStep(page, FORM_PAGE);
  await judge('adopt-form-empty');
}

/** The owner picker offers the guest's groups; Data Platform is chosen. */
async function chooseOwner(page: Page) {
  const owner = page.locator('#OwnershipEntityRefPicker-dropdown');
  await owner.click();
  await page.getByRole('option', { name: OWNER_TITLE }).click();
}

async function adopt(
  p: Portal,
  judged: JudgedPage,
  adoption: Adoption,
  options: { formOpen: boolean },
) {
  const { page, judge, sidebarLink } = judged;
  const { label, name, environment } = adoption;
  if (!options.formOpen) {
    await sidebarLink('Create').click();
    await openAdoptForm(judged);
    await chooseOwner(page);
  }
  const field = page.locator('#root_manifests');
  await field.fill(adoption.manifests);
  await page.locator('#root_environment').fill(environment);
  await page.locator('#root_namespace').fill(adoption.namespace ?? '');
  if (adoption.strimzi) await choose(page, 'root_strimzi', adoption.strimzi);
  const checksums = Object.entries(adoption.checksums ?? {});
  if (checksums.length > 0) {
    // The paste gives an artifact without a checksum: the form asks for it, naming its field.
    const [[url]] = checksums;
    await expectRefusedNextTo(
      page,
      field,
      // As the page shows it: HTML collapses the two spaces sha512sum writes (one is taken).
      `sha512sum: missing: Strimzi downloads ${url} unchecked, the values need its SHA-512; add the line \`<sha512> ${url}\` (sha512sum output) to the field "Checksums" below`,
      FORM_PAGE,
      true,
    );
    await page
      .locator('#root_checksums')
      .fill(checksums.map(([u, hash]) => `${hash} ${u}\n`).join(''));
  }
  await judge(`${label}-form-1`);
  await page.getByRole('button', { name: 'Next' }).click();
  await activeStep(page, 'Destination');
  await judge(`${label}-form-2-destination`);
  await page.getByRole('button', { name: 'Review' }).click();
  await activeStep(page, 'Review');

  const release = adoption.strimzi ?? NEWEST_STRIMZI_VERSION;
  const rows = await reviewRows(page);
  expect(unreadableRows(rows)).toEqual([]);
  const byLabel = Object.fromEntries(rows);
  expect(byLabel).toMatchObject({
    Owner: OWNER,
    Environment: environment,
    'Strimzi release': adoption.strimzi
      ? adoption.strimzi
      : `${NEWEST_STRIMZI_VERSION} (the newest)`,
    'Destination › Repository': "The portal's GitOps repository",
  });
  if (adoption.namespace) {
    expect(byLabel['Kubernetes namespace']).toBe(adoption.namespace);
  }
  // The paste, as written.
  const lines = (text: string) =>
    text
      .trim()
      .split('\n')
      .map(l => l.trimEnd());
  expect(lines(byLabel['KafkaConnect and KafkaConnectors'])).toEqual(
    lines(adoption.manifests),
  );
  await judge(`${label}-review`);

  const { events, text } = await createTask(p, page);
  expect(stepsWithStatus(events, 'completed')).toEqual([
    'import',
    'render',
    'check-ownership',
    'push',
  ]);
  await page
    .getByRole('button', { name: /what the import made of the cluster/i })
    .click();
  await text
    .getByText(/What the import made of/)
    .first()
    .waitFor();
  await judge(`${label}-task-import`);
  await page.getByRole('button', { name: /how to get it deployed/i }).click();
  const branch = `kafka-connect/${name}`;
  await text.getByText(branch).first().waitFor();
  await judge(`${label}-task-deploy`);

  // The branch holds the cluster folder.
  const folder = `clusters/${environment}/${name}`;
  const files = filesAt(p.repository, branch, folder);
  expect(files).toEqual(
    expect.arrayContaining(
      ['connect-cluster.yaml', 'catalog-info.yaml', 'values.yaml'].map(
        f => `${folder}/${f}`,
      ),
    ),
  );
  const show = (file: string) =>
    parse(git(p.repository, ['show', `${branch}:${folder}/${file}`]));
  const values = show('connect-cluster.yaml');
  expect(values).toMatchObject({
    name,
    owner: OWNER,
    environment,
    strimzi: { version: release },
  });

  // Every setting of the pasted KafkaConnect and KafkaConnectors, field by field: the
  // rendered objects are the pasted ones with the import's documented normalisations only.
  const rendered = Object.values(show('values.yaml').objects) as Obj[];
  const pasted = documentsOf(adoption.manifests);
  const expected = expectedObjects(pasted, {
    values,
    rendered,
    checksums: adoption.checksums ?? {},
    strimziExampleMetrics: false,
  });
  const strimziObjects = rendered.filter(
    o => o.kind === 'KafkaConnect' || o.kind === 'KafkaConnector',
  );
  const id = (o: Obj) => `${o.kind}/${o.metadata.name}`;
  expect(strimziObjects.map(id).sort()).toEqual(expected.map(id).sort());
  for (const want of expected) {
    const got = strimziObjects.find(o => id(o) === id(want))!;
    expect({
      object: id(want),
      differences: settingDifferences(want, got),
    }).toEqual({
      object: id(want),
      differences: [],
    });
  }
  // The merge, as the task page says it (it removes the branch), then the cluster in the catalog.
  const entityName = show('catalog-info.yaml').metadata.name as string;
  await mergeAsTheTaskPageSays(p, text);
  await entityPageFromTaskPage(p, page, entityName);
  await page
    .getByText('Kafka Connect cluster', { exact: true })
    .first()
    .waitFor();
  await judge(`${label}-entity`);
}
