import { execFileSync } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts } from '../e2e/freePorts';
import { startWatchedGroup, WatchedGroup } from './watchedGroup';

/**
 * A real PostgreSQL server (Debian's `postgresql` package, which scripts/setup.sh installs)
 * in a temporary folder: its own cluster made by initdb, on a free local port, its unix
 * socket in that folder, a password-protected superuser for the backends. PostgreSQL refuses
 * to run as root, so under root it runs as the package's `postgres` user.
 */

export interface PostgresServer {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Stops the server (fast shutdown) and removes its folder. */
  stop(): Promise<void>;
  /** The server's own log, for failure messages. */
  log(): string;
}

const USER = 'backstage';
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** The newest installed server's binaries (Debian keeps them out of PATH). */
export function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter(v => existsSync(join(root, v, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length) {
    throw new Error(
      `No PostgreSQL server in ${root}: run scripts/setup.sh (it installs Debian's postgresql package)`,
    );
  }
  return join(root, versions[0], 'bin');
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'kafka-connect-pg-'));
  const data = join(dir, 'data');
  const password = `pw-${process.pid}-${Date.now()}`;
  const passwordFile = join(dir, 'password');
  writeFileSync(passwordFile, `${password}\n`);
  const asRoot = process.getuid?.() === 0;
  // PostgreSQL will not run as root: the package's own user owns the folder and runs it.
  const runAs = (command: string[]) =>
    asRoot ? ['runuser', '-u', 'postgres', '--', ...command] : command;
  if (asRoot) {
    const { uid, gid } = userIds('postgres');
    for (const path of [dir, passwordFile]) chownSync(path, uid, gid);
  }
  const env = { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' };
  const [initdb, ...initdbArgs] = runAs([
    join(bin, 'initdb'),
    '--pgdata',
    data,
    '--username',
    USER,
    '--pwfile',
    passwordFile,
    '--auth-host=scram-sha-256',
    '--auth-local=trust',
    '--encoding=UTF8',
    '--no-instructions',
  ]);
  try {
    execFileSync(initdb, initdbArgs, { cwd: dir, env, stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`initdb failed: ${stderr || error}`);
  }

  const [port] = await freePorts(1);
  const server: WatchedGroup = startWatchedGroup({
    command: runAs([
      join(bin, 'postgres'),
      '-D',
      data,
      '-p',
      String(port),
      '-h',
      '127.0.0.1',
      '-k',
      dir,
      // Two backends, a pool per plugin each.
      '-c',
      'max_connections=300',
    ]),
    cwd: dir,
    env,
    dir,
    logFile: join(dir, 'server.log'),
  });
  const stop = async () => {
    // SIGINT: PostgreSQL's fast shutdown (rolls back open transactions, closes clients).
    await server.stop('SIGINT', 20_000);
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  while (!server.log().includes('ready to accept connections')) {
    if (server.exited() || Date.now() > deadline) {
      const log = server.log();
      await stop().catch(() => undefined);
      throw new Error(
        `PostgreSQL did not start (${
          server.exited() ?? 'no answer in 60 s'
        }):\n${log.slice(-3000)}`,
      );
    }
    await sleep(200);
  }
  return {
    host: '127.0.0.1',
    port,
    user: USER,
    password,
    stop,
    log: server.log,
  };
}

function userIds(name: string): { uid: number; gid: number } {
  const [uid, gid] = ['-u', '-g'].map(flag =>
    Number(execFileSync('id', [flag, name], { encoding: 'utf8' }).trim()),
  );
  return { uid, gid };
}
