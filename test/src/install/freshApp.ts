import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { runFromRegistry, userEnv } from './commands';

/**
 * A new Backstage app, made as the Backstage docs tell a user to make one
 * (`npx @backstage/create-app`), in a folder of its own.
 */

/**
 * The create-app version the test uses, pinned so that every run builds the same app: 0.9.2
 * writes `backstage.json` version 1.55.0 (the release this project is built and documented
 * against) and `@backstage/plugin-scaffolder-backend` ^4.2.0. An unpinned `npx
 * @backstage/create-app` would pick up each new Backstage release the day it is published,
 * and the test would then judge Backstage's changes rather than this project's packages.
 */
export const CREATE_APP_VERSION = '0.9.2';
export const BACKSTAGE_RELEASE = '1.55.0';

export interface FreshApp {
  dir: string;
  logFile: string;
}

type Json = Record<string, any>;

function editJson(file: string, edit: (json: Json) => void) {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  edit(json);
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}

/** Changes a YAML file of the app through its document, so its comments stay. */
export function editYaml(
  file: string,
  edit: (doc: ReturnType<typeof parseDocument>) => void,
) {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  edit(doc);
  // No folding: the lines the app had stay as they were.
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
}

/** `npx @backstage/create-app@<pinned> --path <dir> --skip-install`, non-interactive. */
export async function createApp(dir: string, logFile: string) {
  await runFromRegistry(
    'npx',
    [
      '--yes',
      `@backstage/create-app@${CREATE_APP_VERSION}`,
      '--path',
      dir,
      '--skip-install',
    ],
    {
      cwd: join(dir, '..'),
      logFile,
      // The app's name, without the prompt (create-app reads it from here when set).
      env: { BACKSTAGE_APP_NAME: 'kafka-connect-fresh-app' },
    },
  );
  const release = JSON.parse(
    readFileSync(join(dir, 'backstage.json'), 'utf8'),
  ).version;
  if (release !== BACKSTAGE_RELEASE) {
    throw new Error(
      `create-app ${CREATE_APP_VERSION} wrote Backstage ${release}, not ${BACKSTAGE_RELEASE}`,
    );
  }
}

/**
 * The two changes every create-app app needs on this machine, whatever is installed into it,
 * and so no step of the packages' install: the signals plugin of 1.55 needs
 * `@backstage/backend-defaults` ^0.19.0 (create-app writes ^0.18.0), and `better-sqlite3` 12
 * aborts under Node 24.19 and later, so the root gets a resolution to ^13.
 */
export function applyMachineFixes(dir: string) {
  editJson(join(dir, 'packages/backend/package.json'), backend => {
    backend.dependencies['@backstage/backend-defaults'] = '^0.19.0';
  });
  editJson(join(dir, 'package.json'), root => {
    root.resolutions = { ...root.resolutions, 'better-sqlite3': '^13.0.0' };
  });
}

/**
 * Points the one scope at `registryUrl` in the app's `.yarnrc.yml`, as a company points a
 * scope at its own registry; every other package still comes from the machine's registry.
 * The stand-in speaks plain HTTP on 127.0.0.1, which Yarn refuses unless whitelisted.
 */
export function pointScopeAt(dir: string, scope: string, registryUrl: string) {
  editYaml(join(dir, '.yarnrc.yml'), doc => {
    doc.setIn(
      ['npmScopes', scope.replace(/^@/, ''), 'npmRegistryServer'],
      registryUrl,
    );
    doc.setIn(['unsafeHttpWhitelist'], [new URL(registryUrl).hostname]);
  });
}

/** `yarn install` in the app, as create-app would have run it without --skip-install. */
export async function installApp(dir: string, logFile: string) {
  await runFromRegistry('yarn', ['install'], { cwd: dir, logFile });
}

/**
 * Removes the scope's packages from Yarn's global cache (the app's `cacheFolder`). Yarn keeps
 * a package there by name and version, and takes it from there when the app's lockfile has
 * no checksum for it yet: after an earlier run it would install that run's copy of 0.1.0,
 * not this checkout's. A registry never changes a published version; this checkout does
 * between runs. Every other cached package stays, so the app's install stays warm.
 */
export function forgetCachedScope(dir: string, scope: string) {
  const cacheFolder = execFileSync('yarn', ['config', 'get', 'cacheFolder'], {
    cwd: dir,
    encoding: 'utf8',
    env: userEnv(),
  }).trim();
  const prefix = `${scope}-`;
  for (const file of readdirSync(cacheFolder)) {
    if (file.startsWith(prefix))
      rmSync(join(cacheFolder, file), { force: true });
  }
}
