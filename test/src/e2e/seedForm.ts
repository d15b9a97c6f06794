import { Page } from 'playwright-core';
import { stringify } from 'yaml';
import {
  activeTitle,
  addItem,
  choose,
  clickIn,
  section,
  type,
} from './formDriver';
import { OWNER_TITLE } from './journey';
import { Artifact, SeedValues } from './seedCluster';
import { refuseWrongValue } from './seedFormRefusals';

/**
 * Each page of the Kafka Connect template filled in with the seed cluster, as a user does;
 * then a wrong value on it, seen next to its field while Next stays on the page
 * (seedFormRefusals.ts), and the right one again.
 */

export type PageFiller = (page: Page, values: SeedValues) => Promise<void>;

async function clusterAndOwner(page: Page, v: SeedValues) {
  await type(page, 'root_name', v.name);
  await type(page, 'root_namespace', v.namespace);
  await page.locator('#OwnershipEntityRefPicker-dropdown').click();
  await page.getByRole('option', { name: OWNER_TITLE }).click();
  await type(page, 'root_description', v.description);
  await choose(page, 'root_strimzi_version', v.strimzi.version);
  await type(page, 'root_replicas', String(v.replicas));
}

async function kafkaConnection(page: Page, v: SeedValues) {
  await choose(page, 'root_kafka_version', v.kafka.version);
  await type(page, 'root_kafka_bootstrapServers', v.kafka.bootstrapServers);
  for (const [i, cert] of v.kafka.tls.trustedCertificates.entries()) {
    await addItem(page, 'Trusted certificates');
    const id = `root_kafka_tls_trustedCertificates_${i}`;
    await type(page, `${id}_secretName`, cert.secretName);
    await type(page, `${id}_pattern`, cert.pattern);
  }
}

const KIND_LABELS: Record<Artifact['type'], string> = {
  maven: 'Maven artifact (one jar)',
  jar: 'JAR file by URL',
  tgz: 'TGZ archive by URL',
  zip: 'ZIP archive by URL',
  other: 'Other file by URL (stored as it is)',
};

async function fillArtifact(page: Page, id: string, artifact: Artifact) {
  await choose(page, `${id}_type`, KIND_LABELS[artifact.type]);
  for (const key of [
    'group',
    'artifact',
    'version',
    'url',
    'sha512sum',
    'fileName',
  ] as const) {
    const value = artifact[key];
    if (value !== undefined) await type(page, `${id}_${key}`, value);
  }
}

async function imageAndPlugins(page: Page, v: SeedValues) {
  await type(page, 'root_image_name', v.image.name);
  for (const [i, plugin] of v.plugins.entries()) {
    await page.getByRole('button', { name: 'Add your own plugin' }).click();
    const id = `root_plugins_${i}`;
    await type(page, `${id}_name`, plugin.name);
    for (const [j, artifact] of plugin.artifacts.entries()) {
      if (j > 0) {
        await page
          .locator(`#${id}_name`)
          .locator('xpath=ancestor::*[contains(@class,"MuiPaper-root")][1]')
          .getByRole('button', { name: 'Add an artifact' })
          .click();
      }
      await fillArtifact(page, `${id}_artifacts_${j}`, artifact);
    }
  }
}

/** Rows of a key/value field extension (KafkaConnectKeyValue) whose ids start with `id`. */
async function fillPairs(
  page: Page,
  heading: string,
  id: string,
  pairs: Record<string, string>,
) {
  for (const [i, [key, value]] of Object.entries(pairs).entries()) {
    await clickIn(page, heading, 'Add');
    await type(page, `${id}_${i}_key`, key);
    await type(page, `${id}_${i}_value`, value);
  }
}

async function security(page: Page, v: SeedValues) {
  for (const [i, cert] of v.truststore.certificates.entries()) {
    await addItem(page, 'Certificates');
    const id = `root_truststore_certificates_${i}`;
    await type(page, `${id}_name`, cert.name);
    await type(page, `${id}_url`, cert.url);
  }
  for (const [i, provider] of v.configProviders.entries()) {
    await addItem(page, 'Config providers');
    const id = `root_configProviders_${i}`;
    await type(page, `${id}_name`, provider.name);
    await choose(page, `${id}_type`, provider.type);
    await fillPairs(page, 'Parameters', `${id}_params`, provider.params);
  }
  await fillPairs(
    page,
    'Annotations',
    'root_serviceAccount_annotations',
    v.serviceAccount.annotations,
  );
}

async function schedulingAndResources(page: Page, v: SeedValues) {
  // The seed's node affinity has no words of its own: it goes in as its Kubernetes shape.
  await clickIn(page, 'Where the workers run', 'Show the Kubernetes shapes');
  await type(page, 'root_scheduling_yaml', stringify(v.scheduling));
}

