import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { loadTemplate, REPO_ROOT } from '../scaffolder/templateFile';
import { Attempt, browserSuite } from './browserSuite';
import {
  activeStep,
  choose,
  photographRefusals,
  reviewRows,
  unreadableRows,
} from './formDriver';
import { filesAt } from './git';
import { homeToTemplateForm, OWNER_TITLE } from './journey';
import { seedValues, typedValues, withDerivedDefaults } from './seedCluster';
import { destination, fillPage, FORGES } from './seedForm';
import {
  createTask,
  entityPageFromTaskPage,
  mergeAsTheTaskPageSays,
  stepsWithStatus,
} from './taskPage';

/**
 * The seed cluster (examples/values/seed-0.45.0.yaml), whole, through the portal as a new
 * user does it: from the home page, by clicking, every page of the Kafka Connect template
 * filled in (Strimzi 0.45.0 and Kafka 3.9.0 from the pickers, TLS, the image repository,
 * every plugin artifact kind, the truststore, the config provider, IRSA, the node affinity,
 * metrics, the Secret volume, the plain env value, API access), a wrong value on each page
 * seen next to its field while Next stays, the preview's Dockerfile, GitHub and GitLab each
 * with their own repository field, Create, the finished task, the merge, the entity page.
 * Then the pushed files are, byte for byte, what the CLI renders from the connect-cluster.yaml
 * they hold, and that file is the seed's values with the documented derived defaults only.
 * Any page error or console error fails it; every page is pictured in
 * test/e2e-screenshots/seed/.
 */

const CLI = join(REPO_ROOT, 'packages/cli/bin/connect-skeleton');

describe('the seed cluster through the portal', () => {
  const suite = browserSuite({
    screenshots: 'seed',
    testTimeoutMs: 12 * 60_000,
  });

  it('takes the whole seed cluster from the home page to the catalog, and pushes what the CLI renders', async () => {
    // The journey asserts; the suite adds the pictures and the portal's log to a failure.
    expect.hasAssertions();
    await suite.run(seedValues().name, seedThroughPortal);
  });
});

/** The Dockerfile as the preview beside the form shows it now. */
async function previewedDockerfile(
  page: import('playwright-core').Page,
): Promise<string> {
  const menu = page.locator('#kafka-connect-preview-file');
  if ((await menu.innerText()).trim() !== 'Dockerfile') {
    await choose(page, 'kafka-connect-preview-file', 'Dockerfile');
  }
  return page.getByLabel('Contents of Dockerfile').innerText();
}

