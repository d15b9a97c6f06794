import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePorts } from '@connect-skeleton/integration-tests/src/e2e/freePorts';
import { startAppBackend } from '@connect-skeleton/integration-tests/src/install/appBackend';
import { startAppDevServer } from '@connect-skeleton/integration-tests/src/install/appDevServer';
import {
  applyMachineFixes,
  createApp,
  forgetCachedScope,
  installApp,
  pointScopeAt,
} from '@connect-skeleton/integration-tests/src/install/freshApp';
import {
  addAppFeatures,
  addPackages,
  configureApp,
  GUEST_USER,
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
  /**
   * The app's own frontend (`yarn workspace app start`, backstage-cli's dev server) with the
   * README's App.tsx, until it serves the app's page: the first bundle compiled.
   */
  freshAppFrontendReadyS: number;
}

const seconds = (start: number) => (performance.now() - start) / 1000;

/**
 * The install test's path (test/src/install), timed: the packages packed from this
 * checkout, a fresh create-app app, the packages added from a stand-in of the registry
 * for their scope, the app's backend started with the module, then its frontend's dev server.
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
      addAppFeatures(appDir);
      configureApp(appDir, {
        gitopsRepository: repo.path,
        anyOwnerFor: [GUEST_USER],
      });
      const appUrl = `http://localhost:${(await freePorts(1))[0]}`;
      start = performance.now();
      const backend = await startAppBackend({
        appDir,
        logFile: path.join(scratch, 'backend.log'),
        appUrl,
      });
      const freshAppBackendStartS = seconds(start);
      try {
        start = performance.now();
        const frontend = await startAppDevServer({
          appDir,
          logFile: path.join(scratch, 'frontend.log'),
          url: appUrl,
          backendUrl: backend.url,
          // A deadline for a stuck dev server, not a target (about a minute here).
          timeoutMs: 15 * 60_000,
        });
        const freshAppFrontendReadyS = seconds(start);
        await frontend.stop();
        return {
          freshAppCreateS,
          freshAppInstallS,
          packagesInstallS,
          freshAppBackendStartS,
          freshAppFrontendReadyS,
        };
      } finally {
        await backend.stop();
      }
    } finally {
      await registry.close();
    }
  } finally {
    repo.remove();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
