#!/usr/bin/env node
// Keeps GENERATOR_VERSION in plugins/kafka-connect-common/src/generator.ts equal to that
// package's version after `changeset version` (the package is isomorphic: it cannot read its
// package.json at run time). Finds the constant in the TypeScript syntax tree and replaces
// only its string literal.
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const PACKAGE_DIR = path.resolve(__dirname, '../plugins/kafka-connect-common');
const SOURCE = path.join(PACKAGE_DIR, 'src/generator.ts');
const CONSTANT = 'GENERATOR_VERSION';

function versionLiteral(sourceFile) {
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (
        ts.isIdentifier(declaration.name) &&
        declaration.name.text === CONSTANT &&
        declaration.initializer &&
        ts.isStringLiteral(declaration.initializer)
      ) {
        return declaration.initializer;
      }
    }
  }
  throw new Error(`${SOURCE} has no \`const ${CONSTANT} = '<version>'\``);
}

function syncGeneratorVersion() {
  const { version } = JSON.parse(
    fs.readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8'),
  );
  const text = fs.readFileSync(SOURCE, 'utf8');
  const sourceFile = ts.createSourceFile(
    SOURCE,
    text,
    ts.ScriptTarget.Latest,
    true,
  );
  const literal = versionLiteral(sourceFile);
  if (literal.text === version) return { version, changed: false };
  // The one literal, written as prettier writes strings here (single quotes).
  const replacement = `'${version}'`;
  fs.writeFileSync(
    SOURCE,
    text.slice(0, literal.getStart(sourceFile)) +
      replacement +
      text.slice(literal.end),
  );
  return { version, changed: true };
}

if (require.main === module) {
  try {
    const { version, changed } = syncGeneratorVersion();
    process.stderr.write(
      `sync-generator-version: ${CONSTANT} ${
        changed ? 'set to' : 'already'
      } ${version}\n`,
    );
  } catch (error) {
    process.stderr.write(`sync-generator-version: ${error.message}\n`);
    process.exitCode = 1;
  }
}

module.exports = { syncGeneratorVersion };
