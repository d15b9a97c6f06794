import { execFile } from 'child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, posix } from 'path';
import { promisify } from 'util';
import { REPO_ROOT } from '../scaffolder/templateFile';
import {
  filesUnder,
  PackedPackage,
  PackOutput,
  packInto,
} from './packedPackages';
import { headingAnchors, readmeLinks } from './readmeLinks';

/**
 * Issue 13: `npm run pack` builds the four published packages in a clean copy of the work tree
 * and leaves tarballs that a Backstage app can install as they are: ordinary version ranges,
 * entry points inside the tarball, README, CHANGELOG and config schema inside each package,
 * README links that resolve inside the tarball (or to a file of a packed package on unpkg),
 * the software templates and the values contract shipped as copies of the repository's own,
 * and a CLI that runs from its build.
 */

const execFileAsync = promisify(execFile);

// Four builds and packs (about a minute and a half on two busy cores), once for every test.
jest.setTimeout(600_000);

const COMMON = '@connect-skeleton/plugin-kafka-connect-common';
const FRONTEND = '@connect-skeleton/plugin-kafka-connect';
const MODULE =
  '@connect-skeleton/plugin-scaffolder-backend-module-kafka-connect';
const CLI = '@connect-skeleton/cli';
const PUBLISHED = [COMMON, FRONTEND, MODULE, CLI];
const TEMPLATES = [
  'kafka-connect-cluster',
  'kafka-connect-change',
  'kafka-connect-adopt',
];
const SEED = join(REPO_ROOT, 'examples/values/seed-1.2.0.yaml');

function workspaceVersion(name: string): string {
  const dir =
    name === CLI ? 'packages/cli' : `plugins/${name.split('/plugin-')[1]}`;
  return JSON.parse(readFileSync(join(REPO_ROOT, dir, 'package.json'), 'utf8'))
    .version;
}

/** Every file an entry of package.json points at: main, module, types, exports, bin, configSchema. */
function entryTargets(manifest: Record<string, any>): string[] {
  const targets: string[] = [];
  const collect = (value: unknown) => {
    if (typeof value === 'string') targets.push(value);
    else if (value && typeof value === 'object') {
      Object.values(value).forEach(collect);
    }
  };
  for (const key of [
    'main',
    'module',
    'types',
    'exports',
    'bin',
    'configSchema',
  ]) {
    collect(manifest[key]);
  }
  return targets.map(target => posix.normalize(target));
}

let packed: PackOutput;
let root: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'packaging-'));
  packed = await packInto(join(root, 'packed'));
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

function pkg(name: string): PackedPackage {
  const found = packed.packages.get(name);
  if (!found) throw new Error(`${name} was not packed`);
  return found;
}