async function monitoringAndLogging(page: Page, v: SeedValues) {
  const enabled = page.locator('#root_metrics_enabled');
  if ((await enabled.isChecked()) !== v.metrics.enabled) await enabled.click();
  await choose(page, 'root_metrics_type', v.metrics.type);
  const annotations = page.locator('#root_metrics_podAnnotations');
  if ((await annotations.isChecked()) !== v.metrics.podAnnotations) {
    await annotations.click();
  }
}

async function volumesAndEnvironment(page: Page, v: SeedValues) {
  for (const [i, volume] of v.volumes.entries()) {
    await clickIn(page, 'Volumes', 'Add a volume');
    const id = `root_volumes_${i}`;
    await type(page, `${id}_name`, volume.name);
    await type(page, `${id}_mountPath`, volume.mountPath);
    if (volume.readOnly) await page.locator(`#${id}_readOnly`).check();
    await choose(page, `${id}_type`, 'Secret');
    await type(page, `${id}_secret_secretName`, volume.secret.secretName);
    await type(
      page,
      `${id}_secret_items`,
      volume.secret.items
        .map(item =>
          item.key === item.path ? item.key : `${item.key}=${item.path}`,
        )
        .join('\n'),
    );
  }
  for (const [i, variable] of v.env.entries()) {
    await clickIn(page, 'Environment variables', 'Add a variable');
    const id = `root_env_${i}`;
    await type(page, `${id}_name`, variable.name);
    await choose(page, `${id}_source`, 'Plain value');
    await type(page, `${id}_value`, variable.value);
  }
}

async function apiAccess(page: Page, v: SeedValues) {
  for (const [i, client] of v.apiAccess.entries()) {
    await addItem(page, 'API clients');
    const id = `root_apiAccess_${i}`;
    await type(page, `${id}_name`, client.name);
    await fillPairs(page, 'Pod labels', `${id}_podLabels`, client.podLabels);
  }
}

/** What each forge's repository field shows: its host and its own help. */
export const FORGES = {
  github: {
    option: 'A GitHub pull request',
    title: 'GitHub repository',
    host: 'github.com',
    help: 'The GitHub organization or user that owns the GitOps repository.',
  },
  gitlab: {
    option: 'A GitLab merge request',
    title: 'GitLab project',
    host: 'gitlab.com',
    help: 'The GitLab group, subgroup or user namespace of the GitOps project.',
  },
} as const;

/**
 * The destination page: each forge shows its own host and help (not the other's), a GitHub
 * pull request without its repository is refused next to the owner field, then the seed
 * goes to the portal's own GitOps repository. Returns the texts seen per forge.
 */
export async function destination(
  page: Page,
  picture: (label: string) => Promise<void>,
) {
  const seen: Record<string, string> = {};
  for (const [forge, expected] of Object.entries(FORGES)) {
    await choose(page, 'root_destination_type', expected.option);
    const field = section(page, expected.title, 'input');
    await field.getByText(expected.help).waitFor();
    seen[forge] = await field.innerText();
    seen[`${forge}Host`] = await field
      .getByTestId('host-select')
      .locator('select, [role=button]')
      .first()
      .evaluate(e =>
        e instanceof HTMLSelectElement
          ? e.options[e.selectedIndex]?.text ?? ''
          : (e as HTMLElement).innerText,
      );
    await picture(`destination-${forge}`);
    if (forge === 'github') {
      // No owner, no repository: the browser refuses the page and says so at the owner.
      const owner = field.getByLabel('Owner');
      await page.getByRole('button', { name: 'Review' }).click();
      await page.waitForTimeout(1000);
      seen.refusal = await owner.evaluate(
        e => (e as HTMLInputElement).validationMessage,
      );
      seen.refusedOn = await activeTitle(page);
    }
  }
  await choose(page, 'root_destination_type', "The portal's GitOps repository");
  return seen;
}

/** The seed sets nothing on the pages without a filler here. */
export const SEED_PAGES: Record<string, PageFiller> = {
  'Cluster and owner': clusterAndOwner,
  'Kafka connection': kafkaConnection,
  'Image and plugins': imageAndPlugins,
  Security: security,
  'Scheduling and resources': schedulingAndResources,
  'Monitoring and logging': monitoringAndLogging,
  'Volumes and environment': volumesAndEnvironment,
  'API access': apiAccess,
};

/** Fills the page shown now, then has a wrong value on it refused; returns its title. */
export async function fillPage(page: Page, values: SeedValues) {
  const title = await activeTitle(page);
  await SEED_PAGES[title]?.(page, values);
  await refuseWrongValue(page, title, values);
  return title;
}
