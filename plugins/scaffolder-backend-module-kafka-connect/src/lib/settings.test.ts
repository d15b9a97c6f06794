import { ConfigReader } from '@backstage/config';
import { isUrl, readGitopsSettings } from './settings';

function settings(gitops: Record<string, string | boolean>) {
  return readGitopsSettings(
    new ConfigReader({ kafkaConnect: { gitops } }),
    '/srv/backstage',
  );
}

describe('readGitopsSettings', () => {
  it('resolves a relative path against the working directory and keeps what was configured for display', () => {
    expect(settings({ repository: '.gitops/gitops.git' })).toEqual({
      displayRemote: '.gitops/gitops.git',
      remote: '/srv/backstage/.gitops/gitops.git',
      isLocal: true,
      defaultBranch: 'main',
      initializeEmptyRepository: false,
    });
  });

  it('reads initializeEmptyRepository', () => {
    expect(
      settings({ repository: 'x.git', initializeEmptyRepository: true })
        .initializeEmptyRepository,
    ).toBe(true);
  });

  it('passes URLs through and masks their credentials for display', () => {
    expect(
      settings({
        repository: 'https://x-access-token:s3cr3t@github.com/acme/gitops.git',
        defaultBranch: 'trunk',
      }),
    ).toEqual({
      displayRemote: 'https://***@github.com/acme/gitops.git',
      remote: 'https://x-access-token:s3cr3t@github.com/acme/gitops.git',
      isLocal: false,
      defaultBranch: 'trunk',
      initializeEmptyRepository: false,
    });
  });

  it('works without a repository (the render action needs none)', () => {
    expect(readGitopsSettings(new ConfigReader({}))).toEqual({
      isLocal: false,
      defaultBranch: 'main',
      initializeEmptyRepository: false,
    });
  });

  it('refuses a bad default branch and a remote that git would read as an option', () => {
    expect(() => settings({ repository: 'x', defaultBranch: '../x' })).toThrow(
      /kafkaConnect\.gitops\.defaultBranch/,
    );
    expect(() => settings({ repository: '--upload-pack=evil' })).toThrow(
      /must be a path or a URL/,
    );
  });

  it.each([
    ['https://github.com/acme/gitops.git', true],
    ['ssh://git@example.com/gitops.git', true],
    ['file:///srv/gitops.git', true],
    ['git@github.com:acme/gitops.git', true],
    ['/srv/gitops.git', false],
    ['.gitops/gitops.git', false],
    ['gitops.git', false],
  ])('isUrl(%j) is %j', (remote, expected) => {
    expect(isUrl(remote)).toBe(expected);
  });
});
