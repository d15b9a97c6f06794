import {
  ApiBlueprint,
  createFrontendModule,
  discoveryApiRef,
  fetchApiRef,
  identityApiRef,
} from '@backstage/frontend-plugin-api';
import { scmIntegrationsApiRef } from '@backstage/integration-react';
import {
  ScaffolderClient,
  ScaffolderRequestOptions,
  ScaffolderTask,
} from '@backstage/plugin-scaffolder-common';
import { scaffolderApiRef } from '@backstage/plugin-scaffolder-react';
import { withTakenStepsOnly } from './tasksWithTakenSteps';

/**
 * The scaffolder's own client, except that a task comes without the steps its parameters
 * rule out. The task page lists every step of `task.spec.steps` and marks the skipped
 * ones; Backstage has no option to hide them, and this client is the one place that
 * feeds the page its steps.
 */
class ScaffolderClientWithTakenSteps extends ScaffolderClient {
  async getTask(
    taskId: string,
    options?: ScaffolderRequestOptions,
  ): Promise<ScaffolderTask> {
    return withTakenStepsOnly(await super.getTask(taskId, options));
  }
}

/** Replaces the scaffolder plugin's API (same extension id, api:scaffolder). */
export const taskStepsModule = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: [
    ApiBlueprint.make({
      params: defineParams =>
        defineParams({
          api: scaffolderApiRef,
          deps: {
            discoveryApi: discoveryApiRef,
            scmIntegrationsApi: scmIntegrationsApiRef,
            fetchApi: fetchApiRef,
            identityApi: identityApiRef,
          },
          factory: deps => new ScaffolderClientWithTakenSteps(deps),
        }),
    }),
  ],
});
