import { fileChanges } from '@connect-skeleton/plugin-kafka-connect-common';
import { parse } from 'yaml';
import { useScaffolderSuite } from '../scaffolder/scaffolderSuite';
import { expectCompleted } from '../scaffolder/taskExpectations';
import { stepStatus, userEntity } from '../scaffolder/testBackend';
import {
  CHANGE_REF,
  CHANGE_TEMPLATE,
  clusterEntity,
  DAY2_FEATURES,
  renderedFiles,
} from './clusterFolder';
import {
  BRANCH,
  ENTITY,
  FILES,
  FOLDER,
  SEED,
  VALUES,
} from './ordersSinkChange';

/**
 * Issue 11: "Change a Kafka Connect cluster" through the real scaffolder backend and the local
 * GitOps repository. The cluster is read through Backstage's URL reader from the location of
 * its catalog entity; the change goes to a second branch holding only the files that change;
 * no change, no branch; the identity cannot change by accident; the ownership rule applies.
 */

jest.setTimeout(60_000);

const ALICE = 'user:default/alice'; // in orders only, not in data-platform

describe('Change a Kafka Connect cluster, local GitOps repository', () => {
  const suite = useScaffolderSuite({
    seed: SEED,
    users: [
      userEntity('user:default/mock', ['orders', 'data-platform']),
      userEntity(ALICE, ['orders']),
    ],
    features: DAY2_FEATURES,
    templatePaths: [CHANGE_TEMPLATE],
    entities: repository => [
      clusterEntity(repository, FOLDER, FILES['catalog-info.yaml']),
    ],
  });

  const change = (parameters: Record<string, unknown>, as?: string) =>
    suite.scaffolder.run(
      { cluster: ENTITY, ...parameters },
      { templateRef: CHANGE_REF, as },
    );

  it('with no change, completes and pushes nothing: no branch, no commit', async () => {
    const before = suite.repo.snapshot();
    const result = await change({ changes: '' });
    expectCompleted(result);
    expect(stepStatus(result, 'read')).toBe('completed');
    expect(stepStatus(result, 'push')).toBe('skipped');
    expect(suite.repo.snapshot()).toEqual(before);
    expect(result.output?.text?.[0].content).toContain('No change');
  });

  it("refuses a change of the group by accident, and another team's cluster, before any push", async () => {
    const before = suite.repo.snapshot();
    const moved = await change({
      changes: 'connect:\n  groupId: orders-sink-2\n',
    });
    expect(moved.status).toBe('failed');
    expect(stepStatus(moved, 'change')).toBe('failed');
    expect(moved.error?.message).toContain(
      'connect.groupId: would change from "orders-sink" to "orders-sink-2": the workers would form a new Connect group',
    );

    const notTheirs = await change({ changes: 'replicas: 5\n' }, ALICE);
    expect(notTheirs.status).toBe('failed');
    expect(stepStatus(notTheirs, 'check-ownership')).toBe('failed');
    expect(notTheirs.error?.name).toBe('NotAllowedError');
    expect(notTheirs.error?.message).toContain(
      'is owned by group:default/data-platform, and user:default/alice is not a member of group:default/data-platform',
    );
    expect(suite.repo.snapshot()).toEqual(before);
  });

  it('pushes a second branch holding only the files that change, and says the change in words', async () => {
    const result = await change({
      changes: 'replicas: 5\nconnectors: null\n',
    });
    expectCompleted(result);
    expect(suite.repo.branches()).toEqual([BRANCH, 'main']);

    // What changes is exactly what a render of the changed values changes, inside the folder.
    const expected = renderedFiles({
      ...VALUES,
      replicas: 5,
      connectors: undefined,
    });
    const diff = fileChanges(
      new Map(Object.entries(FILES)),
      new Map(Object.entries(expected)),
    );
    const touched = [...diff.added, ...diff.changed, ...diff.removed]
      .map(f => `${FOLDER}/${f}`)
      .sort();
    expect(touched.length).toBeGreaterThan(1);
    expect(touched.length).toBeLessThan(Object.keys(FILES).length);
    expect(suite.repo.changedFiles('main', BRANCH)).toEqual(touched);
    expect(suite.repo.commitCount(BRANCH)).toBe(
      suite.repo.commitCount('main') + 1,
    );
    const values = parse(
      suite.repo.read(BRANCH, `${FOLDER}/connect-cluster.yaml`),
    );
    expect(values.replicas).toBe(5);
    expect(values.connect.groupId).toBe('orders-sink');

    const summary = result.output?.text?.[0].content ?? '';
    expect(summary).toContain('- `replicas: 3 → 5`');
    expect(summary).toMatch(/- `connectors\.[\w-]+ removed/);
    expect(summary).toContain(`\`connect-cluster.yaml\` changed`);
  });
});
