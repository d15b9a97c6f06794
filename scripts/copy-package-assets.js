#!/usr/bin/env node
// Copies the files a package ships but does not own (the software templates, the values
// contract) from their one place in the repository into the package's folder, where they are
// git-ignored. The package's build and prepack scripts run it from the package's folder.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

/** Package name -> paths relative to the repository root, copied to the same path in the package. */
const PACKAGE_ASSETS = {
  '@connect-skeleton/plugin-kafka-connect-common': [
    'docs/values.md',
    'docs/policy.md',
  ],
  '@connect-skeleton/plugin-scaffolder-backend-module-kafka-connect': [
    'templates/kafka-connect-cluster',
    'templates/kafka-connect-change',
    'templates/kafka-connect-adopt',
  ],
};

function copyPackageAssets(packageDir) {
  const manifest = path.join(packageDir, 'package.json');
  const { name } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  const assets = PACKAGE_ASSETS[name];
  if (!assets) {
    throw new Error(
      `${name} ships no copied files (see scripts/copy-package-assets.js)`,
    );
  }
  for (const asset of assets) {
    const target = path.join(packageDir, asset);
    // A fresh copy each time: a file removed from the source must not linger in the package.
    fs.rmSync(target, { recursive: true, force: true });
    fs.cpSync(path.join(ROOT, asset), target, { recursive: true });
  }
}

if (require.main === module) {
  try {
    copyPackageAssets(process.cwd());
  } catch (error) {
    process.stderr.write(`copy-package-assets: ${error.message}\n`);
    process.exitCode = 1;
  }
}

module.exports = { PACKAGE_ASSETS, copyPackageAssets };
