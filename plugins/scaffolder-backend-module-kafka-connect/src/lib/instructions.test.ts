import { mergeInstructions, shellWord } from './instructions';

const BASE = {
  displayRemote: '.gitops/gitops.git',
  localPath: '/srv/my repo/gitops.git',
  branch: 'kafka-connect/orders',
  defaultBranch: 'main',
  targetPath: 'clusters/prod/orders',
  commit: '0123456789abcdef0123456789abcdef01234567',
  changed: true,
  branchExists: true,
  dryRun: false,
};

describe('shellWord', () => {
  it('quotes only what needs it', () => {
    expect(shellWord('/srv/gitops.git')).toBe('/srv/gitops.git');
    expect(shellWord('/srv/my repo')).toBe("'/srv/my repo'");
    expect(shellWord("it's")).toBe("'it'\\''s'");
  });
});

describe('mergeInstructions', () => {
  it('shows how to look at the branch and how to merge it', () => {
    const text = mergeInstructions(BASE);
    expect(text).toContain('`0123456789ab`');
    expect(text).toContain(
      "git -C '/srv/my repo/gitops.git' log --stat main..kafka-connect/orders",
    );
    expect(text).toContain('git clone .gitops/gitops.git gitops && cd gitops');
    expect(text).toContain('git merge --no-ff origin/kafka-connect/orders');
    expect(text).toContain('git push origin main');
  });

  it('has no local command for a URL remote', () => {
    expect(mergeInstructions({ ...BASE, localPath: undefined })).not.toContain(
      'git -C',
    );
  });

  it('says when there is nothing to merge, and what a dry run would do', () => {
    expect(
      mergeInstructions({ ...BASE, changed: false, branchExists: false }),
    ).toMatch(/nothing to push or merge/);
    expect(mergeInstructions({ ...BASE, dryRun: true })).toMatch(
      /^Dry run: .* would be pushed .*Nothing was pushed/,
    );
  });
});
