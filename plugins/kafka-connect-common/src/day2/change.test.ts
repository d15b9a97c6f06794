import { changeCluster } from './change';
import { changeSummary } from './changeSummary';
import { fileChanges, unifiedDiff } from './fileChanges';
import { mergeChanges } from './mergeChanges';
import { describeValueChange, valueChanges } from './valueChanges';
import { layoutOf } from './layoutOf';

const HAND_WRITTEN = {
  name: 'orders',
  namespace: 'data',
  owner: 'group:default/orders',
  kafka: { bootstrapServers: 'kafka:9092' },
  connectors: [
    { name: 'a', class: 'org.example.A', tasksMax: 1, config: { topic: 'x' } },
    { name: 'b', class: 'org.example.B', tasksMax: 1 },
  ],
};

function changed(
  current: unknown,
  request: Parameters<typeof changeCluster>[1],
) {
  const result = changeCluster(current, request);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe('mergeChanges', () => {
  it('merges mappings, replaces lists and scalars, removes on null', () => {
    expect(
      mergeChanges(
        { a: { b: 1, c: 2 }, l: [1, 2], s: 'x', gone: true },
        { a: { c: 3 }, l: [3], gone: null, n: { m: 1 } },
      ),
    ).toEqual({ a: { b: 1, c: 3 }, l: [3], s: 'x', n: { m: 1 } });
  });
});

describe('changeCluster', () => {
  it('changes what is asked and says it in words, a named list item by name', () => {
    const result = changed(HAND_WRITTEN, {
      changes: {
        replicas: 3,
        connectors: [
          { name: 'b', class: 'org.example.B', tasksMax: 1 },
          {
            name: 'a',
            class: 'org.example.A',
            tasksMax: 1,
            config: { topic: 'y' },
          },
          { name: 'c', class: 'org.example.C', tasksMax: 1 },
        ],
      },
    });
    expect(result.values.replicas).toBe(3);
    expect(result.changes).toEqual([
      'replicas: 1 → 3',
      'connectors.a.config.topic: "x" → "y"',
      expect.stringMatching(/^connectors\.c added: \{"name":"c"/),
    ]);
    expect(result.operatorSteps).toEqual([]);
  });

  it('no change gives the same values and no words', () => {
    const result = changed(HAND_WRITTEN, {});
    expect(result.changes).toEqual([]);
    expect(result.values).toEqual(result.before);
  });

  it('keeps the group and topics when the name would derive others, and refuses moving them by accident', () => {
    const rename = changeCluster(HAND_WRITTEN, {
      changes: { name: 'orders2' },
    });
    expect(!rename.ok && rename.problems.map(p => p.path)).toEqual(['name']);
    const group = changeCluster(HAND_WRITTEN, {
      changes: { connect: { groupId: 'other' } },
    });
    expect(!group.ok && group.problems).toEqual([
      {
        path: 'connect.groupId',
        message: expect.stringContaining(
          'would change from "data.orders" to "other": the workers would form a new Connect group',
        ),
      },
    ]);
    const meant = changed(HAND_WRITTEN, {
      changes: { connect: { groupId: 'other' } },
      allowIdentityChange: true,
    });
    expect(meant.values.connect.groupId).toBe('other');
    // Removing a written-out topic would fall back to the derived one: the same, so allowed.
    expect(
      changed(HAND_WRITTEN, {
        changes: { connect: { statusStorageTopic: null } },
      }).changes,
    ).toEqual([]);
  });

  it('an upgrade in the same change lists the operator steps from the release of today', () => {
    const result = changed(
      { ...HAND_WRITTEN, strimzi: { version: '0.45.0' } },
      { changes: { replicas: 2 }, upgradeTo: '1.2.0' },
    );
    expect(result.values.strimzi).toEqual({
      version: '1.2.0',
      apiVersion: 'v1',
    });
    expect(result.changes).toContain('strimzi.version: "0.45.0" → "1.2.0"');
    expect(result.changes).toContain('replicas: 1 → 2');
    expect(result.operatorSteps).toHaveLength(3);
  });
});

describe('valueChanges', () => {
  it('matches named items by name and words removals', () => {
    const changes = valueChanges(
      { plugins: [{ name: 'p' }], x: 1 },
      { plugins: [] },
    );
    expect(changes.map(describeValueChange)).toEqual([
      'plugins.p removed (was {"name":"p"})',
      'x removed (was 1)',
    ]);
  });
});

describe('fileChanges and unifiedDiff', () => {
  it('lists added, changed and removed files', () => {
    const current = new Map([
      ['a', '1\n'],
      ['b', '2\n'],
      ['c', '3\n'],
    ]);
    const next = new Map([
      ['a', '1\n'],
      ['b', '22\n'],
      ['d', '4\n'],
    ]);
    expect(fileChanges(current, next)).toEqual({
      added: ['d'],
      changed: ['b'],
      removed: ['c'],
    });
  });

  it('prints a unified diff as diff -u does, with three lines of context', () => {
    const before = `${['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'].join(
      '\n',
    )}\n`;
    const after = `${[
      '1',
      '2',
      '3',
      '4',
      'five',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
    ].join('\n')}\n`;
    expect(unifiedDiff('f.yaml', before, after)).toBe(
      [
        '--- a/f.yaml',
        '+++ b/f.yaml',
        '@@ -2,9 +2,10 @@',
        ' 2',
        ' 3',
        ' 4',
        '-5',
        '+five',
        ' 6',
        ' 7',
        ' 8',
        ' 9',
        ' 10',
        '+11',
        '',
      ].join('\n'),
    );
    expect(unifiedDiff('f', undefined, 'a\n')).toBe(
      '--- /dev/null\n+++ b/f\n@@ -0,0 +1,1 @@\n+a\n',
    );
    expect(unifiedDiff('f', 'a\n', 'a\n')).toBe('');
  });
});

describe('layoutOf and changeSummary', () => {
  it('tells the layout by its own file', () => {
    expect(layoutOf(['Chart.yaml', 'values.yaml'])).toBe('helm');
    expect(layoutOf(['kustomization.yaml'])).toBe('kustomize');
    expect(layoutOf(['connect-cluster.yaml'])).toBeUndefined();
  });

  it('words a change for a pull request, and says when there is none', () => {
    const base = {
      name: 'orders',
      namespace: 'data',
      folder: 'clusters/orders',
      strimzi: { from: '0.45.0', to: '1.2.0' },
      changes: ['replicas: 1 → 3'],
      notes: ['kafka.version: 3.9.0 → 4.3.1'],
      operatorSteps: ['first', 'second'],
      files: { added: [], changed: ['values.yaml'], removed: ['Dockerfile'] },
    };
    const text = changeSummary(base);
    expect(text).toContain('Strimzi `0.45.0` → `1.2.0`.');
    expect(text).toContain('- `replicas: 1 → 3`');
    expect(text).toContain('1. first\n2. second');
    expect(text).toContain('- `values.yaml` changed\n- `Dockerfile` removed');
    expect(
      changeSummary({
        ...base,
        files: { added: [], changed: [], removed: [] },
      }),
    ).toContain('No change');
  });

  it('says that a change replaces the one pending on its branch, and which files of that one it drops', () => {
    const base = {
      name: 'orders',
      namespace: 'data',
      folder: 'clusters/orders',
      strimzi: { to: '1.2.0' },
      changes: ['replicas: 1 → 3'],
      notes: [],
      operatorSteps: [],
      files: { added: [], changed: ['values.yaml'], removed: [] },
    };
    const pending = {
      branch: 'kafka-connect-change/clusters/orders',
      dropped: ['templates/kafka-connector-archive.yaml'],
    };
    const text = changeSummary({ ...base, pending });
    expect(text).toContain(
      'This replaces an earlier change of the cluster that is pending on branch `kafka-connect-change/clusters/orders` (not merged)',
    );
    expect(text).toContain(
      'Files of the earlier change that are dropped with it:\n\n- `templates/kafka-connector-archive.yaml`\n',
    );
    // The files of the change itself are still those against the default branch.
    expect(text).toContain('Files (1):\n\n- `values.yaml` changed\n');
    expect(
      changeSummary({ ...base, pending: { ...pending, dropped: [] } }),
    ).not.toContain('dropped with it');
    expect(changeSummary(base)).not.toContain('pending');

    const none = changeSummary({
      ...base,
      files: { added: [], changed: [], removed: [] },
      pending,
    });
    expect(none).toContain('No change');
    expect(none).toContain(
      'An earlier change of the cluster is pending on branch `kafka-connect-change/clusters/orders` (not merged): it is left as it is',
    );
  });
});
