import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFromRegistry } from './commands';

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

  it('fails at once on an error of the install itself', async () => {
    await expect(
      runFromRegistry(
        'bash',
        ['-c', script('YN0001: Error: @x/y@^9.0.0 not found', 2)],
        { cwd: dir, logFile: logFile() },
      ),
    ).rejects.toThrow(/not found/);
    expect(runs()).toBe(1);
  });
});
