import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import {
  assertGitopsRemoteAllowed,
  assertUserToken,
  assertUserTokenForRepoUrl,
  assertUserTokenForUrl,
  gitRemoteHostname,
  readUserCredentialsRule,
  UserCredentialsRule,
} from './userCredentials';

const ACTION = 'kafka-connect:test';

/** GitHub and GitLab (one self-managed, on a port) and a Bitbucket Server host. */
function rule(scaffolder?: {
  requireScmUserCredentials: boolean;
}): UserCredentialsRule {
  const config = new ConfigReader({
    ...(scaffolder ? { scaffolder } : {}),
    integrations: {
      github: [{ host: 'github.com', token: 'integration' }],
      gitlab: [
        { host: 'gitlab.com', token: 'integration' },
        {
          host: 'git.acme.example:8443',
          apiBaseUrl: 'https://git.acme.example:8443/api/v4',
          token: 'integration',
        },
      ],
      bitbucketServer: [
        {
          host: 'bitbucket.acme.example',
          apiBaseUrl: 'https://bitbucket.acme.example/rest/api/1.0',
          token: 'integration',
        },
      ],
    },
  });
  return readUserCredentialsRule(config, ScmIntegrations.fromConfig(config));
}

const on = rule({ requireScmUserCredentials: true });

/** The message a refusal carries, or undefined when the call passes. */
function refusal(call: () => void): string | undefined {
  try {
    call();
    return undefined;
  } catch (error) {
    expect((error as Error).name).toBe('InputError');
    // Said in words, without a stack that looks like a crash.
    expect((error as Error).stack).toBe(
      `InputError: ${(error as Error).message}`,
    );
    return (error as Error).message;
  }
}

describe('readUserCredentialsRule', () => {
  it('is off unless scaffolder.requireScmUserCredentials is true', () => {
    expect(rule().required).toBe(false);
    expect(rule({ requireScmUserCredentials: false }).required).toBe(false);
    expect(on.required).toBe(true);
  });
});

describe('assertUserToken', () => {
  it('refuses a GitHub or GitLab integration host without a token, naming the setting, the host, the step and the fixes', () => {
    for (const host of ['github.com', 'gitlab.com', 'git.acme.example:8443']) {
      const message = refusal(() =>
        assertUserToken(on, { host, action: ACTION }),
      );
      expect(message).toContain(
        `No user credentials provided for host ${host}, but scaffolder.requireScmUserCredentials is enabled`,
      );
      expect(message).toContain(
        `${ACTION} does not fall back to the integration's token`,
      );
      expect(message).toContain('ui:options.requestUserCredentials');
      expect(message).toContain('secrets.accessToken');
      expect(message).toMatch(
        /turn scaffolder\.requireScmUserCredentials off$/,
      );
    }
  });

  it('takes an empty token, as a template renders a missing secret, for none', () => {
    expect(
      refusal(() =>
        assertUserToken(on, { host: 'github.com', token: '', action: ACTION }),
      ),
    ).toBeDefined();
  });

  it("passes with the user's token", () => {
    expect(
      refusal(() =>
        assertUserToken(on, {
          host: 'gitlab.com',
          token: 'users-own',
          action: ACTION,
        }),
      ),
    ).toBeUndefined();
  });

  it('leaves hosts that are no GitHub or GitLab integration alone, as Backstage does', () => {
    for (const host of ['bitbucket.acme.example', 'example.com', ''])
      expect(
        refusal(() => assertUserToken(on, { host, action: ACTION })),
      ).toBeUndefined();
  });

  it('changes nothing with the setting off', () => {
    for (const off of [rule(), rule({ requireScmUserCredentials: false })])
      expect(
        refusal(() =>
          assertUserToken(off, { host: 'github.com', action: ACTION }),
        ),
      ).toBeUndefined();
  });
});

