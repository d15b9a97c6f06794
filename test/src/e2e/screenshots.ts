import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { REPO_ROOT } from '../scaffolder/templateFile';

/** Where the browser tests save a picture of every page they visit (git-ignored). */
export const SCREENSHOTS_DIR = join(REPO_ROOT, 'test/e2e-screenshots');

export interface Screenshots {
  /** The folder of this run's pictures. */
  dir: string;
  /** Saves the whole page as `NN-<label>.png`; returns the path. */
  take(page: Page, label: string): Promise<string>;
}

/**
 * A folder of its own per browser test (`test/e2e-screenshots/<test>/`), so that tests
 * running side by side keep each other's pictures. Empties it (a run's pictures only),
 * then numbers the pictures in order.
 */
export function screenshots(test: string): Screenshots {
  const dir = join(SCREENSHOTS_DIR, test);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let count = 0;
  return {
    dir,
    async take(page, label) {
      count += 1;
      const name = `${String(count).padStart(2, '0')}-${label
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')}.png`;
      const path = join(dir, name);
      await page.screenshot({ path, fullPage: true, timeout: 15_000 });
      return path;
    },
  };
}
