import { withOneRetryOnReload } from './attempts';
import { Chromium, launchChromium, requireChromium } from './browser';
import {
  CATALOG_BASICS,
  catalogReady,
  JudgedPage,
  judgedPage,
} from './journey';
import { Portal, PORTAL_START_HOOK_MS, startPortal } from './portal';
import { Screenshots, screenshots } from './screenshots';

/**
 * The set-up every browser test shares, called in its describe: the real portal (one at a
 * time per work tree: portalLock.ts) and headless Chromium, started once before its tests
 * and both stopped after them; each test's way through the portal starts once the catalog
 * has read what it needs, on a judged page (any page problem fails it) pictured in
 * test/e2e-screenshots/<screenshots>/.
 */

export interface BrowserSuiteOptions {
  /** The folder of the test's pictures under test/e2e-screenshots/. */
  screenshots: string;
  /** The time each test of the file has, the portal's start not included. */
  testTimeoutMs: number;
  /** The entities the catalog must have read first (CATALOG_BASICS by default). */
  catalog?: string[];
  /** How long the catalog may take to read each of them; a minute by default. */
  catalogWaitMs?: number;
  /** A check that fails in a second rather than after the portal's minutes-long start. */
  preflight?: () => void;
  /** Retry once when the portal reloaded (attempts.ts); true unless said otherwise. */
  retryOnReload?: boolean;
}

/** One attempt at a test's way through the portal. */
export interface Attempt {
  p: Portal;
  judged: JudgedPage;
  shots: Screenshots;
  /** The cluster's name in this attempt: another one on the retry (attempts.ts). */
  name: string;
}

export interface BrowserSuite {
  /**
   * Runs `journey` with the cluster name `base`; a failure comes with a picture of the
   * page, the pictures so far and the portal's log.
   */
  run(
    base: string,
    journey: (attempt: Attempt) => Promise<void>,
  ): Promise<void>;
}

// The frontend compiles in about 40 s alone; the shared machine can make it minutes.
const PORTAL_START_MS = 3.5 * 60_000;

export function browserSuite(options: BrowserSuiteOptions): BrowserSuite {
  let portal: Portal | undefined;
  let chromium: Chromium | undefined;
  // Read when the file's tests start, after this describe has been collected.
  jest.setTimeout(options.testTimeoutMs);

  beforeAll(async () => {
    // First, so that a missing browser fails in a second and not after the portal's start.
    requireChromium();
    options.preflight?.();
    portal = await startPortal({ timeoutMs: PORTAL_START_MS });
    chromium = await launchChromium(portal.workDir);
  }, PORTAL_START_HOOK_MS);

  afterAll(async () => {
    await chromium?.close();
    await portal?.stop();
  });

  return {
    async run(base, journey) {
      const p = portal;
      const browser = chromium;
      if (!p || !browser) {
        throw new Error('The portal or Chromium did not start (see beforeAll)');
      }
      const shots = screenshots(options.screenshots);
      await withOneRetryOnReload(
        p,
        shots,
        base,
        async (state, name) => {
          await catalogReady(
            p,
            options.catalog ?? CATALOG_BASICS,
            options.catalogWaitMs,
          );
          const judged = await judgedPage(browser, state, shots);
          await journey({ p, judged, shots, name });
        },
        options.retryOnReload ?? true,
      );
    },
  };
}
