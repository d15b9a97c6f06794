import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { DeferredEntity } from '@backstage/plugin-catalog-node';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureGitopsRepository } from './ensureGitopsRepository';
import { GitopsClusterEntityProvider } from './GitopsClusterEntityProvider';
import { fakeConnection, fakeLogger, fakeTaskRunner } from './testing/fakes';
import { makeTempDir, pushCommit } from './testing/gitFixture';

function catalogInfo(kind: string, name: string, extra = ''): string {
  return [
    'apiVersion: backstage.io/v1alpha1',
    `kind: ${kind}`,
    'metadata:',
    `  name: ${name}`,
    '  annotations:',
    '    example.com/team: data-platform',
    'spec:',
    '  type: kafka-connect-cluster',
    '  owner: group:default/data-platform',
    extra,
  ].join('\n');
}

const A = 'clusters/prod/a/catalog-info.yaml';
const B = 'clusters/b/catalog-info.yaml';

describe('GitopsClusterEntityProvider', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let repo: string;

  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir());
    repo = join(dir, 'gitops.git');
    await ensureGitopsRepository(repo);
  });
  afterEach(async () => {
    await cleanup();
  });

  async function connected() {
    const logger = fakeLogger();
    const connection = fakeConnection();
    const provider = new GitopsClusterEntityProvider({
      repository: repo,
      branch: 'main',
      logger,
    });
    await provider.connect(connection);
    return { provider, connection, logger };
  }

  function refs(entities: DeferredEntity[]): string[] {
    return entities.map(e => stringifyEntityRef(e.entity)).sort();
  }

  function lastEntities(connection: ReturnType<typeof fakeConnection>) {
    const mutation = connection.mutations[connection.mutations.length - 1];
    expect(mutation.type).toBe('full');
    return mutation.type === 'full' ? mutation.entities : [];
  }

  const locationOf = (path: string) =>
    `url:${pathToFileURL(join(repo, path)).href}`;

  it('applies catalog-info.yaml files under clusters/ on main with their locations', async () => {
    await pushCommit(repo, 'main', {
      [A]: catalogInfo('Resource', 'a'),
      [B]: catalogInfo('Component', 'b'),
      // Not catalog files, or not under clusters/: ignored.
      'clusters/prod/a/kafka-connect.yaml': catalogInfo('Resource', 'not-me'),
      'catalog-info.yaml': catalogInfo('Component', 'repo-root'),
      'other/x/catalog-info.yaml': catalogInfo('Component', 'other'),
      'clusters/c/my-catalog-info.yaml': catalogInfo('Component', 'c'),
      'clusters/c/catalog-info.yaml.bak': catalogInfo('Component', 'c-bak'),
    });
    const { provider, connection } = await connected();
    await provider.refresh();

    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
    const entities = lastEntities(connection);
    expect(refs(entities)).toEqual([
      'component:default/b',
      'resource:default/a',
    ]);

    const byName = new Map(entities.map(e => [e.entity.metadata.name, e]));
    const a = byName.get('a')!;
    expect(a.locationKey).toBe(locationOf(A));
    expect(a.entity.metadata.annotations).toEqual({
      'example.com/team': 'data-platform',
      [ANNOTATION_LOCATION]: locationOf(A),
      [ANNOTATION_ORIGIN_LOCATION]: locationOf(A),
    });
    expect(a.entity.spec).toEqual({
      type: 'kafka-connect-cluster',
      owner: 'group:default/data-platform',
    });
    expect(locationOf(A)).toBe(
      `url:file://${repo}/clusters/prod/a/catalog-info.yaml`,
    );
    expect(byName.get('b')!.entity.metadata.annotations).toMatchObject({
      [ANNOTATION_LOCATION]: locationOf(B),
      [ANNOTATION_ORIGIN_LOCATION]: locationOf(B),
    });
  });

  it('drops a cluster removed from main in the next mutation', async () => {
    await pushCommit(repo, 'main', {
      [A]: catalogInfo('Resource', 'a'),
      [B]: catalogInfo('Component', 'b'),
    });
    const { provider, connection } = await connected();
    await provider.refresh();
    expect(refs(lastEntities(connection))).toEqual([
      'component:default/b',
      'resource:default/a',
    ]);

    await pushCommit(repo, 'main', { [B]: null });
    await provider.refresh();

    expect(connection.applyMutation).toHaveBeenCalledTimes(2);
    expect(refs(lastEntities(connection))).toEqual(['resource:default/a']);
  });

  it('skips a broken file and applies the rest', async () => {
    await pushCommit(repo, 'main', {
      [A]: catalogInfo('Resource', 'a'),
      [B]: catalogInfo('Component', 'b'),
      'clusters/broken-yaml/catalog-info.yaml':
        'metadata: [unclosed\n  name: x',
      // Valid YAML, but not an entity: no metadata.name.
      'clusters/no-name/catalog-info.yaml':
        'apiVersion: v1\nkind: Resource\nmetadata: {}\n',
      // One good and one bad document: the whole file is left out.
      'clusters/half/catalog-info.yaml': `${catalogInfo(
        'Resource',
        'half',
      )}\n---\n- a list\n`,
    });
    const { provider, connection, logger } = await connected();
    await provider.refresh();

    expect(refs(lastEntities(connection))).toEqual([
      'component:default/b',
      'resource:default/a',
    ]);
    const warnings = logger.warn.mock.calls.map(([message]) => message);
    expect(warnings).toHaveLength(3);
    expect(warnings.join('\n')).toContain(
      'clusters/broken-yaml/catalog-info.yaml',
    );
    expect(warnings.join('\n')).toContain('clusters/no-name/catalog-info.yaml');
    expect(warnings.join('\n')).toContain('clusters/half/catalog-info.yaml');
  });

  it('applies every document of a multi-document file', async () => {
    await pushCommit(repo, 'main', {
      [A]: `${catalogInfo('Resource', 'a')}\n---\n${catalogInfo(
        'Component',
        'a-connect',
      )}`,
    });
    const { provider, connection } = await connected();
    await provider.refresh();

    const entities = lastEntities(connection);
    expect(refs(entities)).toEqual([
      'component:default/a-connect',
      'resource:default/a',
    ]);
    expect(entities.every(e => e.locationKey === locationOf(A))).toBe(true);
  });

  it('keeps the first of two files that define the same entity', async () => {
    await pushCommit(repo, 'main', {
      [A]: catalogInfo('Resource', 'same'),
      [B]: catalogInfo('Resource', 'same'),
    });
    const { provider, connection, logger } = await connected();
    await provider.refresh();

    const entities = lastEntities(connection);
    expect(entities).toHaveLength(1);
    // Paths are read in sorted order: clusters/b/ comes before clusters/prod/.
    expect(entities[0].locationKey).toBe(locationOf(B));
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining(A));
  });

  it('ignores files on other branches', async () => {
    await pushCommit(repo, 'main', { [A]: catalogInfo('Resource', 'a') });
    await pushCommit(
      repo,
      'add-cluster-d',
      { 'clusters/d/catalog-info.yaml': catalogInfo('Resource', 'd') },
      'main',
    );
    const { provider, connection } = await connected();
    await provider.refresh();

    expect(refs(lastEntities(connection))).toEqual(['resource:default/a']);

    // Merging the branch (here: the same commit pushed to main) brings it in.
    await pushCommit(repo, 'main', {
      'clusters/d/catalog-info.yaml': catalogInfo('Resource', 'd'),
    });
    await provider.refresh();
    expect(refs(lastEntities(connection))).toEqual([
      'resource:default/a',
      'resource:default/d',
    ]);
  });

  it('reads the configured branch, not HEAD', async () => {
    await pushCommit(repo, 'main', { [A]: catalogInfo('Resource', 'a') });
    await pushCommit(repo, 'trunk', { [B]: catalogInfo('Component', 'b') });
    const connection = fakeConnection();
    const provider = new GitopsClusterEntityProvider({
      repository: repo,
      branch: 'trunk',
      logger: fakeLogger(),
    });
    await provider.connect(connection);
    await provider.refresh();

    expect(refs(lastEntities(connection))).toEqual(['component:default/b']);
  });

  it('applies nothing new while main does not move', async () => {
    await pushCommit(repo, 'main', { [A]: catalogInfo('Resource', 'a') });
    const { provider, connection } = await connected();
    await provider.refresh();
    await provider.refresh();
    await pushCommit(
      repo,
      'other',
      { [B]: catalogInfo('Component', 'b') },
      'main',
    );
    await provider.refresh();

    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
  });

  it('applies an empty full mutation when the branch does not exist', async () => {
    const logger = fakeLogger();
    const connection = fakeConnection();
    const provider = new GitopsClusterEntityProvider({
      repository: repo,
      branch: 'no-such-branch',
      logger,
    });
    await provider.connect(connection);
    await provider.refresh();

    expect(connection.mutations).toEqual([{ type: 'full', entities: [] }]);
  });

  it('schedules its refresh and reports a missing repository once, without a mutation', async () => {
    const logger = fakeLogger();
    const connection = fakeConnection();
    const taskRunner = fakeTaskRunner();
    const provider = new GitopsClusterEntityProvider({
      repository: join(dir, 'missing.git'),
      branch: 'main',
      logger,
      taskRunner,
    });
    await provider.connect(connection);

    expect(taskRunner.tasks.map(t => t.id)).toEqual([
      'kafka-connect-gitops-clusters:refresh',
    ]);
    const signal = new AbortController().signal;
    await taskRunner.tasks[0].fn(signal);
    await taskRunner.tasks[0].fn(signal);

    expect(connection.applyMutation).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('missing.git'),
    );
  });

  it('refuses to refresh before the catalog connects it', async () => {
    const provider = new GitopsClusterEntityProvider({
      repository: repo,
      branch: 'main',
      logger: fakeLogger(),
    });
    await expect(provider.refresh()).rejects.toThrow(/not connected/);
  });
});
