import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BrowserState } from '../e2e/attempts';
import { Chromium, launchChromium } from '../e2e/browser';
import { eventually } from '../e2e/eventually';
import { freePorts } from '../e2e/freePorts';
import { judgedPage } from '../e2e/journey';
import { screenshots } from '../e2e/screenshots';
import { BareRepo } from '../scaffolder/bareRepo';
import { REPO_ROOT } from '../scaffolder/templateFile';
import { AppBackend, startAppBackend } from './appBackend';
import { AppDevServer, startAppDevServer } from './appDevServer';
import { discoverAppFeatures, typeCheckApp } from './appFrontend';
import { cliRender } from './cliRender';
import {
  applyMachineFixes,
  createApp,
  forgetCachedScope,
  installApp,
  pointScopeAt,
} from './freshApp';
import {
  CATALOG_PLUGIN,
  CLUSTER_NAME,
  FormSeen,
  PAGES_WALKED,
  walkClusterForm,
} from './freshAppForm';
import {
  addAppFeatures,
  addPackages,
  APP_CALL_WITH_OPT_IN,
  APP_IMPORT,
  BACKEND_MODULE,
  BACKEND_MODULE_README,
  configureApp,
  FRONTEND_PLUGIN,
  GUEST_USER,
  preapproveScope,
  FRONTEND_PLUGIN_README,
  FRONTEND_README_SAYS,
  OPT_IN_IMPORT,
  README_SAYS,
  registerBackendModule,
  SCOPE,
} from './installSteps';
import { packPackages } from './packedPackages';
import {
  ScopeRegistry,
  startScopeRegistry,
  tarballFiles,
} from './scopeRegistry';

/**
 * The path of a platform engineer who adds the packages to the Backstage they run: the
 * packages built and packed from this checkout, a new app from `@backstage/create-app`
 * (from the npm registry, as the Backstage docs say), the packages added by name as their
 * READMEs say, the app's own backend started, and the template run through its HTTP API;
 * then the app's own frontend (its dev server) in headless Chromium, up to the template's form.
 * The packages are not on the npm registry yet: a stand-in serves their scope (scopeRegistry).
 * Everything happens in a temporary folder; only Yarn's global cache outlives the run.
 */

// Creating and installing a fresh app takes minutes (about 2.5 cold, 2 GB): a deadline for a
// stuck step, not a speed target.
jest.setTimeout(40 * 60_000);

const SEED = join(REPO_ROOT, 'examples/values/seed-1.2.0.yaml');
// The fresh app's frontend compiles in about a minute alone (rspack, 2 cores); beside the
// backend, the other tests of the machine and CI it can take several: a deadline for a
// stuck dev server, not a speed target.
const DEV_SERVER_START_MS = 12 * 60_000;
const TEMPLATE_REF = 'template:default/kafka-connect-cluster';

