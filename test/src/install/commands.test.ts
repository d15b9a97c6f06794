import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { failureLines, run, runFromRegistry, userEnv } from './commands';

/**
 * runFromRegistry retries a registry hiccup and nothing else: a command that counts its runs
 * in a file fails with a given message until its run number reaches `okOnRun`.
 */
describe('runFromRegistry', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'run-from-registry-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const script = (message: string, okOnRun: number) =>
    `n=$(( $(cat count 2>/dev/null || echo 0) + 1 )); echo $n > count; ` +
    `[ $n -ge ${okOnRun} ] && exit 0; echo "${message}" >&2; exit 1`;
  const runs = () => Number(readFileSync(join(dir, 'count'), 'utf8'));
  const logFile = () => join(dir, 'log');

  it('runs again after a dropped connection, and says so in the log', async () => {
    await runFromRegistry(
      'bash',
      ['-c', script('RequestError: read ECONNRESET', 3)],
      {
        cwd: dir,
        logFile: logFile(),
      },
    );
    expect(runs()).toBe(3);
    expect(readFileSync(logFile(), 'utf8')).toContain(
      'attempt 2 of 3 failed on a registry hiccup, "ECONNRESET"',
    );
  });

  it("runs again after Yarn's crash in its retry path", async () => {
    await runFromRegistry(
      'bash',
      [
        '-c',
        script(
          'Error: The `onCancel` handler was attached after the promise settled.',
          2,
        ),
      ],
      { cwd: dir, logFile: logFile() },
    );
    expect(runs()).toBe(2);
  });

  it('gives up after the last attempt with the log of the failure', async () => {
    await expect(
      runFromRegistry('bash', ['-c', script('socket hang up', 9)], {
        cwd: dir,
        logFile: logFile(),
        attempts: 2,
      }),
    ).rejects.toThrow(/exit code 1[\s\S]*socket hang up/);
    expect(runs()).toBe(2);
  });

  it('runs again after a 503 in the words of Yarn 4', async () => {
    await runFromRegistry(
      'bash',
      ['-c', script('YN0035: │   Response Code: 503 (Service Unavailable)', 2)],
      { cwd: dir, logFile: logFile() },
    );
    expect(runs()).toBe(2);
  });

  it('runs an error of the install itself once more, then fails with it', async () => {
    await expect(
      runFromRegistry(
        'bash',
        ['-c', script('YN0001: Error: @x/y@^9.0.0 not found', 9)],
        { cwd: dir, logFile: logFile() },
      ),
    ).rejects.toThrow(/not found/);
    expect(runs()).toBe(2);
    expect(readFileSync(logFile(), 'utf8')).toContain(
      'not on a known registry hiccup',
    );
  });

  it('passes when the second run of an unknown failure succeeds (a flake)', async () => {
    await runFromRegistry(
      'bash',
      ['-c', script('YN0001: something unexpected', 2)],
      { cwd: dir, logFile: logFile() },
    );
    expect(runs()).toBe(2);
  });
});

describe('a failed command names what failed before its output', () => {
  // The shape of a Yarn 4 install that fails in its link step after many peer warnings.
  const yarnOutput = [
    '➤ YN0000: · Yarn 4.13.0',
    '➤ YN0000: ┌ Resolution step',
    ...Array.from(
      { length: 50 },
      (_, i) =>
        `➤ YN0060: │ peer-${i} is listed by your project with version 1.0.0, which doesn't satisfy what others request (^2.0.0).`,
    ),
    '➤ YN0086: │ Some peer dependencies are incorrectly met by your project',
    '➤ YN0000: ┌ Link step',
    "➤ YN0009: │ better-sqlite3@npm:13.2.0 [6cf1c] couldn't be built successfully (exit code 1, logs can be found here: /tmp/xfs-1/build.log)",
    '➤ YN0000: └ Completed in 4s',
    '➤ YN0000: · Failed with errors in 20s',
  ];

  it('keeps only the lines that report a failure', () => {
    expect(failureLines(yarnOutput.join('\n'))).toEqual([
      yarnOutput[yarnOutput.length - 3],
    ]);
  });

  it('puts them at the top of the error, before the 40 lines of its output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'run-failure-'));
    try {
      writeFileSync(join(dir, 'yarn-output'), yarnOutput.join('\n'));
      const error: Error = await run(
        'bash',
        ['-c', 'cat yarn-output; exit 1'],
        { cwd: dir, logFile: join(dir, 'log') },
      ).then(
        () => new Error('the command did not fail'),
        e => e,
      );
      const firstLines = error.message.split('\n').slice(0, 3).join('\n');
      expect(firstLines).toContain('what it said failed:');
      expect(firstLines).toContain("couldn't be built successfully");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the user's terminal the install steps run in", () => {
  const ci = process.env.CI;
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'user-terminal-'));
    // As on a CI machine, where npm test runs too.
    process.env.CI = 'true';
  });
  afterEach(() => {
    if (ci === undefined) delete process.env.CI;
    else process.env.CI = ci;
    rmSync(dir, { recursive: true, force: true });
  });

  it("is no CI job, so Yarn writes a new app's lockfile even on a CI machine", async () => {
    expect(userEnv().CI).toBe('false');
    // A project of no dependencies (no registry needed) and create-app's empty yarn.lock:
    // with CI=true, Yarn would refuse to fill it in (YN0028).
    writeFileSync(
      join(dir, 'package.json'),
      '{ "name": "app", "private": true }',
    );
    writeFileSync(join(dir, 'yarn.lock'), '');
    await run('yarn', ['install'], { cwd: dir, logFile: join(dir, 'log') });
    expect(readFileSync(join(dir, 'yarn.lock'), 'utf8')).toContain(
      'app@workspace:.',
    );
  });
});