describe('assertUserTokenForRepoUrl', () => {
  it("reads the host of RepoUrlPicker's value", () => {
    expect(
      refusal(() =>
        assertUserTokenForRepoUrl(on, {
          repoUrl: 'gitlab.com?owner=acme%2Fdata&repo=gitops',
          action: ACTION,
        }),
      ),
    ).toContain('host gitlab.com,');
    expect(
      refusal(() =>
        assertUserTokenForRepoUrl(on, {
          repoUrl: 'github.com?owner=acme&repo=gitops',
          token: 'users-own',
          action: ACTION,
        }),
      ),
    ).toBeUndefined();
  });

  it('does not parse the repoUrl with the setting off (the step says what is wrong with it)', () => {
    expect(
      refusal(() =>
        assertUserTokenForRepoUrl(rule(), {
          repoUrl: 'not a repo url',
          action: ACTION,
        }),
      ),
    ).toBeUndefined();
  });
});

describe('assertUserTokenForUrl', () => {
  it('refuses a file URL of a GitHub or GitLab host, and leaves file: URLs alone', () => {
    expect(
      refusal(() =>
        assertUserTokenForUrl(on, {
          url: 'https://github.com/acme/gitops/blob/main/clusters/orders/connect-cluster.yaml',
          action: ACTION,
        }),
      ),
    ).toContain('host github.com,');
    expect(
      refusal(() =>
        assertUserTokenForUrl(on, {
          url: 'https://git.acme.example:8443/acme/gitops/-/blob/main/clusters/orders/connect-cluster.yaml',
          action: ACTION,
        }),
      ),
    ).toContain('host git.acme.example:8443,');
    expect(
      refusal(() =>
        assertUserTokenForUrl(on, {
          url: 'file:///srv/gitops.git/clusters/orders/connect-cluster.yaml',
          action: ACTION,
        }),
      ),
    ).toBeUndefined();
  });
});

describe('gitRemoteHostname', () => {
  it.each([
    ['https://github.com/acme/gitops.git', 'github.com'],
    ['https://x-access-token:secret@github.com/acme/gitops.git', 'github.com'],
    ['https://git.acme.example:8443/acme/gitops.git', 'git.acme.example'],
    ['ssh://git@gitlab.com:22/acme/gitops.git', 'gitlab.com'],
    ['git@GitHub.com:acme/gitops.git', 'github.com'],
    ['file:///srv/gitops.git', undefined],
    ['/srv/backstage/.gitops/gitops.git', undefined],
  ])('%s → %s', (remote, host) => {
    expect(gitRemoteHostname(remote)).toBe(host);
  });
});

describe('assertGitopsRemoteAllowed', () => {
  const check = (
    remote: string,
    used: UserCredentialsRule = on,
    displayRemote = remote,
  ) =>
    refusal(() =>
      assertGitopsRemoteAllowed(used, {
        remote,
        displayRemote,
        action: ACTION,
      }),
    );

  it("refuses a GitOps repository on a GitHub or GitLab integration host: the backend's git credentials are no user's", () => {
    const message = check(
      'https://x-access-token:secret@github.com/acme/gitops.git',
      on,
      'https://***@github.com/acme/gitops.git',
    );
    expect(message).toContain(
      'No user credentials can be used for host github.com, and scaffolder.requireScmUserCredentials is enabled',
    );
    expect(message).toContain(
      `${ACTION} reaches the GitOps repository https://***@github.com/acme/gitops.git (kafkaConnect.gitops.repository), on a GitHub host of integrations.github`,
    );
    expect(message).toContain("Choose the template's GitHub destination");
    expect(message).toMatch(/turn scaffolder\.requireScmUserCredentials off$/);
    expect(message).not.toContain('secret');
    expect(check('git@gitlab.com:acme/gitops.git')).toContain(
      "Choose the template's GitLab destination",
    );
    // The same forge over SSH, on another port than its integration's HTTPS one.
    expect(check('ssh://git@git.acme.example:2222/acme/gitops.git')).toContain(
      'host git.acme.example,',
    );
  });

  it('leaves a repository on the backend machine, or on another host, alone', () => {
    for (const remote of [
      '/srv/backstage/.gitops/gitops.git',
      'file:///srv/gitops.git',
      'https://bitbucket.acme.example/scm/acme/gitops.git',
      'https://git.example.org/acme/gitops.git',
    ])
      expect(check(remote)).toBeUndefined();
  });

  it('changes nothing with the setting off', () => {
    expect(check('https://github.com/acme/gitops.git', rule())).toBeUndefined();
  });
});
