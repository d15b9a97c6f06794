import { execFile } from 'child_process';
import { mkdirSync, readFileSync, readdirSync, statSync } from 'fs';
import { join } from 'path';
import { promisify } from 'util';
import { REPO_ROOT } from '../scaffolder/templateFile';

const run = promisify(execFile);

/** One tarball of `npm run pack`, extracted. */
export interface PackedPackage {
  file: string;
  /** The extracted `package/` folder. */
  dir: string;
  manifest: Record<string, any>;
  /** Every file in the tarball, relative to `package/`, with `/` separators. */
  files: string[];
}

/** What scripts/pack.sh leaves in its folder. */
export interface PackOutput {
  out: string;
  printed: string[];
  listing: { packages: { name: string; version: string; file: string }[] };
  packages: Map<string, PackedPackage>;
}

export function filesUnder(root: string, rel = ''): string[] {
  return readdirSync(join(root, rel)).flatMap(name => {
    const child = rel ? `${rel}/${name}` : name;
    return statSync(join(root, child)).isDirectory()
      ? filesUnder(root, child)
      : [child];
  });
}

/** Runs the root `npm run pack` script into `out` and extracts every tarball it made. */
export async function packInto(out: string): Promise<PackOutput> {
  const { stdout } = await run('bash', ['scripts/pack.sh', out], {
    cwd: REPO_ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  const listing = JSON.parse(readFileSync(join(out, 'packages.json'), 'utf8'));
  const packages = new Map<string, PackedPackage>();
  for (const { name, file } of listing.packages) {
    const extracted = join(out, 'extracted', file.replace(/\.tgz$/, ''));
    mkdirSync(extracted, { recursive: true });
    await run('tar', ['-xzf', join(out, file), '-C', extracted]);
    const dir = join(extracted, 'package');
    const manifest = JSON.parse(
      readFileSync(join(dir, 'package.json'), 'utf8'),
    );
    packages.set(name, { file, dir, manifest, files: filesUnder(dir) });
  }
  return {
    out,
    printed: stdout.trim().split('\n'),
    listing,
    packages,
  };
}
