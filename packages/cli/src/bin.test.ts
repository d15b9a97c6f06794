import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { tempDir } from './__testUtils__';

const BIN = path.resolve(__dirname, '..', 'bin', 'connect-skeleton');

function spawnBin(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    // Not started through `npm run connect-skeleton`: relative paths mean cwd.
    env: { ...process.env, npm_lifecycle_event: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Starting tsx and compiling the sources takes a moment on a cold cache.
jest.setTimeout(60_000);

describe('bin/connect-skeleton', () => {
  it('prints the usage for --help, exit 0', () => {
    const result = spawnBin(['--help'], __dirname);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: connect-skeleton <command>/);
    expect(result.stderr).toBe('');
  });

  it('reports bad usage and bad values in one line each, without a stack trace', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const usage = spawnBin(['validate', '--values', 'missing.yaml'], dir);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toBe(
        'connect-skeleton: cannot read values file missing.yaml: no such file\n',
      );

      await fs.writeFile(path.join(dir, 'v.yaml'), 'name: [a\n');
      const values = spawnBin(['manifests', '--values', 'v.yaml'], dir);
      expect(values.code).toBe(1);
      expect(values.stdout).toBe('');
      expect(values.stderr).toMatch(
        /^values: invalid YAML in v\.yaml at \d+:\d+: [^\n]+\n$/,
      );
      for (const stderr of [usage.stderr, values.stderr]) {
        expect(stderr).not.toMatch(/\n\s+at /);
      }
    } finally {
      await cleanup();
    }
  });
});
