#!/usr/bin/env node
// The names and the listing of the tarballs scripts/pack.sh makes.
//   --file-name DIR           prints the tarball name of the package in DIR (npm's own naming:
//                             @scope/name 1.2.3 -> scope-name-1.2.3.tgz)
//   --list OUT DIR...         writes OUT/packages.json (the packages in dependency order, each
//                             with its tarball, role and the other packed packages it needs) and
//                             prints each tarball's path
const fs = require('node:fs');
const path = require('node:path');

function readManifest(dir) {
  return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
}

function tarballName(manifest) {
  return `${manifest.name.replace(/^@/, '').replace('/', '-')}-${
    manifest.version
  }.tgz`;
}

function listing(out, dirs) {
  const manifests = dirs.map(readManifest);
  const names = new Set(manifests.map(m => m.name));
  const packages = manifests.map(m => ({
    name: m.name,
    version: m.version,
    file: tarballName(m),
    role: m.backstage?.role,
    description: m.description,
    needs: Object.keys(m.dependencies ?? {}).filter(dep => names.has(dep)),
  }));
  for (const { file } of packages) {
    if (!fs.existsSync(path.join(out, file))) {
      throw new Error(`${file} is missing from ${out}`);
    }
  }
  const description = {
    about:
      'Tarballs made by `npm run pack` (scripts/pack.sh), in dependency order. Install them into a Backstage app with `yarn add ./<file>`, dependencies first, or publish them with `npm publish <file>`.',
    packages,
  };
  fs.writeFileSync(
    path.join(out, 'packages.json'),
    `${JSON.stringify(description, null, 2)}\n`,
  );
  return packages.map(({ file }) => path.join(out, file));
}

const [mode, ...args] = process.argv.slice(2);
try {
  if (mode === '--file-name' && args.length === 1) {
    process.stdout.write(`${tarballName(readManifest(args[0]))}\n`);
  } else if (mode === '--list' && args.length >= 2) {
    process.stdout.write(`${listing(args[0], args.slice(1)).join('\n')}\n`);
  } else {
    throw new Error(
      'usage: describe-packed.js --file-name DIR | --list OUT DIR...',
    );
  }
} catch (error) {
  process.stderr.write(`describe-packed: ${error.message}\n`);
  process.exitCode = 1;
}
