import { spawnSync } from 'node:child_process';

/** shellcheck and `sh -n` as the Dockerfile tests use them. */

export function requireShellcheck(): void {
  const found = spawnSync('shellcheck', ['--version'], { encoding: 'utf8' });
  if (found.status === 0) return;
  throw new Error(
    process.env.CI === 'true'
      ? 'shellcheck is required in CI and was not found: the CI image must run scripts/setup.sh (it installs shellcheck)'
      : 'shellcheck was not found; it is a required tool: run `bash scripts/setup.sh` (it installs shellcheck), then rerun the tests',
  );
}

/** Every finding, of every severity (info and style included), one per line. */
export function shellcheck(script: string): string {
  const result = spawnSync('shellcheck', ['-s', 'sh', '-f', 'gcc', '-'], {
    input: script,
    encoding: 'utf8',
  });
  if (result.error) throw result.error;
  const findings = `${result.stdout}${result.stderr}`.trim();
  return findings || (result.status === 0 ? '' : `status ${result.status}`);
}

export function syntaxErrors(shell: string, script: string): string {
  const result = spawnSync(shell, ['-n'], { input: script, encoding: 'utf8' });
  if (result.error) throw result.error;
  return result.status === 0
    ? ''
    : result.stderr.trim() || `status ${result.status}`;
}
