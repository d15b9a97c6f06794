/* eslint-disable jest/no-export -- describeWithStrimzi makes this a test helper module */
import fs from 'node:fs';
import path from 'node:path';

// The repository root is the first ancestor whose package.json declares workspaces,
// so this works whether the file runs from src/ or from a build output.
// eslint-disable-next-line no-restricted-syntax -- tests run from source, never from a build
const HERE = __dirname;

function repoRoot(): string {
  let dir = HERE;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      const pkg: { workspaces?: unknown } = JSON.parse(
        fs.readFileSync(manifest, 'utf8'),
      );
      if (pkg.workspaces) return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(HERE, '../../..');
    dir = parent;
  }
}

/** Folder holding `<release>/crds/...`: $STRIMZI_DIR, else ../shared/strimzi next to the repo. */
export function strimziDir(): string {
  // Relative values are taken from the repo root, not from jest's cwd (test/).
  return path.resolve(
    repoRoot(),
    process.env.STRIMZI_DIR || '../shared/strimzi',
  );
}

function semverParts(v: string): number[] {
  return v.split(/[.-]/).map(p => (/^\d+$/.test(p) ? Number(p) : NaN));
}

/** Orders "0.45.0" < "0.51.0" < "1.0.0" (numeric, not lexical). */
export function compareSemver(a: string, b: string): number {
  const pa = semverParts(a);
  const pb = semverParts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? -1;
    const y = pb[i] ?? -1;
    if (Number.isNaN(x) || Number.isNaN(y)) return a.localeCompare(b);
    if (x !== y) return x - y;
  }
  return 0;
}

/** Release folders under strimziDir() that hold a crds/ folder, oldest first. */
export function strimziReleases(): string[] {
  const dir = strimziDir();
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter(name => fs.existsSync(path.join(dir, name, 'crds')))
    .sort(compareSemver);
}

const HOW_TO =
  'Point STRIMZI_DIR at a folder of Strimzi releases laid out as <version>/crds/*.yaml ' +
  '(packaging/install/cluster-operator/04*-Crd-*.yaml from github.com/strimzi/strimzi-kafka-operator release tags).';

let skipNoticePrinted = false;

/* eslint-disable jest/valid-title, jest/valid-describe-callback, jest/no-disabled-tests --
   name and fn are the caller's; skipping is the point when the CRDs are absent */
/**
 * describe() for tests that need the Strimzi CRDs: runs fn when they are present,
 * fails in CI (a missing folder there is a broken setup, not a reason to pass),
 * and skips with one plain line locally.
 */
export function describeWithStrimzi(name: string, fn: () => void): void {
  const dir = strimziDir();
  if (strimziReleases().length > 0) {
    describe(name, fn);
    return;
  }
  const missing = `Strimzi CRDs folder missing or empty: ${dir}.`;
  if (process.env.CI === 'true') {
    describe(name, () => {
      // eslint-disable-next-line jest/expect-expect -- the throw is the failure
      it('has the Strimzi CRDs folder', () => {
        throw new Error(`${missing} ${HOW_TO}`);
      });
    });
    return;
  }
  if (!skipNoticePrinted) {
    skipNoticePrinted = true;
    // A bare write: jest decorates console.log with a stack trace.
    process.stdout.write(`Skipping Strimzi CRD tests: ${missing} ${HOW_TO}\n`);
  }
  describe.skip(name, fn);
}
/* eslint-enable jest/valid-title, jest/valid-describe-callback, jest/no-disabled-tests */
