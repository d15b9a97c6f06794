import { Config } from '@backstage/config';
import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  CheckpointStore,
  createTestContext,
  makeTempDir,
  removeTempDir,
} from './actionContext';
import { failure } from './exampleSteps';
import { FakeGitLab, FakeGitLabOptions, TOKEN } from './fakeGitLab';
import { requiringUserCredentials } from './userCredentials';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyAction = TemplateAction<any, any, any>;
type InputOf<A extends AnyAction> = Parameters<A['handler']>[0]['input'];

export interface RunOptions<A extends AnyAction> {
  isDryRun?: boolean;
  checkpoints?: CheckpointStore;
  /** Another action than the suite's (another config). */
  using?: A;
}

/**
 * The set-up of a kafka-connect:gitlab:* action's tests: a FakeGitLab for the whole file, reset
 * before each test, a fresh workspace and the action on the integration's TOKEN; `run` runs it
 * on `input` with a test's fields over it.
 */
export function useGitLabActionSuite<A extends AnyAction>(options: {
  create: (config: Config) => A;
  fake?: FakeGitLabOptions;
  input: InputOf<A>;
}) {
  const gitlab = new FakeGitLab(options.fake);
  let action: A;
  let workspace: string;

  const actionWith = (entry: Record<string, unknown>) =>
    options.create(gitlab.config(entry));

  beforeAll(async () => {
    await gitlab.start();
  });
  afterAll(async () => {
    await gitlab.stop();
  });
  beforeEach(async () => {
    gitlab.reset();
    workspace = await makeTempDir();
    action = actionWith({ token: TOKEN });
  });
  afterEach(async () => {
    await removeTempDir(workspace);
  });

  const contextFor = (
    input: Partial<InputOf<A>>,
    runOptions: RunOptions<A>,
  ) => {
    const used = runOptions.using ?? action;
    const test = createTestContext(used, {
      input: { ...options.input, ...input },
      workspacePath: workspace,
      isDryRun: runOptions.isDryRun,
      checkpoints: runOptions.checkpoints,
    });
    return { used, test };
  };

  return {
    gitlab,
    actionWith,
    /** The action of the current test, on the integration's TOKEN. */
    get action(): A {
      return action;
    },
    get workspace(): string {
      return workspace;
    },
    /** The action with `scaffolder.requireScmUserCredentials` on, the integration's TOKEN set. */
    requiring: () =>
      options.create(requiringUserCredentials(gitlab.config({ token: TOKEN }))),
    async run(input: Partial<InputOf<A>> = {}, runOptions: RunOptions<A> = {}) {
      const { used, test } = contextFor(input, runOptions);
      await used.handler(test.ctx);
      return test;
    },
    /** Runs the action, which must fail: its error and what it logged. */
    async failedRun(
      input: Partial<InputOf<A>> = {},
      runOptions: RunOptions<A> = {},
    ) {
      const { used, test } = contextFor(input, runOptions);
      const error = await failure(used.handler(test.ctx));
      return { error, logger: test.logger };
    },
  };
}

export type GitLabActionSuite<A extends AnyAction> = ReturnType<
  typeof useGitLabActionSuite<A>
>;
