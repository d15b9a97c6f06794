import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createKafkaConnectRenderAction } from '../actions/render';
import { createTestContext } from './actionContext';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyAction = TemplateAction<any, any, any>;

/** A step of a template example. */
export type Step = { action: string; input: Record<string, unknown> };

/** The error the promise rejects with; fails if it resolves. */
export async function failure(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: Error) => e,
  );
}

/**
 * Runs an example's steps: kafka-connect:render and the action under test for real,
 * gitlab:repo:push (another module) by `push`. Returns the outputs of the action's steps.
 */
export async function runExampleSteps<A extends AnyAction>(
  steps: Step[],
  options: {
    action: A;
    workspacePath: string;
    push: (input: { repoUrl: string; branchName: string }) => void;
  },
): Promise<Record<string, unknown>[]> {
  const { action, workspacePath } = options;
  const render = createKafkaConnectRenderAction();
  const outputs: Record<string, unknown>[] = [];
  for (const step of steps) {
    if (step.action === render.id) {
      const { ctx } = createTestContext(render, {
        input: step.input as Parameters<typeof render.handler>[0]['input'],
        workspacePath,
      });
      await render.handler(ctx);
    } else if (step.action === 'gitlab:repo:push') {
      options.push(step.input as { repoUrl: string; branchName: string });
    } else if (step.action === action.id) {
      const test = createTestContext(action, {
        input: step.input as Parameters<A['handler']>[0]['input'],
        workspacePath,
      });
      await action.handler(test.ctx);
      outputs.push(test.outputs);
    } else {
      throw new Error(`no action ${step.action}`);
    }
  }
  return outputs;
}
