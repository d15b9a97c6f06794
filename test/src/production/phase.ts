import { inspect } from 'node:util';

/**
 * Runs one phase of a long test and names it in any error that is not an assertion's, with
 * the error's whole cause chain: a failed fetch to a killed replica, say, reaches Jest as an
 * error whose message and cause print as nothing (seen once under CI load).
 */
export async function phase<T>(
  what: string,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    // An expect() failure already says what it expected: its diff stays as Jest prints it.
    if (error && typeof error === 'object' && 'matcherResult' in error)
      throw error;
    throw new Error(`${what}: ${inspect(error, { depth: 6 })}`);
  }
}
