import { EXAMPLE_VALUES, runCli } from './__testUtils__';

// A renderer bug must surface as one line and exit 3, never as a stack trace.
jest.mock('@connect-skeleton/plugin-kafka-connect-common', () => ({
  ...jest.requireActual('@connect-skeleton/plugin-kafka-connect-common'),
  validateValues: () => {
    throw new TypeError(
      'cannot read properties of undefined\n    at somewhere (x.ts:1:1)',
    );
  },
  renderManifests: () => {
    throw new Error('boom');
  },
}));

describe('an unexpected internal error', () => {
  it('prints one line and exits 3', async () => {
    expect(
      await runCli(['validate', '--values', EXAMPLE_VALUES], __dirname),
    ).toEqual({
      code: 3,
      stdout: '',
      stderr:
        'connect-skeleton: internal error: cannot read properties of undefined\n',
    });
    expect(
      await runCli(['manifests', '--values', EXAMPLE_VALUES], __dirname),
    ).toEqual({
      code: 3,
      stdout: '',
      stderr: 'connect-skeleton: internal error: boom\n',
    });
  });
});
