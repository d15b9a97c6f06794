import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_GIT_AUTHOR } from './git';
import {
  ensureGitopsRepository,
  GITOPS_README,
} from './ensureGitopsRepository';
import {
  gitIn,
  makeBareRepository,
  makeTempDir,
  pushCommit,
} from './testing/gitFixture';

describe('ensureGitopsRepository', () => {
  let dir: string;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir());
  });
  afterEach(async () => {
    await cleanup();
  });

  it('creates a bare repository with one README commit on main', async () => {
    // A parent folder that does not exist yet, like .gitops/ on a fresh checkout.
    const repo = join(dir, '.gitops', 'gitops.git');
    const result = await ensureGitopsRepository(repo);
    const git = gitIn(repo);

    expect(result.initialised).toBe(true);
    expect(await git('rev-parse', '--is-bare-repository')).toBe('true');
    expect(await git('symbolic-ref', 'HEAD')).toBe('refs/heads/main');
    expect(await git('rev-parse', 'refs/heads/main')).toBe(
      result.initialCommit,
    );
    expect(await git('rev-list', '--count', 'refs/heads/main')).toBe('1');
    expect(await git('for-each-ref', '--format=%(refname)')).toBe(
      'refs/heads/main',
    );
    expect(await git('ls-tree', '-r', '--name-only', 'main')).toBe('README.md');
    expect(await git('show', 'main:README.md')).toBe(GITOPS_README.trim());
    expect(GITOPS_README).toContain('clusters/');
  });

  it("ignores the user's git configuration and GIT_* variables", async () => {
    const repo = join(dir, 'gitops.git');
    // A user config that would show: its template's description, and signing that
    // fails without a key.
    const home = join(dir, 'home');
    const template = join(dir, 'template');
    await mkdir(home);
    await mkdir(template);
    await writeFile(join(template, 'description'), 'from the user template\n');
    const userConfig = join(home, '.gitconfig');
    await writeFile(
      userConfig,
      `[init]\n\ttemplateDir = ${template}\n[commit]\n\tgpgSign = true\n`,
    );
    const elsewhere = join(dir, 'elsewhere');
    const saved = { ...process.env };
    Object.assign(process.env, {
      HOME: home,
      GIT_CONFIG_GLOBAL: userConfig,
      GIT_AUTHOR_NAME: 'Somebody Else',
      GIT_OBJECT_DIRECTORY: elsewhere,
    });
    try {
      await ensureGitopsRepository(repo);
    } finally {
      process.env = saved;
    }

    const git = gitIn(repo);
    expect(await git('log', '-1', '--format=%an <%ae>|%cn', 'main')).toBe(
      `${DEMO_GIT_AUTHOR.name} <${DEMO_GIT_AUTHOR.email}>|${DEMO_GIT_AUTHOR.name}`,
    );
    expect(await readFile(join(repo, 'description'), 'utf8')).not.toContain(
      'user template',
    );
    expect(existsSync(elsewhere)).toBe(false);
    expect(await git('cat-file', '-t', 'main')).toBe('commit');
  });

  it('is idempotent', async () => {
    const repo = join(dir, 'gitops.git');
    const first = await ensureGitopsRepository(repo);
    const second = await ensureGitopsRepository(repo);

    expect(second).toEqual({ initialised: false });
    expect(await gitIn(repo)('rev-parse', 'main')).toBe(first.initialCommit);
    expect(await gitIn(repo)('rev-list', '--count', '--all')).toBe('1');
  });

  it('leaves an existing main untouched', async () => {
    const repo = await makeBareRepository(join(dir, 'gitops.git'));
    const head = await pushCommit(repo, 'main', {
      'clusters/a/catalog-info.yaml': 'kind: Resource\n',
    });

    expect(await ensureGitopsRepository(repo)).toEqual({ initialised: false });
    expect(await gitIn(repo)('rev-parse', 'main')).toBe(head);
  });

  it('adds the initial commit to an existing empty repository', async () => {
    const repo = await makeBareRepository(join(dir, 'gitops.git'));
    const result = await ensureGitopsRepository(repo);

    expect(result.initialised).toBe(false);
    expect(result.initialCommit).toMatch(/^[0-9a-f]{40}$/);
    expect(await gitIn(repo)('rev-parse', 'main')).toBe(result.initialCommit);
  });

  it('survives two concurrent calls with a single initial commit', async () => {
    const repo = join(dir, 'gitops.git');
    await Promise.all([
      ensureGitopsRepository(repo),
      ensureGitopsRepository(repo),
    ]);
    expect(await gitIn(repo)('rev-list', '--count', '--all')).toBe('1');
  });
});
