/*
 * Test doubles for the services the provider uses; jest mocks so tests can read calls.
 */
import {
  LoggerService,
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';

export function fakeLogger(): jest.Mocked<LoggerService> {
  const logger: jest.Mocked<LoggerService> = {
    error: jest.fn(),
    warn: jest.fn(),
    info: jest.fn(),
    debug: jest.fn(),
    child: jest.fn(),
  };
  logger.child.mockReturnValue(logger);
  return logger;
}

export function fakeConnection(): jest.Mocked<EntityProviderConnection> & {
  mutations: EntityProviderMutation[];
} {
  const mutations: EntityProviderMutation[] = [];
  return {
    mutations,
    applyMutation: jest.fn(async (mutation: EntityProviderMutation) => {
      mutations.push(mutation);
    }),
    refresh: jest.fn(),
  };
}

/** A task runner that only records the task, so a test can run it when it likes. */
export function fakeTaskRunner(): SchedulerServiceTaskRunner & {
  tasks: SchedulerServiceTaskInvocationDefinition[];
} {
  const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
  return {
    tasks,
    run: async task => {
      tasks.push(task);
    },
  };
}
