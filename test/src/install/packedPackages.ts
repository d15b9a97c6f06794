import { join } from 'node:path';
import { REPO_ROOT } from '../scaffolder/templateFile';
import { run } from './commands';

/**
 * The installable tarballs, built and packed from this checkout as a release makes them:
 * what the root's `npm run pack` runs (scripts/pack.sh), into a folder of the caller's
 * rather than packed/, so that two tests packing at once do not share one.
 */
export async function packPackages(
  scratch: string,
  logFile: string,
): Promise<string> {
  const out = join(scratch, 'packed');
  await run('bash', [join(REPO_ROOT, 'scripts/pack.sh'), out], {
    cwd: REPO_ROOT,
    logFile,
  });
  return out;
}
