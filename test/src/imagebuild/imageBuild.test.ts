import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  formatProblem,
  renderSkeleton,
  TRUSTSTORE_PASSWORD,
  TRUSTSTORE_PATH,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { Artifacts, CERTIFICATE_COUNT, makeArtifacts } from './artifacts';
import { ArtifactServer, serveArtifacts } from './artifactServer';
import {
  buildah,
  buildahOk,
  buildImage,
  imageExists,
  newContainer,
  removeImage,
  requireImageTools,
  runIn,
} from './buildah';
import { CLASSES, ORDERS_JARS, PLUGIN_JARS } from './javaSources';
import { PLUGIN, seedShapedValues } from './seedShape';
import { ensureStandIns, removeStrayContainers, tmpRoot } from './standIns';

/**
 * The rendered Dockerfile built for real with Debian's buildah, offline: stand-ins for
 * Strimzi's Kafka image and Maven builder (made from Debian packages, cached in
 * .cache/imagebuild), every artifact served by this test on 127.0.0.1, every class
 * compiled by it. Then the built image is looked into as Connect would use it.
 */

const MINUTE = 60_000;
const SEED_TAG = 'localhost/imagebuild-test/seed:latest';
const FAILING_TAG = 'localhost/imagebuild-test/failing:latest';

let work: string;
let artifacts: Artifacts;
let server: ArtifactServer;

function dockerfileOf(values: Record<string, unknown>): string {
  const rendered = renderSkeleton(values);
  if (!rendered.ok) {
    throw new Error(rendered.problems.map(formatProblem).join('\n'));
  }
  return rendered.value.find(f => f.path === 'Dockerfile')!.content;
}

async function build(values: Record<string, unknown>, tag: string) {
  const context = fs.mkdtempSync(path.join(work, 'context-'));
  const result = await buildImage(dockerfileOf(values), tag, context);
  return { ...result, output: `${result.stdout}\n${result.stderr}` };
}

beforeAll(async () => {
  await requireImageTools();
  await removeStrayContainers();
  work = tmpRoot();
  artifacts = await makeArtifacts(work);
  server = await serveArtifacts(artifacts.root);
  await ensureStandIns('0.45.0', '3.9.0', artifacts.jars);
}, 20 * MINUTE);

afterAll(async () => {
  await server?.close();
  await removeImage(SEED_TAG);
  await removeImage(FAILING_TAG);
  if (work) fs.rmSync(work, { recursive: true, force: true });
}, 5 * MINUTE);

