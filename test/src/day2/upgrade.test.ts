import { execFile } from 'child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { promisify } from 'util';
import { parse } from 'yaml';
import { fullValues } from '../fixtures/fullValues';
import { manifestsOf } from '../render/renderHelpers';
import { useScaffolderSuite } from '../scaffolder/scaffolderSuite';
import { REPO_ROOT } from '../scaffolder/templateFile';
import { loadCrdValidator } from '../strimzi/crdValidator';
import { describeWithStrimzi } from '../strimzi/strimziDir';
import {
  CHANGE_REF,
  CHANGE_TEMPLATE,
  clusterEntity,
  DAY2_FEATURES,
  inFolder,
  renderedFiles,
} from './clusterFolder';

/**
 * Issue 11: a cluster rendered for Strimzi 0.45.0 upgraded to 1.2.0 through the command line
 * (`connect-skeleton upgrade`) and through the portal (the change template on the real
 * scaffolder backend): the same files both ways, every Strimzi object valid against the 1.2.0
 * CRDs, the consumer group and the three storage topics unchanged.
 */

jest.setTimeout(90_000);

const FOLDER = 'clusters/staging/orders-sink';
const BRANCH = `kafka-connect-change/${FOLDER}`;
const OLD_VALUES = fullValues('0.45.0');
const OLD_FILES = renderedFiles(OLD_VALUES);
const CLI = join(REPO_ROOT, 'packages/cli/bin/connect-skeleton');

function readFolder(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const name of readdirSync(join(root, rel))) {
      const child = rel ? `${rel}/${name}` : name;
      if (statSync(join(root, child)).isDirectory()) walk(child);
      else files[child] = readFileSync(join(root, child), 'utf8');
    }
  };
  walk('');
  return files;
}

/** The KafkaConnect's group and topics, wherever the API version keeps them. */
function identityOf(kafkaConnect: any) {
  const spec = kafkaConnect.spec;
  const config = spec.config ?? {};
  return {
    groupId: spec.groupId ?? config['group.id'],
    offsets: spec.offsetStorageTopic ?? config['offset.storage.topic'],
    configs: spec.configStorageTopic ?? config['config.storage.topic'],
    status: spec.statusStorageTopic ?? config['status.storage.topic'],
  };
}

describeWithStrimzi('upgrading a 0.45.0 cluster to 1.2.0', () => {
  const suite = useScaffolderSuite({
    seed: { 'README.md': '# GitOps\n', ...inFolder(FOLDER, OLD_FILES) },
    features: DAY2_FEATURES,
    templatePaths: [CHANGE_TEMPLATE],
    entities: repository => [
      clusterEntity(repository, FOLDER, OLD_FILES['catalog-info.yaml']),
    ],
  });
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'day2-upgrade-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('gives the same valid files through the CLI and the change template, identity kept', async () => {
    // The command line, on a copy of the folder.
    for (const [path, content] of Object.entries(inFolder(FOLDER, OLD_FILES))) {
      mkdirSync(dirname(join(work, path)), { recursive: true });
      writeFileSync(join(work, path), content);
    }
    const cli = await promisify(execFile)(
      process.execPath,
      [CLI, 'upgrade', '--to', '1.2.0', 'clusters'],
      { cwd: work, encoding: 'utf8' },
    );
    expect(cli.stderr).toBe('');
    expect(cli.stdout).toContain(
      `${FOLDER}: Strimzi 0.45.0 (v1beta2) → 1.2.0 (v1), `,
    );
    expect(cli.stdout).toContain('from 0.45.0 to 0.51.0');
    const cliFiles = readFolder(join(work, FOLDER));

    // The portal: the change template, the same cluster, only the release changes.
    const result = await suite.scaffolder.run(
      { cluster: 'resource:default/orders-sink-staging', upgradeTo: '1.2.0' },
      { templateRef: CHANGE_REF },
    );
    expect({ status: result.status, error: result.error }).toEqual({
      status: 'completed',
      error: undefined,
    });
    const portalFiles = Object.fromEntries(
      suite.repo
        .files(BRANCH, FOLDER)
        .map(file => [file, suite.repo.read(BRANCH, `${FOLDER}/${file}`)]),
    );
    expect(portalFiles).toEqual(cliFiles);

    // What the folder holds is the render of the upgraded values, which 1.2.0's CRDs accept.
    const values = parse(cliFiles['connect-cluster.yaml']);
    expect(values.strimzi).toEqual({ version: '1.2.0', apiVersion: 'v1' });
    expect(renderedFiles(values)).toEqual(cliFiles);
    const crds = loadCrdValidator('1.2.0');
    const objects = manifestsOf(values);
    const strimziObjects = objects.filter(o =>
      o.apiVersion.startsWith('kafka.strimzi.io/'),
    );
    expect(strimziObjects.map(o => o.kind).sort()).toEqual([
      'KafkaConnect',
      ...Array(strimziObjects.length - 1).fill('KafkaConnector'),
    ]);
    for (const object of strimziObjects) {
      expect(object.apiVersion).toBe('kafka.strimzi.io/v1');
      expect({
        object: `${object.kind} ${object.metadata.name}`,
        errors: crds.validate(object),
      }).toEqual({
        object: `${object.kind} ${object.metadata.name}`,
        errors: [],
      });
    }

    // The consumer group and the three storage topics, before and after.
    const before = manifestsOf(OLD_VALUES).find(o => o.kind === 'KafkaConnect');
    const after = strimziObjects.find(o => o.kind === 'KafkaConnect');
    expect(identityOf(before)).toEqual({
      groupId: 'orders-sink',
      offsets: 'orders-sink-offsets',
      configs: 'orders-sink-configs',
      status: 'orders-sink-status',
    });
    expect(identityOf(after)).toEqual(identityOf(before));

    // The pull request's words: what changed, what the upgrade moved, what the operator needs.
    const summary = result.output?.text?.[0].content ?? '';
    expect(summary).toContain('Strimzi `0.45.0` → `1.2.0`.');
    expect(summary).toContain(
      'Before this is merged, the Strimzi operator needs:',
    );
    expect(summary).toContain(
      '1. Strimzi 1.2.0 serves only kafka.strimzi.io/v1 and Strimzi 0.45.0 only kafka.strimzi.io/v1beta2',
    );
    expect(summary).toContain('kafka.version: 3.8.0 → 4.3.1');
  });
});
