import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../scaffolder/templateFile';

/** What `connect-skeleton render --values <file>` writes: path → content, every file. */
export function cliRender(valuesFile: string): Map<string, string> {
  const out = mkdtempSync(join(tmpdir(), 'kafka-connect-cli-render-'));
  try {
    execFileSync(
      process.execPath,
      [
        join(REPO_ROOT, 'packages/cli/bin/connect-skeleton'),
        'render',
        '--values',
        valuesFile,
        '--out',
        join(out, 'cluster'),
      ],
      { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const root = join(out, 'cluster');
    const files = readdirSync(root, { recursive: true, withFileTypes: true })
      .filter(entry => entry.isFile())
      .map(entry => relative(root, join(entry.parentPath, entry.name)))
      .sort();
    return new Map(
      files.map(file => [file, readFileSync(join(root, file), 'utf8')]),
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