describe('a fresh create-app Backstage with the packages installed as their READMEs say', () => {
  let scratch: string;
  let registry: ScopeRegistry | undefined;
  let repo: BareRepo | undefined;
  let backend: AppBackend | undefined;
  let frontend: AppDevServer | undefined;
  let chromium: Chromium | undefined;
  let appDir: string;
  // The frontend's address, chosen before the backend starts: its CORS origin.
  let appUrl: string;
  const seed = parse(readFileSync(SEED, 'utf8'));

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'kafka-connect-fresh-app-'));
    const logFile = join(scratch, 'install.log');
    const packed = await packPackages(scratch, logFile);
    registry = await startScopeRegistry({
      folder: packed,
      scope: SCOPE,
      // Published now: younger than create-app's age gate (npmMinimalAgeGate: 3d), which the
      // README's first step lets the scope past.
      publishedAt: new Date(),
    });
    appDir = join(scratch, 'app');
    await createApp(appDir, logFile);
    applyMachineFixes(appDir);
    pointScopeAt(appDir, SCOPE, registry.url);
    await installApp(appDir, logFile);

    preapproveScope(appDir);
    forgetCachedScope(appDir, SCOPE);
    await addPackages(appDir, logFile);
    registerBackendModule(appDir);
    addAppFeatures(appDir);
    // The README's try-out repository: `git init --bare`, empty; the module gives it its
    // first commit (initializeEmptyRepository).
    repo = BareRepo.empty();
    configureApp(appDir, {
      gitopsRepository: repo.path,
      anyOwnerFor: [GUEST_USER],
    });
    appUrl = `http://localhost:${(await freePorts(1))[0]}`;
    backend = await startAppBackend({
      appDir,
      logFile: join(scratch, 'backend.log'),
      appUrl,
    });
  });

  afterAll(async () => {
    await chromium?.close();
    await frontend?.stop();
    await backend?.stop();
    await registry?.close();
    repo?.remove();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('follows the README: the steps it runs are the ones the README gives', () => {
    // Line by line without the indentation: the README's code blocks sit in a numbered list.
    const unindented = (text: string) =>
      text
        .split('\n')
        .map(line => line.trim())
        .join('\n');
    const readme = unindented(readFileSync(BACKEND_MODULE_README, 'utf8'));
    for (const said of README_SAYS) expect(readme).toContain(unindented(said));
    const frontendReadme = unindented(
      readFileSync(FRONTEND_PLUGIN_README, 'utf8'),
    );
    for (const said of FRONTEND_README_SAYS)
      expect(frontendReadme).toContain(unindented(said));
  });

  it('installs the packages by name from the registry, with no resolution for them', () => {
    const json = (file: string) =>
      JSON.parse(readFileSync(join(appDir, file), 'utf8'));
    expect(
      json('packages/backend/package.json').dependencies[BACKEND_MODULE],
    ).toBe(`^${registry!.packages[BACKEND_MODULE]}`);
    expect(
      json('packages/app/package.json').dependencies[FRONTEND_PLUGIN],
    ).toBe(`^${registry!.packages[FRONTEND_PLUGIN]}`);
    // create-app's own two, and the machine's better-sqlite3: nothing of ours.
    expect(Object.keys(json('package.json').resolutions).sort()).toEqual([
      '@types/react',
      '@types/react-dom',
      'better-sqlite3',
    ]);
    // The common library came as the module's dependency, by its version range.
    const common = `${SCOPE}/plugin-kafka-connect-common`;
    expect(registry!.requests).toEqual(
      expect.arrayContaining([`GET /${BACKEND_MODULE}`, `GET /${common}`]),
    );
    // What is installed is what was packed, file for file (Yarn's global cache outlives
    // runs; a stale copy of the same version would show here).
    for (const name of [BACKEND_MODULE, common, FRONTEND_PLUGIN]) {
      const packed = tarballFiles(registry!.tarball(name));
      expect(packed.size).toBeGreaterThan(1);
      for (const [file, content] of packed) {
        const installed = readFileSync(
          join(appDir, 'node_modules', name, file.replace(/^package\//, '')),
        );
        expect({ name, file, same: installed.equals(content) }).toEqual({
          name,
          file,
          same: true,
        });
      }
    }
  });

  it("lists the module's actions", async () => {
    const { status, body } = await backend!.api(
      'GET',
      '/api/scaffolder/v2/actions',
    );
    expect(status).toBe(200);
    expect((body as { id: string }[]).map(a => a.id)).toEqual(
      expect.arrayContaining([
        'kafka-connect:render',
        'kafka-connect:check-ownership',
        'kafka-connect:git:push-branch',
      ]),
    );
  });

  it("installs the form fields through app.packages: all: the package's default export is a module the app's discovery keeps", async () => {
    const discovered = await discoverAppFeatures(
      appDir,
      FRONTEND_PLUGIN,
      join(scratch, 'discovery'),
    );
    expect(discovered).toEqual({
      imports: [FRONTEND_PLUGIN],
      features: [
        { $$type: '@backstage/FrontendModule', pluginId: 'scaffolder' },
      ],
    });
  });

  it("type-checks with the README's App.tsx: the modules' published types fit the app's createApp", async () => {
    const app = readFileSync(join(appDir, 'packages/app/src/App.tsx'), 'utf8');
    expect(app).toContain(APP_IMPORT);
    expect(app).toContain(OPT_IN_IMPORT);
    expect(app).toContain(APP_CALL_WITH_OPT_IN);
    // create-app's own `yarn tsc`, whose tsconfig includes packages/*/src: App.tsx against
    // the installed package's dist/index.d.ts, as the platform engineer's editor sees it.
    await typeCheckApp(appDir, join(scratch, 'tsc.log'));
  });

  it("dry-runs the template on the seed's cluster: the CLI's files, byte for byte, nothing pushed", async () => {
    const template = await eventually(
      'the catalog serves the template',
      2 * 60_000,
      async () => {
        const { status, body } = await backend!.api(
          'GET',
          '/api/catalog/entities/by-name/template/default/kafka-connect-cluster',
        );
        return status === 200 ? body : undefined;
      },
    );
    const before = repo!.snapshot();
    const { status, body } = await backend!.api(
      'POST',
      '/api/scaffolder/v2/dry-run',
      { template, values: seed, secrets: {}, directoryContents: [] },
    );
    expect({ status, error: body?.error }).toEqual({
      status: 200,
      error: undefined,
    });
    const rendered = new Map<string, string>(
      (body.directoryContents as { path: string; base64Content: string }[])
        .filter(f => f.path.startsWith('skeleton/'))
        .map(f => [
          f.path.slice('skeleton/'.length),
          Buffer.from(f.base64Content, 'base64').toString('utf8'),
        ]),
    );
    const expected = cliRender(SEED);
    expect([...rendered.keys()].sort()).toEqual([...expected.keys()]);
    expect(Object.fromEntries(rendered)).toEqual(Object.fromEntries(expected));
    expect(repo!.snapshot()).toEqual(before);
  });

  it('runs a real task that pushes the cluster as a branch of the GitOps repository', async () => {
    const created = await backend!.api('POST', '/api/scaffolder/v2/tasks', {
      templateRef: TEMPLATE_REF,
      values: seed,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const status = await eventually('the task ends', 3 * 60_000, async () => {
      const task = await backend!.api('GET', `/api/scaffolder/v2/tasks/${id}`);
      return ['completed', 'failed', 'cancelled'].includes(task.body?.status)
        ? (task.body.status as string)
        : undefined;
    });
    const events = (
      await backend!.api('GET', `/api/scaffolder/v2/tasks/${id}/events`)
    ).body as { body: { message?: string } }[];
    const log = events.map(e => e.body.message ?? '').join('\n');
    expect({ status, log }).toEqual({ status: 'completed', log });

    const branch = `kafka-connect/${seed.name}`;
    const folder = `clusters/${seed.name}`;
    // main is the first commit the module gave the empty repository; the branch starts from it.
    expect(repo!.branches()).toEqual(['main', branch].sort());
    expect([...repo!.contents('main').keys()]).toContain('README.md');
    const expected = cliRender(SEED);
    expect(repo!.files(branch, folder)).toEqual([...expected.keys()]);
    for (const [file, content] of expected) {
      expect({
        file,
        content: repo!.read(branch, `${folder}/${file}`),
      }).toEqual({ file, content });
    }
  });

  it("shows the template's form with the package's fields in the app's own frontend (dev server, Chromium)", async () => {
    const server = await startAppDevServer({
      appDir,
      logFile: join(scratch, 'frontend.log'),
      url: appUrl,
      backendUrl: backend!.url,
      timeoutMs: DEV_SERVER_START_MS,
    });
    frontend = server;
    chromium = await launchChromium(scratch);
    const shots = screenshots('fresh-app');
    const browser: BrowserState = {};
    const judged = await judgedPage(chromium, browser, shots);
    let seen: FormSeen;
    try {
      seen = await walkClusterForm({ appUrl }, judged);
    } catch (error) {
      const picture = await shots
        .take(judged.page, 'failure')
        .catch(e => `no picture: ${e}`);
      throw new Error(
        [
          `The frontend's log (last lines):\n${server.logTail()}`,
          `The backend's log (last lines):\n${backend!.logTail(15)}`,
          `The page at the failure: ${picture}; every page so far: ${shots.dir}`,
          String(error),
        ].join('\n'),
      );
    }

    // The installed template's pages, in its order, then the scaffolder's Review.
    const template = parse(
      readFileSync(
        join(
          appDir,
          'node_modules',
          BACKEND_MODULE,
          'templates/kafka-connect-cluster/template.yaml',
        ),
        'utf8',
      ),
    );
    const pages = template.spec.parameters as Record<string, unknown>[];
    expect(seen.steps).toEqual([...pages.map(p => p.title), 'Review']);
    expect(seen.fields).toEqual(Object.fromEntries(PAGES_WALKED));
    // Every field extension of the package that the template names was seen on a page.
    const named = new Set(
      [
        ...JSON.stringify(pages).matchAll(/"ui:field":"(KafkaConnect\w+)"/g),
      ].map(m => m[1]),
    );
    expect([...named].sort()).toEqual(
      [...new Set(Object.values(seen.fields).flat())].sort(),
    );
    // The live preview follows the typing: stand-ins first, then the name typed.
    expect(seen.previewBeforeName).toContain('cluster-name');
    expect(seen.previewBeforeName).not.toContain(CLUSTER_NAME);
    expect(seen.previewAfterName).toContain(`name: ${CLUSTER_NAME}-metrics`);
    expect(seen.dockerfileWithPlugin).toContain(CATALOG_PLUGIN.artifact);
    expect(seen.refused).toEqual([
      ['Cluster and owner', 'must be a DNS-1123 label'],
      ['Image and plugins', 'Compute it where the URL is reachable'],
      [
        'Volumes and environment',
        'must be below /mnt/ (Strimzi mounts additional volumes only there)',
      ],
    ]);
  });
});
