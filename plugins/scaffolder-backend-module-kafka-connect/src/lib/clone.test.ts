import { classifyPushFailure } from './clone';

/** What git printed in each case, as seen from the real git binary (trimmed by cleanGitOutput). */
describe('classifyPushFailure', () => {
  it('knows a branch that another push created or moved meanwhile', () => {
    expect(
      classifyPushFailure(
        "remote: error: cannot lock ref 'refs/heads/kafka-connect/orders': reference already exists\nTo /srv/gitops.git\n ! [remote rejected] HEAD -> kafka-connect/orders (failed to update ref)\nerror: failed to push some refs to '/srv/gitops.git'",
      ),
    ).toBe('moved');
    expect(
      classifyPushFailure(
        "To /srv/gitops.git\n ! [rejected]        HEAD -> kafka-connect/orders (fetch first)\nerror: failed to push some refs to '/srv/gitops.git'",
      ),
    ).toBe('moved');
    expect(
      classifyPushFailure(
        ' ! [rejected]        HEAD -> kafka-connect/orders (non-fast-forward)',
      ),
    ).toBe('moved');
  });

  it('knows a remote that declined the push', () => {
    expect(
      classifyPushFailure(
        'remote: branch protection: pushes need a ticket\nTo /srv/gitops.git\n ! [remote rejected] HEAD -> kafka-connect/orders (pre-receive hook declined)',
      ),
    ).toBe('refused');
    expect(
      classifyPushFailure(
        "remote: Permission to acme/gitops.git denied to bot.\nfatal: unable to access 'https://github.com/acme/gitops.git/': The requested URL returned error: 403",
      ),
    ).toBe('refused');
  });

  it('knows a remote that could not be reached or went away', () => {
    for (const stderr of [
      "fatal: '/srv/gitops.git' does not appear to be a git repository\nfatal: Could not read from remote repository.",
      "fatal: unable to access 'http://127.0.0.1:9/gitops.git/': Failed to connect to 127.0.0.1 port 9 after 0 ms: Couldn't connect to server",
      "fatal: unable to access 'http://127.0.0.1:4000/gitops.git/': Empty reply from server",
      'error: RPC failed; HTTP 502 curl 22 The requested URL returned error: 502\nsend-pack: unexpected disconnect while reading sideband packet\nfatal: the remote end hung up unexpectedly',
    ]) {
      expect(classifyPushFailure(stderr)).toBe('unreachable');
    }
  });

  it('leaves anything else as it is', () => {
    expect(classifyPushFailure('error: something new')).toBe('other');
  });
});