describe('the seed-shaped image, built by buildah from the rendered Dockerfile', () => {
  let container: string;

  beforeAll(async () => {
    const built = await build(
      seedShapedValues(server.url, artifacts),
      SEED_TAG,
    );
    if (built.status !== 0) {
      throw new Error(`the build failed:\n${built.output.slice(-8000)}`);
    }
    // One working container for every look inside, removed in afterAll.
    container = await newContainer(SEED_TAG);
    await buildahOk(['copy', container, artifacts.loaderDir, '/tmp/loader']);
  }, 20 * MINUTE);

  afterAll(async () => {
    if (container) await buildah(['rm', container]);
  });

  it('holds each plugin folder: its artifacts, and a Maven artifact with its runtime dependencies only', async () => {
    const listed = await runIn(container, [
      'find',
      '/opt/kafka/plugins',
      '-type',
      'f',
    ]);
    expect(listed.status).toBe(0);
    const p = (plugin: string, file: string) =>
      `/opt/kafka/plugins/${plugin}/${file}`;
    expect(listed.stdout.trim().split('\n').sort()).toEqual(
      [
        p(PLUGIN.mysql, `0/${PLUGIN.mysql}/${PLUGIN_JARS.mysql.jar}`),
        p(PLUGIN.mysql, `0/${PLUGIN.mysql}/${PLUGIN_JARS.binlog.jar}`),
        p(PLUGIN.postgres, `0/${PLUGIN.postgres}/${PLUGIN_JARS.postgres.jar}`),
        p(
          PLUGIN.transforms,
          `0/${PLUGIN.transforms}/lib/${PLUGIN_JARS.transforms.jar}`,
        ),
        p(PLUGIN.aws, `0/${PLUGIN.aws}/lib/${PLUGIN_JARS.aws.jar}`),
        // The connector, its compile dependency and that one's runtime dependency; not its
        // provided (connect-api) and test (junit) ones, which the server does not even have.
        p(PLUGIN.orders, `0/${ORDERS_JARS.connector.jar}`),
        p(PLUGIN.orders, `0/${ORDERS_JARS.core.jar}`),
        p(PLUGIN.orders, `0/${ORDERS_JARS.codec.jar}`),
        p(PLUGIN.orders, '1.jar'),
        p(PLUGIN.orders, '2/orders-native.so'),
      ].sort(),
    );
    expect(server.requests.filter(r => /connect-api|junit/.test(r))).toEqual(
      [],
    );
  });

  it('holds the very jars the repository published', async () => {
    const sums = await runIn(container, [
      'sha256sum',
      ...Object.values(ORDERS_JARS).map(
        j => `/opt/kafka/plugins/${PLUGIN.orders}/0/${j.jar}`,
      ),
    ]);
    expect(sums.status).toBe(0);
    const expected = Object.values(ORDERS_JARS).map(j => {
      const sum = crypto
        .createHash('sha256')
        .update(fs.readFileSync(path.join(artifacts.jars, j.jar)))
        .digest('hex');
      return `${sum}  /opt/kafka/plugins/${PLUGIN.orders}/0/${j.jar}`;
    });
    expect(sums.stdout.trim().split('\n')).toEqual(expected);
  });

  it('loads a connector from its plugin folder alone, a transitive dependency included', async () => {
    const load = (folder: string, cls: string) =>
      runIn(
        container,
        ['java', '-cp', '/tmp/loader', 'Loader', folder, cls],
        '1001',
      );
    const orders = await load(
      `/opt/kafka/plugins/${PLUGIN.orders}`,
      CLASSES.ordersConnector,
    );
    expect(orders).toMatchObject({
      status: 0,
      stdout: 'orders via codec and codec\n',
    });
    const mysql = await load(
      `/opt/kafka/plugins/${PLUGIN.mysql}`,
      CLASSES.mysqlConnector,
    );
    expect(mysql).toMatchObject({ status: 0, stdout: 'mysql via binlog\n' });
    // The same connector jar without its dependencies does not load: the check can fail.
    const alone = await load(
      `/opt/kafka/plugins/${PLUGIN.orders}/0/${ORDERS_JARS.connector.jar}`,
      CLASSES.ordersConnector,
    );
    expect(alone.status).not.toBe(0);
    expect(alone.stderr).toContain('NoClassDefFoundError');
  });

  it("has a truststore of the JVM's CAs plus every certificate of the bundle", async () => {
    const keytool = (...args: string[]) =>
      runIn(
        container,
        ['keytool', '-list', '-storepass', TRUSTSTORE_PASSWORD, ...args],
        '1001',
      );
    const jvm = await keytool('-cacerts');
    const custom = await keytool('-keystore', TRUSTSTORE_PATH);
    expect(jvm.status).toBe(0);
    expect(custom.status).toBe(0);
    const entries = (text: string) =>
      Number(/Your keystore contains (\d+) entr/.exec(text)?.[1]);
    expect(entries(jvm.stdout)).toBeGreaterThan(50);
    expect(entries(custom.stdout)).toBe(
      entries(jvm.stdout) + CERTIFICATE_COUNT,
    );
    for (let i = 0; i < CERTIFICATE_COUNT; i++) {
      const pem = fs.readFileSync(path.join(work, `ca${i + 1}.pem`), 'utf8');
      const fingerprint = new crypto.X509Certificate(pem).fingerprint256;
      expect(custom.stdout).toContain(`rds-global-bundle-0${i}, `);
      expect(custom.stdout).toContain(fingerprint);
    }
  });

  it('runs as user 1001, who can read every file under /opt/kafka', async () => {
    const user = await buildah([
      'inspect',
      '--type',
      'image',
      '--format',
      '{{.OCIv1.Config.User}}',
      SEED_TAG,
    ]);
    expect(user.stdout.trim()).toBe('1001');
    const unreadable = await runIn(
      container,
      ['find', '/opt/kafka', '!', '-readable'],
      '1001',
    );
    expect(unreadable).toMatchObject({ status: 0, stdout: '' });
    // The tgz carried a jar readable by its owner only: the build opened it up.
    const mode = await runIn(container, [
      'stat',
      '-c',
      '%a',
      `/opt/kafka/plugins/${PLUGIN.mysql}/0/${PLUGIN.mysql}/${PLUGIN_JARS.mysql.jar}`,
    ]);
    expect(mode).toMatchObject({ status: 0, stdout: '644\n' });
  });
});

