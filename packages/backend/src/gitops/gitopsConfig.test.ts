import { ConfigReader } from '@backstage/config';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findWorkspaceRoot, readGitopsSettings } from './gitopsConfig';
import { makeTempDir } from './testing/gitFixture';

describe('readGitopsSettings', () => {
  it('resolves a relative repository against the working directory', () => {
    const config = new ConfigReader({
      kafkaConnect: {
        gitops: {
          repository: '../../.gitops/gitops.git',
          defaultBranch: 'trunk',
          catalogRefreshSeconds: 12,
        },
      },
    });
    expect(readGitopsSettings(config, '/srv/portal/packages/backend')).toEqual({
      repository: '/srv/portal/.gitops/gitops.git',
      defaultBranch: 'trunk',
      catalogRefreshSeconds: 12,
    });
  });

  it('keeps an absolute repository and defaults branch and interval', () => {
    const config = new ConfigReader({
      kafkaConnect: { gitops: { repository: '/data/gitops.git' } },
    });
    expect(readGitopsSettings(config, '/anywhere')).toEqual({
      repository: '/data/gitops.git',
      defaultBranch: 'main',
      catalogRefreshSeconds: 5,
    });
  });

  it('falls back to .gitops/gitops.git at the workspace root', async () => {
    const { dir, cleanup } = await makeTempDir();
    try {
      await writeFile(
        join(dir, 'package.json'),
        JSON.stringify({ workspaces: ['packages/*'] }),
      );
      const backend = join(dir, 'packages', 'backend');
      await mkdir(backend, { recursive: true });
      await writeFile(join(backend, 'package.json'), '{"name":"backend"}');

      expect(findWorkspaceRoot(backend)).toBe(dir);
      expect(readGitopsSettings(new ConfigReader({}), backend).repository).toBe(
        join(dir, '.gitops', 'gitops.git'),
      );
    } finally {
      await cleanup();
    }
  });

  it.each([
    'https://github.com/acme/gitops.git',
    'ssh://git@gitlab.com/acme/gitops.git',
    'git@github.com:acme/gitops.git',
    'file:///srv/gitops.git',
  ])('leaves a remote URL alone: %s', url => {
    const config = new ConfigReader({
      kafkaConnect: { gitops: { repository: url } },
    });
    expect(readGitopsSettings(config, '/anywhere').repository).toBeUndefined();
  });

  it('rejects a refresh interval that is not positive', () => {
    const config = new ConfigReader({
      kafkaConnect: {
        gitops: { repository: '/r.git', catalogRefreshSeconds: 0 },
      },
    });
    expect(() => readGitopsSettings(config)).toThrow(/catalogRefreshSeconds/);
  });
});