/** Every file under `dir`, by its path relative to it. */
function filesUnder(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

async function seedThroughPortal({ p, judged, shots, name }: Attempt) {
  const typed = typedValues(name);
  const branch = `kafka-connect/${name}`;
  const folder = `clusters/${name}`;

  const { page, judge } = judged;
  photographRefusals((pg, title) => shots.take(pg, `refused-${title}`));
  await homeToTemplateForm(p, judged);

  // Every values page: filled in, a wrong value refused on the way (seedForm.ts).
  const titles = loadTemplate().spec.parameters.map(s => String(s.title));
  const valuesPages = titles.slice(0, -1);
  for (const [index, title] of valuesPages.entries()) {
    await activeStep(page, title);
    await fillPage(page, typed);
    if (title === 'Security') {
      // The image is built from the Strimzi release's Kafka image, with the truststore step.
      const dockerfile = await previewedDockerfile(page);
      expect(dockerfile).toContain(
        'FROM quay.io/strimzi/kafka:0.45.0-kafka-3.9.0',
      );
      expect(dockerfile).toContain(
        '# Custom truststore /opt/kafka/custom-truststore.jks',
      );
      expect(dockerfile).toContain(
        '--url https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem',
      );
    }
    await judge(`form-${index + 1}-${title}`);
    await page.getByRole('button', { name: 'Next' }).click();
  }

  // The destination: GitHub and GitLab each with their own host and help, then local.
  const last = titles[titles.length - 1];
  await activeStep(page, last);
  const seen = await destination(page, judge);
  expect(seen.githubHost).toBe(FORGES.github.host);
  expect(seen.gitlabHost).toBe(FORGES.gitlab.host);
  expect(seen.github).toContain(FORGES.github.help);
  expect(seen.github).not.toContain(FORGES.gitlab.help);
  expect(seen.gitlab).toContain(FORGES.gitlab.help);
  expect(seen.gitlab).not.toContain(FORGES.github.help);
  expect(seen.refusal).toBe('Please fill out this field.');
  expect(seen.refusedOn).toBe(last);
  await judge(`form-${titles.length}-${last}`);
  await page.getByRole('button', { name: 'Review' }).click();

  await activeStep(page, 'Review');
  // The Review rows: readable, the values given, and nothing of the forges visited but not
  // chosen (their repository and token stay out).
  const rows = await reviewRows(page);
  expect(unreadableRows(rows)).toEqual([]);
  expect(Object.fromEntries(rows)).toMatchObject({
    'Strimzi release': '0.45.0',
    'Kafka version': '3.9.0',
    'Destination › Repository': "The portal's GitOps repository",
  });
  expect(
    rows.map(([label]) => label).filter(l => /GitHub|GitLab|token/i.test(l)),
  ).toEqual([]);
  // The Review step shows the preview too, with the files Create will push.
  expect(await previewedDockerfile(page)).toContain(
    'FROM quay.io/strimzi/kafka:0.45.0-kafka-3.9.0',
  );
  await judge('form-review');
  const { events, text: deployed } = await createTask(p, page);
  expect(stepsWithStatus(events, 'completed')).toEqual([
    'render',
    'check-ownership',
    'push',
  ]);

  // The finished task page: the outputs show once the task has completed.
  await deployed
    .getByRole('heading', { name: 'How to get it deployed' })
    .waitFor();
  expect(await deployed.innerText()).toContain(branch);
  await judge('task');

  // What the form produced: the branch of the demo GitOps repository.
  const pushed = new Map<string, Buffer>();
  for (const path of filesAt(p.repository, branch, folder)) {
    pushed.set(
      relative(folder, path),
      execFileSync('git', ['show', `${branch}:${path}`], {
        cwd: p.repository,
      }),
    );
  }
  const valuesFile = pushed.get('connect-cluster.yaml');
  expect(valuesFile).toBeDefined();

  // The seed's values, as typed, plus only the derived defaults docs/values.md names.
  expect(parse(valuesFile!.toString('utf8'))).toEqual(
    withDerivedDefaults(typed),
  );
  expect(typed).toEqual(
    expect.objectContaining({
      ...seedValues(),
      name,
      plugins: expect.arrayContaining(seedValues().plugins),
    }),
  );

  // Byte for byte what the CLI renders from the connect-cluster.yaml the branch holds.
  const cliDir = join(p.workDir, `cli-${name}`);
  mkdirSync(cliDir, { recursive: true });
  const cliValues = join(cliDir, 'connect-cluster.yaml');
  writeFileSync(cliValues, valuesFile!);
  execFileSync(
    process.execPath,
    [CLI, 'render', '--values', cliValues, '--out', join(cliDir, 'out')],
    { encoding: 'utf8' },
  );
  const rendered = filesUnder(join(cliDir, 'out'));
  expect([...pushed.keys()].sort()).toEqual([...rendered.keys()].sort());
  for (const [path, content] of rendered) {
    // toEqual on strings, so that a difference shows as a diff of the file.
    expect({ path, content: pushed.get(path)?.toString('utf8') }).toEqual({
      path,
      content: content.toString('utf8'),
    });
    expect(pushed.get(path)!.equals(content)).toBe(true);
  }

  // The merge, exactly as the task page says it, run from the repository root.
  await mergeAsTheTaskPageSays(p, deployed);
  expect(filesAt(p.repository, 'main', folder)).toContain(
    `${folder}/catalog-info.yaml`,
  );

  // Merged into main, the cluster shows up in the catalog; its page opens from the task page.
  await entityPageFromTaskPage(p, page, name);
  await page.getByText(OWNER_TITLE).first().waitFor();
  // The relations card draws its graph once the relations have loaded.
  await page.locator('svg').getByText(name, { exact: true }).first().waitFor();
  await judge('entity');
}
