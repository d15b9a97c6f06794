/* eslint-disable jest/no-export -- a module of shared tests that test files call, not a test file */
import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { Recorded, Reply, TOKEN, USER_TOKEN } from './fakeGitLab';
import { GitLabActionSuite } from './gitlabActionSuite';

/**
 * Tests that every kafka-connect:gitlab:* action passes in the same words: the token it sends,
 * `scaffolder.requireScmUserCredentials`, GitLab's errors. Each file calls them inside its own
 * describe and adds what its action changes.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyAction = TemplateAction<any, any, any>;

/** Every request carried the user's token as a Bearer token, and not the integration's. */
export function expectUserTokenOnly(requests: Recorded[]) {
  for (const request of requests) {
    expect(request.headers.authorization).toBe(`Bearer ${USER_TOKEN}`);
    expect(request.headers['private-token']).toBeUndefined();
  }
}

/** The two tests of `scaffolder.requireScmUserCredentials`; `madeIt` checks the action's work. */
export function itRequiresTheUserToken<A extends AnyAction>(
  suite: GitLabActionSuite<A>,
  madeIt: () => void,
) {
  it("refuses to fall back to the integration's token, before any request", async () => {
    const refused = suite.run({}, { using: suite.requiring() });
    await expect(refused).rejects.toThrow(
      new RegExp(
        `^No user credentials provided for host gitlab\\.com, but scaffolder\\.requireScmUserCredentials is enabled: ${suite.action.id} does not fall back to the integration's token\\. .*requestUserCredentials.* or turn scaffolder\\.requireScmUserCredentials off$`,
      ),
    );
    await expect(refused).rejects.toMatchObject({ name: 'InputError' });
    expect(suite.gitlab.requests).toEqual([]);
  });

  it("works with the user's token, sent instead of the integration's", async () => {
    await suite.run({ token: USER_TOKEN }, { using: suite.requiring() });
    madeIt();
    expect(suite.gitlab.requests.length).toBeGreaterThan(0);
    expectUserTokenOnly(suite.gitlab.requests);
  });
}

/** GitLab answers `reply` to a request on `route`: the action fails with `error` and `message`. */
export interface GitLabErrorCase {
  name: string;
  route: RegExp;
  reply: Reply;
  error: string;
  message: RegExp;
  /** What else is so before the run. */
  setUp?: () => void;
}

/**
 * For each case: the error's name and message, a stack that is the message alone (the task
 * log shows no crash trace), no token in the message or the log, and `nothingChanged`.
 */
export function itFailsOnEachGitLabError<A extends AnyAction>(
  suite: GitLabActionSuite<A>,
  cases: GitLabErrorCase[],
  options: {
    input?: Parameters<GitLabActionSuite<A>['failedRun']>[0];
    nothingChanged: () => void;
  },
) {
  it.each(cases.map(c => [c.name, c] as const))(
    'fails on %s with a message naming the project, the branch and what GitLab said',
    async (_name, c) => {
      c.setUp?.();
      suite.gitlab.failures.push({ route: c.route, reply: c.reply });
      const { error, logger } = await suite.failedRun(options.input);
      expect(error.name).toBe(c.error);
      expect(error.message).toMatch(c.message);
      expect(error.stack).toBe(`${error.name}: ${error.message}`);
      expect(
        error.message + JSON.stringify(logger.info.mock.calls),
      ).not.toContain(TOKEN);
      options.nothingChanged();
    },
  );
}

/** A token GitLab refuses at the action's first request, reading the branch. */
export function itNamesTheProjectNotARefusedToken<A extends AnyAction>(
  suite: GitLabActionSuite<A>,
) {
  it('names the project, not the token, when the token is refused', async () => {
    const { error } = await suite.failedRun(
      {},
      { using: suite.actionWith({ token: 'glpat-wrongToken00000' }) },
    );
    expect(error.name).toBe('AuthenticationError');
    expect(error.message).toMatch(
      /^Could not read the branch of GitLab project acme\/gitops \(branch kafka-connect\/orders\): GitLab answered 401 Unauthorized/,
    );
    expect(error.message).not.toContain('glpat-wrongToken00000');
  });
}
