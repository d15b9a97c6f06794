import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAppBackend } from '@connect-skeleton/integration-tests/src/install/appBackend';
import {
  applyMachineFixes,
  createApp,
  forgetCachedScope,
  installApp,
  pointScopeAt,
} from '@connect-skeleton/integration-tests/src/install/freshApp';
import {
  addPackages,
  configureApp,
  preapproveScope,
  registerBackendModule,
  SCOPE,
} from '@connect-skeleton/integration-tests/src/install/installSteps';
import { packPackages } from '@connect-skeleton/integration-tests/src/install/packedPackages';
import { startScopeRegistry } from '@connect-skeleton/integration-tests/src/install/scopeRegistry';
import { BareRepo } from '@connect-skeleton/integration-tests/src/scaffolder/bareRepo';

export interface FreshAppFigures {
  /** `npx @backstage/create-app --skip-install`: the app's files. */
  freshAppCreateS: number;
  /** The fresh app's own `yarn install` (Yarn's global cache as the machine has it). */
  freshAppInstallS: number;
  /** The README's `yarn add` of the packages into the installed app: the figure of issue 13. */
  packagesInstallS: number;
  /** `yarn workspace backend start` with the module until the backend gives a guest token. */
  freshAppBackendStartS: number;
}

const seconds = (start: number) => (performance.now() - start) / 1000;

/**
 * The install test's path (test/src/install), timed: the packages packed from this
 * checkout, a fresh create-app app, the packages added from a stand-in of the registry
 * for their scope, the app's backend started with the module.
 */
export async function freshAppInstall(): Promise<FreshAppFigures> {
  const scratch = fs.mkdtempSync(
    path.join(os.tmpdir(), 'kafka-connect-bench-app-'),
  );
  const logFile = path.join(scratch, 'install.log');
  const repo = BareRepo.empty();
  try {
    const packed = await packPackages(scratch, logFile);
    const registry = await startScopeRegistry({
      folder: packed,
      scope: SCOPE,
      // Published now; the README's first step lets the scope past the age gate.
      publishedAt: new Date(),
    });
    try {
      const appDir = path.join(scratch, 'app');
      let start = performance.now();
      await createApp(appDir, logFile);
      const freshAppCreateS = seconds(start);
      applyMachineFixes(appDir);
      pointScopeAt(appDir, SCOPE, registry.url);
      start = performance.now();
      await installApp(appDir, logFile);
      const freshAppInstallS = seconds(start);
      preapproveScope(appDir);
      forgetCachedScope(appDir, SCOPE);
      start = performance.now();
      await addPackages(appDir, logFile);
      const packagesInstallS = seconds(start);
      registerBackendModule(appDir);
      configureApp(appDir, {
        gitopsRepository: repo.path,
        anyOwnerFor: ['user:development/guest'],
      });
      start = performance.now();
      const backend = await startAppBackend({
        appDir,
        logFile: path.join(scratch, 'backend.log'),
      });
      const freshAppBackendStartS = seconds(start);
      await backend.stop();
      return {
        freshAppCreateS,
        freshAppInstallS,
        packagesInstallS,
        freshAppBackendStartS,
      };
    } finally {
      await registry.close();
    }
  } finally {
    repo.remove();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
