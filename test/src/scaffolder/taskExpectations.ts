import { TaskResult } from './testBackend';

/** The task completed; on failure, the diff shows its error. */
export function expectCompleted(result: TaskResult) {
  expect({ status: result.status, error: result.error }).toEqual({
    status: 'completed',
    error: undefined,
  });
}

/**
 * After each test, requests off a fake forge's published contract (`violations` of each
 * forge) or to no fake at all (the suite's `unhandled`) fail the test that sent them.
 */
export function failOnRequestsOffContract(
  violations: () => string[][],
  suite: { unhandled: string[] },
) {
  afterEach(() => {
    const problems = [
      ...violations().flatMap(v => v.splice(0)),
      ...suite.unhandled.splice(0),
    ];
    if (problems.length)
      throw new Error(`requests off the contract:\n${problems.join('\n')}`);
  });
}
