import {
  BackstageCredentials,
  BackstageUserPrincipal,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';

/** `JsonObject` as the scaffolder's actions take it. */
type JsonObject = ActionContext<{}>['input'];

const USER_REF = 'user:default/bench';

/** A logger that drops everything: the figures should not include writing logs. */
const silentLogger: LoggerService = {
  error() {},
  warn() {},
  info() {},
  debug() {},
  child: () => silentLogger,
};

/**
 * The smallest context a scaffolder action runs with outside a task: the same one for both
 * actions compared, so neither pays for machinery the other does not. Temporary folders
 * land in `tempRoot`, which the caller removes.
 */
export function actionContext(options: {
  input: JsonObject;
  workspacePath: string;
  tempRoot: string;
  templateUrl: string;
}): ActionContext<JsonObject> {
  const credentials: BackstageCredentials<BackstageUserPrincipal> = {
    $$type: '@backstage/BackstageCredentials',
    principal: { type: 'user', userEntityRef: USER_REF },
  };
  return {
    input: options.input,
    workspacePath: options.workspacePath,
    logger: silentLogger,
    task: { id: 'bench' },
    templateInfo: {
      entityRef: 'template:default/bench',
      baseUrl: options.templateUrl,
    },
    user: {
      ref: USER_REF,
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: 'bench', namespace: 'default' },
        spec: { memberOf: ['group:default/data-platform'] },
        relations: [
          { type: 'memberOf', targetRef: 'group:default/data-platform' },
        ],
      },
    },
    output() {},
    checkpoint: async opts => opts.fn(),
    createTemporaryDirectory: () => mkdtemp(join(options.tempRoot, 'step-')),
    getInitiatorCredentials: async () => credentials,
  };
}
