import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  ActionContext,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** `JsonObject` from @backstage/types, taken from the scaffolder's own types. */
type JsonObject = Parameters<TemplateAction['handler']>[0]['input'];
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyAction = TemplateAction<any, any, any>;
type ContextOf<A extends AnyAction> = Parameters<A['handler']>[0];
type TaskUser = ActionContext<JsonObject, JsonObject>['user'];
type OutputOf<A extends AnyAction> = A extends TemplateAction<any, infer O, any>
  ? O
  : never;

/**
 * Checkpoint results kept across handler runs. Sharing one between two runs plays a
 * resumed task: a key that succeeded before returns its value without running again.
 */
export type CheckpointStore = Map<string, unknown>;

export interface TestContext<A extends AnyAction> {
  ctx: ContextOf<A>;
  outputs: Partial<OutputOf<A>>;
  /** Every checkpoint key asked for, in order. */
  checkpointKeys: string[];
  logger: ReturnType<typeof mockServices.logger.mock>;
}

/** A signed-in user as the catalog returns it: a member of the examples' owner group. */
export const TEST_USER: NonNullable<TaskUser> = {
  ref: 'user:default/test-user',
  entity: {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'test-user', namespace: 'default' },
    spec: { memberOf: ['orders'] },
    relations: [{ type: 'memberOf', targetRef: 'group:default/orders' }],
  },
};

/**
 * A small stand-in for the scaffolder's context (the test-utils package that has one pulls
 * an older scaffolder-node). Temporary directories land in `tempRoot` for the test to clean.
 */
export function createTestContext<A extends AnyAction>(
  _action: A,
  options: {
    input: ContextOf<A>['input'];
    workspacePath: string;
    tempRoot?: string;
    isDryRun?: boolean;
    checkpoints?: CheckpointStore;
    /** The user who started the task; default {@link TEST_USER}. */
    user?: TaskUser;
  },
): TestContext<A> {
  const outputs: Record<string, unknown> = {};
  const checkpointKeys: string[] = [];
  const store: CheckpointStore = options.checkpoints ?? new Map();
  const logger = mockServices.logger.mock();
  const ctx: ActionContext<JsonObject, JsonObject> = {
    input: options.input,
    workspacePath: options.workspacePath,
    logger,
    isDryRun: options.isDryRun ?? false,
    task: { id: 'test-task' },
    user: 'user' in options ? options.user : TEST_USER,
    output(name, value) {
      outputs[name] = value;
    },
    async checkpoint(opts) {
      checkpointKeys.push(opts.key);
      if (store.has(opts.key)) return store.get(opts.key) as never;
      const value = await opts.fn();
      store.set(opts.key, value);
      return value;
    },
    async createTemporaryDirectory() {
      return fs.mkdtemp(
        path.join(options.tempRoot ?? os.tmpdir(), 'kafka-connect-step-'),
      );
    },
    async getInitiatorCredentials() {
      return mockCredentials.user();
    },
  };
  return {
    // The handler's own context type is narrower (its input); the object above is the same shape.
    ctx: ctx as unknown as ContextOf<A>,
    outputs: outputs as Partial<OutputOf<A>>,
    checkpointKeys,
    logger,
  };
}

/** A fresh empty folder; remove it with {@link removeTempDir}. */
export async function makeTempDir(
  prefix = 'kafka-connect-test-',
): Promise<string> {
  return fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), prefix)));
}

export async function removeTempDir(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
}

/** Every file below `dir`, relative, sorted; for checking what an action wrote. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, {
    recursive: true,
    withFileTypes: true,
  });
  return entries
    .filter(e => e.isFile())
    .map(e =>
      path
        .relative(dir, path.join(e.parentPath, e.name))
        .split(path.sep)
        .join('/'),
    )
    .sort();
}
