import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquirePortalLock, portalLockDir } from './portalLock';

describe('the portal lock', () => {
  let parent: string;
  let dir: string;
  beforeEach(() => {
    parent = mkdtempSync(join(tmpdir(), 'portal-lock-test-'));
    dir = join(parent, 'lock');
  });
  afterEach(() => rmSync(parent, { recursive: true, force: true }));

  it('is one folder per work tree', () => {
    expect(portalLockDir('/a/tree')).toBe(portalLockDir('/a/tree'));
    expect(portalLockDir('/a/tree')).not.toBe(portalLockDir('/another/tree'));
  });

  it('lets a second holder in only after the first releases it', async () => {
    const first = await acquirePortalLock(1_000, dir);
    let secondIn = false;
    const second = acquirePortalLock(10_000, dir).then(lock => {
      secondIn = true;
      return lock;
    });
    await new Promise(r => setTimeout(r, 1_500));
    expect(secondIn).toBe(false);
    first.release();
    (await second).release();
    expect(secondIn).toBe(true);
  });

  it('takes over from a holder that died without releasing', async () => {
    // A pid that surely ended: a child that has exited.
    const dead = spawnSync('true').pid!;
    mkdirSync(dir);
    writeFileSync(join(dir, 'pid'), String(dead));
    const lock = await acquirePortalLock(1_000, dir);
    expect(readFileSync(join(dir, 'pid'), 'utf8')).toBe(String(process.pid));
    lock.release();
  });

  it('names the live holder when the wait runs out', async () => {
    mkdirSync(dir);
    writeFileSync(join(dir, 'pid'), String(process.ppid));
    await expect(acquirePortalLock(1_500, dir)).rejects.toThrow(
      `Another portal of this work tree (process ${process.ppid}) still runs`,
    );
  });
});
