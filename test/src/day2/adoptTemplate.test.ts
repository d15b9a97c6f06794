import {
  importCluster,
  renderSkeleton,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { CORPUS_DIR, readDocuments } from '../import/corpus';
import { useScaffolderSuite } from '../scaffolder/scaffolderSuite';
import { stepStatus, userEntity } from '../scaffolder/testBackend';
import { ADOPT_REF, ADOPT_TEMPLATE, DAY2_FEATURES } from './clusterFolder';

/**
 * Issue 11: "Adopt an existing Kafka Connect cluster" through the real scaffolder backend and
 * the local GitOps repository: a hand-made KafkaConnect with its connector, pasted, becomes a
 * managed cluster folder on a branch; the task says what the import made of it; what cannot be
 * carried over fails the task naming the original's field, and pushes nothing.
 */

jest.setTimeout(60_000);

const CORPUS_FILE = join(CORPUS_DIR, 'mongodb-source-paused.yaml');
const MANIFESTS = readFileSync(CORPUS_FILE, 'utf8');
const OWNER = 'group:default/orders';

describe('Adopt an existing Kafka Connect cluster, local GitOps repository', () => {
  const suite = useScaffolderSuite({
    users: [
      userEntity('user:default/mock', ['orders', 'data-platform']),
      userEntity('user:default/alice', ['payments']),
    ],
    features: DAY2_FEATURES,
    templatePaths: [ADOPT_TEMPLATE],
  });

  const adopt = (parameters: Record<string, unknown>, as?: string) =>
    suite.scaffolder.run(parameters, { templateRef: ADOPT_REF, as });

  it('puts the hand-made cluster under management: its folder on a branch, as connect-skeleton import renders it', async () => {
    const result = await adopt({
      manifests: MANIFESTS,
      owner: OWNER,
      environment: 'prod',
      strimzi: '0.45.0',
    });
    expect({ status: result.status, error: result.error }).toEqual({
      status: 'completed',
      error: undefined,
    });
    const folder = 'clusters/prod/catalog-mongo';
    const branch = 'kafka-connect/catalog-mongo';
    expect(suite.repo.branches()).toEqual([branch, 'main']);

    const imported = importCluster(readDocuments(CORPUS_FILE), {
      owner: OWNER,
      strimzi: '0.45.0',
    });
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    const expected = renderSkeleton({
      ...imported.values,
      environment: 'prod',
    });
    if (!expected.ok) throw new Error(JSON.stringify(expected.problems));
    expect(suite.repo.files(branch, folder)).toEqual(
      expected.value.map(f => f.path),
    );
    for (const file of expected.value) {
      expect(suite.repo.read(branch, `${folder}/${file.path}`)).toBe(
        file.content,
      );
    }
    const values = parse(
      suite.repo.read(branch, `${folder}/connect-cluster.yaml`),
    );
    expect(values.connect.groupId).toBe('catalog-mongo');
    expect(values.connectors[0]).toMatchObject({
      name: 'products-source',
      state: 'paused',
    });

    // The task says what the import made of it, with the notes the CLI prints.
    const said = result.output?.text?.[0].content ?? '';
    expect(said).toContain(
      '### What the import made of `catalog/catalog-mongo`',
    );
    for (const note of imported.notes) expect(said).toContain(`- ${note}`);
    expect(said).toContain('```yaml\nname: catalog-mongo\n');
  });

  it('fails naming what it cannot carry over, and pushes nothing', async () => {
    const before = suite.repo.snapshot();
    const withInit = MANIFESTS.replace(
      'spec:\n  version: 3.8.1',
      'spec:\n  version: 3.8.1\n  template:\n    pod:\n      tmpDirSizeLimit: 5Mi\n    initContainer:\n      env:\n        - name: X\n          value: y',
    );
    const result = await adopt({
      manifests: withInit,
      owner: OWNER,
      strimzi: '0.45.0',
    });
    expect(result.status).toBe('failed');
    expect(stepStatus(result, 'import')).toBe('failed');
    expect(result.error?.message).toMatch(
      /^The cluster cannot be carried over as it is \(\d+ problems?\); change it, or these fields of it, and paste it again:\n/,
    );
    expect(result.error?.message).toContain(
      'KafkaConnect catalog-mongo: spec.template.',
    );
    expect(suite.repo.snapshot()).toEqual(before);
  });

  it('applies the ownership rule: an owner that is not one of your groups is refused', async () => {
    const before = suite.repo.snapshot();
    const result = await adopt(
      { manifests: MANIFESTS, owner: OWNER, strimzi: '0.45.0' },
      'user:default/alice',
    );
    expect(result.status).toBe('failed');
    expect(stepStatus(result, 'render')).toBe('failed');
    expect(result.error?.message).toContain(
      'owner: user:default/alice is not a member of group:default/orders',
    );
    expect(suite.repo.snapshot()).toEqual(before);
  });
});