describe('a build that must fail', () => {
  const minimal = (extra: Record<string, unknown>) => ({
    name: 'failing',
    namespace: 'kafka',
    owner: 'group:default/data-platform',
    strimzi: { version: '0.45.0' },
    kafka: { version: '3.9.0', bootstrapServers: 'kafka:9093' },
    image: { name: 'registry.example.com/data/failing' },
    ...extra,
  });

  it(
    'fails on a wrong sha512sum, naming the artifact',
    async () => {
      const zip = 'plugins/kafka-connect-transform-common.zip';
      const built = await build(
        minimal({
          plugins: [
            {
              name: PLUGIN.transforms,
              artifacts: [
                {
                  type: 'zip',
                  url: `${server.url}/${zip}`,
                  // Another file's checksum.
                  sha512sum:
                    artifacts.sha512['plugins/csid-secrets-provider-aws.zip'],
                },
              ],
            },
          ],
        }),
        FAILING_TAG,
      );
      expect(built.status).not.toBe(0);
      expect(built.output).toContain(
        `error: plugins[0].artifacts[0] (plugin ${PLUGIN.transforms}), ${server.url}/${zip}: the download does not match sha512sum`,
      );
      expect(await imageExists(FAILING_TAG)).toBe(false);
    },
    10 * MINUTE,
  );

  it(
    "fails when a Maven dependency does not match the repository's checksum, naming the artifact and the file",
    async () => {
      const built = await build(
        minimal({
          plugins: [
            {
              name: PLUGIN.orders,
              artifacts: [
                {
                  type: 'maven',
                  group: 'com.example.orders',
                  artifact: 'orders-connector',
                  version: '1.0.0',
                  repository: `${server.url}/maven-bad`,
                },
              ],
            },
          ],
        }),
        FAILING_TAG,
      );
      expect(built.status).not.toBe(0);
      expect(built.output).toMatch(
        /com\.example\.orders:orders-codec:jar:1\.0\.0[^\n]*Checksum validation failed/,
      );
      expect(built.output).toContain(
        `error: plugins[0].artifacts[0] (plugin ${PLUGIN.orders}), Maven artifact com.example.orders:orders-connector:1.0.0 from ${server.url}/maven-bad:`,
      );
      expect(await imageExists(FAILING_TAG)).toBe(false);
    },
    10 * MINUTE,
  );

  it(
    'fails when a class the configuration names is in no jar, naming the class and its field',
    async () => {
      const built = await build(
        minimal({
          plugins: [
            {
              name: 'converter',
              artifacts: [
                {
                  type: 'jar',
                  url: `${server.url}/plugins/${PLUGIN_JARS.converter.jar}`,
                  sha512sum:
                    artifacts.sha512[`plugins/${PLUGIN_JARS.converter.jar}`],
                },
              ],
            },
          ],
          connect: { config: { 'key.converter': CLASSES.jsonConverter } },
          connectors: [
            {
              name: 'missing',
              class: 'com.example.MissingConnector',
              tasksMax: 1,
              config: { 'value.converter': CLASSES.orderConverter },
            },
          ],
        }),
        FAILING_TAG,
      );
      expect(built.status).not.toBe(0);
      // The step's own lines (the build log also echoes the step, which names every class).
      const reported = built.output
        .split('\n')
        .filter(line => !line.includes('grep -Fqx'));
      const from = reported.findIndex(line =>
        line.startsWith('error: these classes are in no jar'),
      );
      expect(reported[from]).toBe(
        'error: these classes are in no jar under /opt/kafka/plugins or /opt/kafka/libs: add the plugin that provides each (plugins[]), or list the class in image.skipClassCheck when the image gets it another way',
      );
      // Only the missing one: the converter (in the plugin) and Kafka's JsonConverter (in
      // the base image's libs) are there.
      expect(reported[from + 1]).toBe(
        'com.example.MissingConnector (connectors[0].class)',
      );
      expect(reported[from + 2]).toMatch(/exit/);
      expect(await imageExists(FAILING_TAG)).toBe(false);
    },
    10 * MINUTE,
  );
});
