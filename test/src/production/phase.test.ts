import { phase } from './phase';

describe('phase', () => {
  it('names the phase and prints the whole cause chain of an error that prints as nothing', async () => {
    const silent = new Error('', {
      cause: new AggregateError([new Error('connect ECONNREFUSED ::1:7007')]),
    });
    await expect(
      phase('killing the victim', () => Promise.reject(silent)),
    ).rejects.toThrow(/^killing the victim: [\s\S]*ECONNREFUSED ::1:7007/);
  });

  it("leaves an assertion's failure as Jest prints it", async () => {
    // An error shaped as Jest's matchers throw it (the matcher's result attached).
    const assertion = Object.assign(
      new Error('expect(received).toBe(expected)'),
      {
        matcherResult: { pass: false },
      },
    );
    const failed = await phase('checking', () =>
      Promise.reject(assertion),
    ).catch(error => error);
    expect(failed).toBe(assertion);
    expect(failed.matcherResult).toBeDefined();
    expect(failed.message).not.toMatch(/^checking:/);
  });

  it('returns what the phase returns', async () => {
    await expect(phase('adding', async () => 1 + 1)).resolves.toBe(2);
  });
});
