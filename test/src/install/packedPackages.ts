import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../scaffolder/templateFile';
import { run } from './commands';

/**
 * The installable tarballs, built and packed from this checkout the way a release makes
 * them: the root's `npm run pack` (it leaves them in packed/) when the root has that script.
 * Until it does, the same by hand: the root type check (the packages' builds read its
 * declarations), `backstage-cli package build` and `yarn pack` in each package's folder.
 */

export const PACKAGE_FOLDERS = [
  'plugins/kafka-connect-common',
  'plugins/scaffolder-backend-module-kafka-connect',
  'plugins/kafka-connect',
  'packages/cli',
];

function rootScripts(): Record<string, string> {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'))
    .scripts;
}

/** Builds and packs the packages; returns the folder that holds their tarballs. */
export async function packPackages(
  scratch: string,
  logFile: string,
): Promise<string> {
  if (rootScripts().pack) {
    await run('npm', ['run', '--silent', 'pack'], { cwd: REPO_ROOT, logFile });
    return join(REPO_ROOT, 'packed');
  }
  const out = join(scratch, 'packed');
  mkdirSync(out, { recursive: true });
  await run('tsc', [], { cwd: REPO_ROOT, logFile });
  for (const folder of PACKAGE_FOLDERS) {
    const cwd = join(REPO_ROOT, folder);
    await run('backstage-cli', ['package', 'build'], { cwd, logFile });
    await run('yarn', ['pack', '--out', join(out, '%s-%v.tgz')], {
      cwd,
      logFile,
    });
  }
  return out;
}
