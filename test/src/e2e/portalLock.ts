import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../scaffolder/templateFile';

/**
 * One portal at a time per work tree, across Jest's worker processes. Every `backstage-cli
 * repo start` rewrites packages/app/node_modules/__backstage-autodetected-plugins__.js, a file
 * the other portals' dev servers watch: a second portal makes the first recompile in the
 * middle of its browser test, and two frontend compiles at once on two cores starve both.
 */

export interface PortalLock {
  release(): void;
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** The lock's folder: in the OS temp folder, named after the work tree. */
export function portalLockDir(root: string = REPO_ROOT): string {
  const tree = createHash('sha256').update(root).digest('hex').slice(0, 16);
  return join(tmpdir(), `kafka-connect-portal-lock-${tree}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid that holds the lock, or undefined when the holder is gone (or not written yet). */
function holder(dir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dir, 'pid'), 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Waits until no other live process holds the lock, then takes it (mkdir is atomic). A
 * holder that died without releasing (a killed Jest worker) is taken over.
 */
export async function acquirePortalLock(
  waitMs: number,
  dir: string = portalLockDir(),
): Promise<PortalLock> {
  const deadline = Date.now() + waitMs;
  let unwrittenSince: number | undefined;
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(join(dir, 'pid'), String(process.pid));
      let released = false;
      return {
        release: () => {
          if (released) return;
          released = true;
          if (holder(dir) === process.pid)
            rmSync(dir, { recursive: true, force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = holder(dir);
    // A folder without a pid for 5 s is a holder that died between mkdir and writing it.
    if (pid === undefined) unwrittenSince ??= Date.now();
    else unwrittenSince = undefined;
    const dead =
      pid !== undefined
        ? !alive(pid)
        : Date.now() - (unwrittenSince ?? Date.now()) > 5_000;
    if (dead) {
      rmSync(dir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Another portal of this work tree (process ${pid}) still runs after ${Math.round(
          waitMs / 1000,
        )} s; its lock is ${dir}`,
      );
    }
    await sleep(1000);
  }
}
