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
    // By its absolute path, into a new folder: the commands work from any folder.
    expect(text).toContain(
      `cd "$(mktemp -d)" && git clone '/srv/my repo/gitops.git' gitops && cd gitops`,
    );
    expect(text).toContain('git merge --no-ff origin/kafka-connect/orders');
    expect(text).toContain('git push origin main');
  });

  it('has no local command for a URL remote, and clones it as configured', () => {
    const text = mergeInstructions({
      ...BASE,
      displayRemote: 'https://git.example.com/gitops.git',
      localPath: undefined,
    });
    expect(text).not.toContain('git -C');
    expect(text).toContain(
      'git clone https://git.example.com/gitops.git gitops && cd gitops',
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
