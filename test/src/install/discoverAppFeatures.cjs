/*
 * Run by node in a fresh app's packages/app (its working directory), with the app's own
 * modules, never this repository's: what `app.packages: all` makes of one installed package.
 *
 *   node discoverAppFeatures.cjs <package> <out-dir>
 *
 * 1. The app's CLI (@backstage/cli-module-build, as `yarn start` and `yarn build` run it)
 *    detects the packages to import and writes the module the bundle would import; its
 *    `require(...)` calls for <package> are what the app would load.
 * 2. Those imports are bundled for the browser with the app's esbuild (Backstage's packages
 *    ship ESM that Node cannot load as it is) and run under the app's jsdom.
 * 3. @backstage/frontend-defaults' own discoverAvailableFeatures keeps the exports it would
 *    install (a FrontendPlugin's or FrontendModule's `$$type`) under the app's app-config.yaml.
 *
 * Writes <out-dir>/discovered.json: { imports, features: [{ $$type, pluginId }] }.
 */
'use strict';

const { mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');

const DISCOVERED = '__@backstage/discovered__';

const appPackageDir = process.cwd();
const appRequire = createRequire(join(appPackageDir, 'package.json'));

function appConfig() {
  const { ConfigReader } = appRequire('@backstage/config');
  const file = join(appPackageDir, '../../app-config.yaml');
  return new ConfigReader(appRequire('yaml').parse(readFileSync(file, 'utf8')));
}

/** The specifiers the CLI's detected-modules file imports for `packageName`. */
async function detectedImports(config, packageName) {
  const { createDetectedModulesEntryPoint } = appRequire(
    '@backstage/cli-module-build/dist/lib/bundler/packageDetection.cjs.js',
  );
  const [moduleName] = await createDetectedModulesEntryPoint({
    config,
    targetPath: appPackageDir,
  });
  const source = readFileSync(
    join(appPackageDir, 'node_modules', `${moduleName}.js`),
    'utf8',
  );
  // Evaluated with a require that only records: nothing of the app is loaded here.
  const fakeWindow = {};
  // eslint-disable-next-line no-new-func
  new Function('window', 'require', source)(fakeWindow, specifier => ({
    default: specifier,
  }));
  return fakeWindow[DISCOVERED].modules
    .filter(module => module.name === packageName)
    .map(module => module.default);
}

/**
 * Bundles the detected imports and frontend-defaults as the browser would get them (one
 * bundle: they share React and the frontend API), into a CommonJS file node can require.
 */
async function bundle(imports, outfile) {
  const requires = imports.map(
    specifier => `require(${JSON.stringify(specifier)})`,
  );
  await appRequire('esbuild').build({
    stdin: {
      contents: [
        `exports.detected = [${requires.join(', ')}];`,
        "exports.frontendDefaults = require('@backstage/frontend-defaults');",
      ].join('\n'),
      resolveDir: appPackageDir,
    },
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    outfile,
    logLevel: 'error',
    loader: { '.css': 'empty', '.svg': 'empty', '.png': 'empty' },
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return outfile;
}

function installJsdomGlobals() {
  const { JSDOM } = appRequire('jsdom');
  const { window } = new JSDOM('<!doctype html><html><body></body></html>', {
    url: 'http://localhost/',
  });
  globalThis.window = window;
  for (const key of ['document', 'navigator', 'HTMLElement', 'Element']) {
    Object.defineProperty(globalThis, key, {
      value: window[key],
      configurable: true,
      writable: true,
    });
  }
}

async function main() {
  const [packageName, outDir] = process.argv.slice(2);
  mkdirSync(outDir, { recursive: true });
  const config = appConfig();
  const imports = await detectedImports(config, packageName);

  installJsdomGlobals();
  const { detected, frontendDefaults } = require(await bundle(
    imports,
    join(outDir, 'detected.cjs'),
  ));
  // What the detected-modules file sets in the browser, with the real exports this time.
  globalThis.window[DISCOVERED] = {
    modules: detected.map(loaded => ({
      name: packageName,
      default: loaded.default,
    })),
  };
  const { discoverAvailableFeatures } = frontendDefaults;
  const { features } = discoverAvailableFeatures(config);
  writeFileSync(
    join(outDir, 'discovered.json'),
    `${JSON.stringify(
      {
        imports,
        features: features.map(feature => ({
          $$type: feature.$$type,
          pluginId: feature.pluginId,
        })),
      },
      null,
      2,
    )}\n`,
  );
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
