import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Debian's buildah as the image tests use it: root, `vfs` storage and `chroot` isolation
 * (no Docker engine, no overlay mounts needed), in a storage folder of the repository's
 * git-ignored .cache, so the stand-in base images stay between runs and nothing touches
 * the machine's own container storage. Every call is asynchronous: the artifact server
 * runs in the same Node process and must keep answering while a build runs.
 */

// eslint-disable-next-line no-restricted-syntax -- tests and the bench run from source, never from a build
export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const CACHE_DIR = path.join(REPO_ROOT, '.cache', 'imagebuild');
const STORAGE = path.join(CACHE_DIR, 'storage');
const RUN_ROOT = path.join(CACHE_DIR, 'run');

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs a program to its end; never throws for a non-zero status (the caller judges it). */
export function run(
  program: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      // No input: stdin is /dev/null, so a program that exits at once cannot break a pipe.
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', chunk => {
      stdout += chunk;
    });
    child.stderr!.on('data', chunk => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', code => resolve({ status: code ?? -1, stdout, stderr }));
    if (options.input !== undefined) {
      // A program may exit without reading its input; its status tells what happened.
      child.stdin!.on('error', () => {});
      child.stdin!.end(options.input);
    }
  });
}

/** Like run, but a non-zero status is an error that carries the output. */
export async function runOk(
  program: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): Promise<string> {
  const result = await run(program, args, options);
  if (result.status !== 0) {
    throw new Error(
      `${program} ${args.join(' ')} exited ${result.status}\n${
        result.stdout
      }\n${result.stderr}`.slice(0, 20_000),
    );
  }
  return result.stdout;
}

const BUILDAH_ENV = {
  ...process.env,
  STORAGE_DRIVER: 'vfs',
  BUILDAH_ISOLATION: 'chroot',
};

function globalFlags(): string[] {
  fs.mkdirSync(STORAGE, { recursive: true });
  fs.mkdirSync(RUN_ROOT, { recursive: true });
  return ['--root', STORAGE, '--runroot', RUN_ROOT, '--storage-driver', 'vfs'];
}

export function buildah(args: readonly string[]) {
  return run('buildah', [...globalFlags(), ...args], { env: BUILDAH_ENV });
}

export async function buildahOk(args: readonly string[]): Promise<string> {
  return runOk('buildah', [...globalFlags(), ...args], { env: BUILDAH_ENV });
}

/** The tools the image tests need, with what to do when one is missing. */
export async function requireImageTools(): Promise<void> {
  const missing: string[] = [];
  for (const [tool, args] of [
    ['buildah', ['--version']],
    ['mmdebstrap', ['--version']],
    ['javac', ['-version']],
    ['jar', ['--version']],
    ['openssl', ['version']],
    ['tar', ['--version']],
  ] as const) {
    const found = await run(tool, args).catch(() => undefined);
    if (!found || found.status !== 0) missing.push(tool);
  }
  if (missing.length) {
    throw new Error(
      `the image build tests need ${missing.join(
        ', ',
      )}: run \`bash scripts/setup.sh\` (it installs them from Debian), then rerun the tests`,
    );
  }
  if (process.getuid?.() !== 0) {
    throw new Error(
      'the image build tests run buildah with vfs storage and chroot isolation, which needs root: run the tests as root (CI does)',
    );
  }
}

export async function imageExists(name: string): Promise<boolean> {
  return (await buildah(['inspect', '--type', 'image', name])).status === 0;
}

/**
 * `buildah bud` of a Dockerfile text: never pulls (FROM must name a local image), host
 * network (the artifact server listens on 127.0.0.1), intermediate containers removed
 * even when the build fails, one layer for the whole build (vfs copies the root file
 * system per layer).
 */
export async function buildImage(
  dockerfile: string,
  tag: string,
  contextDir: string,
): Promise<Run & { seconds: number }> {
  const file = path.join(contextDir, 'Dockerfile');
  fs.writeFileSync(file, dockerfile);
  const started = process.hrtime.bigint();
  const result = await buildah([
    'bud',
    '--pull-never',
    '--network',
    'host',
    '--force-rm',
    '--layers=false',
    '--format',
    'oci',
    '-f',
    file,
    '-t',
    tag,
    contextDir,
  ]);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { ...result, seconds };
}

/** A working container of the image (the caller removes it with `buildah rm`). */
export async function newContainer(image: string): Promise<string> {
  return (await buildahOk(['from', '--pull-never', image])).trim();
}

/** Runs a command in the container as the given user (the image's own user by default). */
export function runIn(
  container: string,
  argv: readonly string[],
  user?: string,
): Promise<Run> {
  return buildah([
    'run',
    ...(user ? ['--user', user] : []),
    container,
    '--',
    ...argv,
  ]);
}

export async function removeImage(name: string): Promise<void> {
  await buildah(['rmi', '--force', name]);
}