describe('npm run pack', () => {
  it('leaves one predictably named tarball per published package, listed and printed', () => {
    const expected = PUBLISHED.map(name => {
      const file = `${name.slice(1).replace('/', '-')}-${workspaceVersion(
        name,
      )}.tgz`;
      return { name, version: workspaceVersion(name), file };
    });
    expect(
      packed.listing.packages.map(({ name, version, file }) => ({
        name,
        version,
        file,
      })),
    ).toEqual(expected);
    expect(packed.printed).toEqual(
      expected.map(({ file }) => join(packed.out, file)),
    );
  });

  it.each(PUBLISHED)(
    '%s: a public manifest with ordinary version ranges',
    name => {
      const { manifest } = pkg(name);
      expect(manifest.name).toBe(name);
      expect(manifest.private).toBeUndefined();
      expect(manifest.publishConfig.access).toBe('public');
      expect(JSON.stringify(manifest)).not.toContain('workspace:');
      const internal = Object.keys(manifest.dependencies ?? {}).filter(dep =>
        PUBLISHED.includes(dep),
      );
      expect(internal).toEqual(name === COMMON ? [] : [COMMON]);
      expect(internal.map(dep => [dep, manifest.dependencies[dep]])).toEqual(
        internal.map(dep => [dep, `^${workspaceVersion(dep)}`]),
      );
      // What a Backstage app resolves: the build, never the TypeScript sources.
      expect(manifest.main).toMatch(/^\.?\/?dist\//);
    },
  );

  it.each(PUBLISHED)(
    '%s: every entry point is a file inside the tarball',
    name => {
      const { manifest, files } = pkg(name);
      const targets = entryTargets(manifest);
      expect(targets.length).toBeGreaterThan(0);
      for (const target of targets) {
        expect(files).toContain(target);
      }
    },
  );

  it.each(PUBLISHED)(
    '%s: README and CHANGELOG (naming this version) inside, no sources or tests',
    name => {
      const { manifest, files, dir } = pkg(name);
      expect(files).toEqual(
        expect.arrayContaining(['package.json', 'README.md', 'CHANGELOG.md']),
      );
      expect(readFileSync(join(dir, 'CHANGELOG.md'), 'utf8')).toContain(
        `## ${manifest.version}\n`,
      );
      expect(
        files.filter(file => /^src\/|\.test\.|__testUtils__/.test(file)),
      ).toEqual([]);
    },
  );

  it('the module carries its config schema (compiled from config.d.ts, as Backstage packs it)', () => {
    const { manifest, files, dir } = pkg(MODULE);
    expect(manifest.configSchema).toBe('config.schema.json');
    expect(files).toContain('config.schema.json');
    const schema = JSON.parse(
      readFileSync(join(dir, 'config.schema.json'), 'utf8'),
    );
    expect(
      Object.keys(schema.properties.kafkaConnect.properties).sort(),
    ).toEqual(expect.arrayContaining(['gitops', 'ownership']));
    // The frontend module reads no configuration, so it declares no schema.
    expect(pkg(FRONTEND).manifest.configSchema).toBeUndefined();
  });

  it('the module ships the three software templates, byte-identical to templates/', () => {
    const { files, dir } = pkg(MODULE);
    for (const template of TEMPLATES) {
      const source = join(REPO_ROOT, 'templates', template);
      const shipped = files
        .filter(file => file.startsWith(`templates/${template}/`))
        .map(file => file.slice(`templates/${template}/`.length));
      expect(shipped.sort()).toEqual(filesUnder(source).sort());
      expect(shipped).toContain('template.yaml');
      for (const file of shipped) {
        expect(readFileSync(join(dir, 'templates', template, file))).toEqual(
          readFileSync(join(source, file)),
        );
      }
    }
  });

  it('the common package ships the values contract docs/values.md, byte-identical', () => {
    const { dir, files } = pkg(COMMON);
    expect(files).toContain('docs/values.md');
    expect(readFileSync(join(dir, 'docs/values.md'))).toEqual(
      readFileSync(join(REPO_ROOT, 'docs/values.md')),
    );
  });

  it.each(PUBLISHED)(
    '%s: every link of the packed README resolves inside a packed package',
    name => {
      const { dir, files } = pkg(name);
      const text = readFileSync(join(dir, 'README.md'), 'utf8');
      const anchors = headingAnchors(text);
      const broken: string[] = [];
      for (const link of readmeLinks(text)) {
        if (link.kind === 'anchor' && !anchors.has(link.anchor)) {
          broken.push(link.href);
        }
        if (
          link.kind === 'relative' &&
          !files.includes(posix.normalize(link.path))
        ) {
          broken.push(link.href);
        }
        if (link.kind === 'published') {
          const target = packed.packages.get(link.packageName);
          const path = posix.normalize(link.path);
          if (!target?.files.includes(path)) {
            broken.push(link.href);
          } else if (
            link.anchor &&
            !headingAnchors(readFileSync(join(target.dir, path), 'utf8')).has(
              link.anchor,
            )
          ) {
            broken.push(link.href);
          }
        }
      }
      expect(broken).toEqual([]);
    },
  );
});

describe('the packed CLI', () => {
  let bin: string;
  let env: NodeJS.ProcessEnv;

  // Installed as npm would lay it out: the two packed packages under node_modules; their
  // third-party dependencies (yaml, zod) come from the workspace through NODE_PATH.
  beforeAll(() => {
    const install = join(root, 'install');
    for (const name of [CLI, COMMON]) {
      const target = join(install, 'node_modules', name);
      mkdirSync(dirname(target), { recursive: true });
      cpSync(pkg(name).dir, target, { recursive: true });
    }
    bin = join(install, 'node_modules', CLI, pkg(CLI).manifest.bin);
    env = {
      ...process.env,
      NODE_PATH: join(REPO_ROOT, 'node_modules'),
      npm_lifecycle_event: '',
    };
  });

  async function runPacked(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
    try {
      const { stdout, stderr } = await execFileAsync(
        process.execPath,
        [bin, ...args],
        {
          cwd: root,
          env: { ...env, ...extraEnv },
          maxBuffer: 64 * 1024 * 1024,
        },
      );
      return { code: 0, stdout, stderr };
    } catch (error: any) {
      return { code: error.code, stdout: error.stdout, stderr: error.stderr };
    }
  }

  it('has no sources to fall back on: it runs its build', () => {
    expect(pkg(CLI).files.filter(file => file.endsWith('.ts'))).toEqual([]);
  });

  it('prints its usage for --help', async () => {
    const result = await runPacked(['--help']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Usage: connect-skeleton <command>/);
  });

  it('validates the seed values: no problem, exit 0', async () => {
    expect(await runPacked(['validate', '--values', SEED])).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
  });

  it("prints the same manifests as the repository's CLI", async () => {
    const packedRun = await runPacked(['manifests', '--values', SEED]);
    const source = await execFileAsync(
      process.execPath,
      [
        join(REPO_ROOT, 'packages/cli/bin/connect-skeleton'),
        'manifests',
        '--values',
        SEED,
      ],
      { env, maxBuffer: 64 * 1024 * 1024 },
    );
    expect(packedRun.code).toBe(0);
    expect(packedRun.stdout).toContain('kind: KafkaConnect\n');
    expect(packedRun.stdout).toBe(source.stdout);
  });

  it('works on a fleet with worker threads (the built worker entry)', async () => {
    const fleet = join(root, 'fleet');
    const first = join(fleet, 'clusters', 'c0');
    expect(
      await runPacked(['render', '--values', SEED, '--out', first]),
    ).toMatchObject({
      code: 0,
    });
    // Enough folders for two threads (fleetPool's FOLDERS_PER_THREAD is 16).
    for (let i = 1; i < 40; i++) {
      cpSync(first, join(fleet, 'clusters', `c${i}`), { recursive: true });
    }
    expect(
      await runPacked(['diff', fleet], { CONNECT_SKELETON_THREADS: '2' }),
    ).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
