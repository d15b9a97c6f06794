import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../scaffolder/templateFile';
import { run } from './commands';

/**
 * What the fresh app's frontend makes of the installed frontend package, without a browser
 * or a build of the app: its type check, and what its package discovery would install.
 */

const DISCOVER_SCRIPT = join(
  REPO_ROOT,
  'test/src/install/discoverAppFeatures.cjs',
);

/**
 * `yarn tsc` at the app's root: create-app's own type check (its `tsc` script; its tsconfig
 * includes packages/app/src). Rejects with the compiler's output, the only thing in `logFile`.
 */
export async function typeCheckApp(appDir: string, logFile: string) {
  await run('yarn', ['tsc'], { cwd: appDir, logFile });
}

export interface DiscoveredFeatures {
  /** What the CLI's detected-modules file imports for the package. */
  imports: string[];
  /** Those of its exports frontend-defaults' discovery installs. */
  features: { $$type: string; pluginId?: string }[];
}

/**
 * What `app.packages` discovery (the app's CLI detection, then frontend-defaults'
 * discoverAvailableFeatures) installs from `packageName`: discoverAppFeatures.cjs, run by
 * node in packages/app with the app's own modules.
 */
export async function discoverAppFeatures(
  appDir: string,
  packageName: string,
  outDir: string,
): Promise<DiscoveredFeatures> {
  mkdirSync(outDir, { recursive: true });
  await run('node', [DISCOVER_SCRIPT, packageName, outDir], {
    cwd: join(appDir, 'packages/app'),
    logFile: join(outDir, 'discover.log'),
  });
  return JSON.parse(readFileSync(join(outDir, 'discovered.json'), 'utf8'));
}
