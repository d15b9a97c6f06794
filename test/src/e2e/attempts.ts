import { Page } from 'playwright-core';
import { Portal } from './portal';
import { Screenshots } from './screenshots';

/** The page an attempt works in, once it has one: for the picture at a failure. */
export interface BrowserState {
  page?: Page;
}

/**
 * Runs `attempt` with the cluster name `base`, and a second time (named `base-2`) only when
 * the portal reloaded during the first: someone saved a file it loads (the CLI restarts the
 * backend, with an empty in-memory database, and the dev server reloads the page). Another
 * name, so that what the first attempt left in the GitOps repository does not change the
 * second. Any other failure fails, with a picture of the page, the pictures so far and the
 * portal's log. `retry` false: every failure fails (a test whose checks span the whole
 * GitOps repository, which a first attempt would have changed).
 */
export async function withOneRetryOnReload(
  p: Portal,
  shots: Screenshots,
  base: string,
  attempt: (browser: BrowserState, name: string) => Promise<void>,
  retry = true,
): Promise<void> {
  for (let n = 1; ; n++) {
    const reloadsBefore = p.reloads().length;
    const browser: BrowserState = {};
    const name = n === 1 ? base : `${base}-${n}`;
    try {
      await attempt(browser, name);
      return;
    } catch (error) {
      const reloaded = p.reloads().slice(reloadsBefore);
      if (retry && reloaded.length > 0 && n === 1) {
        // Said out loud, so that a retried run is not mistaken for a clean one.
        console.warn(
          `Attempt 1 failed while the portal reloaded (${reloaded.join(
            ' | ',
          )}); trying once more. The failure: ${error}`,
        );
        await browser.page?.close();
        await p.ready(2 * 60_000);
        continue;
      }
      let picture = '';
      if (browser.page) {
        picture = await shots
          .take(browser.page, 'failure')
          .then(path => `Screenshot of the page at the failure: ${path}`)
          .catch(e => `No screenshot of the page at the failure: ${e}`);
      }
      // The failure itself comes last, where a CI log that keeps only the ends shows it.
      const details = [
        `Portal log (last lines; all of it in ${p.keepLog()}):\n${p.logTail()}`,
        reloaded.length > 0
          ? `The portal reloaded during this attempt (a file it loads changed): ${reloaded.join(
              ' | ',
            )}`
          : '',
        picture,
        `Screenshots of every page so far: ${shots.dir}`,
        `Attempt ${n}: ${error}`,
      ];
      throw new Error(details.filter(Boolean).join('\n'));
    }
  }
}
