import { ConsoleMessage, Page } from 'playwright-core';

/**
 * Everything that counts as a broken page in the browser test: an uncaught page error, a
 * console error that is not on the short list below, and the dev server's error overlay.
 */

interface Harmless {
  /** Why this message is known not to break anything. */
  why: string;
  /** The message's first line. */
  message: RegExp;
  /** A frame of React's component stack that must be there: the package that logs it. */
  stack?: RegExp;
  /**
   * For a plain console.error (no React stack): the file of the console call, which must be
   * in the package named. One of `stack` and `source` is always given.
   */
  source?: RegExp;
  /** When given, every frame of the stack must match it. */
  everyFrame?: RegExp;
  /** When given, the path of the page it may happen on. */
  path?: RegExp;
}

// Each entry but the last is a warning of React's development build (the dev server serves
// it; a production build prints none of them), logged through console.error for code in a
// third-party package, never ours: the stack must name that package. None changes what is
// rendered; each names an API that a future React drops or markup that React tolerates.
// The last is the form library's own log of a refused Next, which the page shows anyway:
// the file of the console call must be that library's.
export const HARMLESS_CONSOLE_ERRORS: Harmless[] = [
  {
    why: 'Material UI v4 (under Backstage core-components) finds DOM nodes with findDOMNode, which React 18 deprecates',
    message: /^Warning: findDOMNode is deprecated/,
    stack: /node_modules\/@material-ui\/core\//,
  },
  {
    why: 'material-table (Backstage Table: catalog, tasks and actions lists) declares defaultProps on function components, which React 18 deprecates',
    message: /^Warning: .*: Support for defaultProps will be removed/,
    stack: /node_modules\/@material-table\/core\//,
  },
  {
    why: "the catalog table's toolbar puts its <h2> title inside a <h5> Typography; browsers render it as written",
    message:
      /^Warning: validateDOMNesting\(\.\.\.\): <h2> cannot appear as a child of <h5>/,
    stack:
      /node_modules\/@backstage\/plugin-catalog\/dist\/components\/CatalogTable\/CatalogTableToolbar/,
  },
  {
    why: "the catalog page (@backstage/plugin-catalog's alpha pages) renders its filter extensions, each in an ExtensionBoundary, as an array without keys: React's hint for re-ordering, which a fixed filter list never does",
    message: /^Warning: Each child in a list should have a unique "key" prop/,
    stack: /ExtensionBoundary/,
    // The catalog page (the home page, `/`) only, and only the boundaries in the stack: a
    // list of ours would put our own component there.
    path: /^\/$/,
    everyFrame:
      /^at ExtensionBoundary \(.*node_modules\/(.*\/)?@backstage\/frontend-plugin-api\/dist\/components\/ExtensionBoundary\.esm\.js/,
  },
  {
    why: "the form's select widget (@rjsf/material-ui) passes its remaining props (errorSchema, autocomplete) on to the DOM, where they are unknown attributes",
    message:
      /^Warning: (React does not recognize the `errorSchema` prop|Invalid DOM property `autocomplete`)/,
    stack: /node_modules\/@rjsf\/material-ui\//,
  },
  {
    why: "the form (@rjsf/core) logs the errors that refused a page's Next when the scaffolder gives it no onError; the page shows the same errors next to their fields",
    message: /^Form validation failed\b/,
    source: /node_modules\/@rjsf\/core\/lib\/components\/Form\.js$/,
  },
];

/** A console message as React formats it: `%s` filled from the arguments, stack included. */
async function formatted(message: ConsoleMessage): Promise<string> {
  const args = await Promise.all(
    message.args().map(a => a.jsonValue().catch(() => undefined)),
  );
  if (args.length === 0 || typeof args[0] !== 'string') return message.text();
  const [format, ...rest] = args.map(a => (a === undefined ? '' : String(a)));
  const filled = format.replace(/%[sdo]/g, () => rest.shift() ?? '');
  return [filled, ...rest].join(' ');
}

/**
 * Why a console error is known to be harmless, or undefined when it fails the test. `source`
 * is the file of the console call (Playwright's message location).
 */
export function harmlessReason(
  text: string,
  url: string,
  source = '',
): string | undefined {
  const path = new URL(url).pathname;
  const firstLine = text.split('\n')[0];
  const frames = text
    .split('\n')
    .map(line => line.trim())
    .filter(line => line.startsWith('at '));
  return HARMLESS_CONSOLE_ERRORS.find(
    h =>
      h.message.test(firstLine) &&
      (h.stack !== undefined || h.source !== undefined) &&
      (!h.stack || h.stack.test(text)) &&
      (!h.source || h.source.test(source)) &&
      (!h.everyFrame || frames.every(f => h.everyFrame!.test(f))) &&
      (!h.path || h.path.test(path)),
  )?.why;
}

export interface PageProblems {
  /** Problems so far, each with the page it happened on; empties the list. */
  take(): string[];
  /** Throws when anything went wrong on `where` (or since the last check). */
  check(where: string): Promise<void>;
}

export function watchPageProblems(page: Page): PageProblems {
  let problems: string[] = [];
  const pending: Promise<void>[] = [];
  page.on('pageerror', error => {
    problems.push(`page error on ${page.url()}: ${error.stack ?? error}`);
  });
  page.on('console', message => {
    if (message.type() !== 'error') return;
    const url = page.url();
    const source = message.location().url;
    pending.push(
      formatted(message).then(text => {
        if (!harmlessReason(text, url, source)) {
          problems.push(`console error on ${url}: ${text.slice(0, 3000)}`);
        }
      }),
    );
  });
  const take = () => {
    const taken = problems;
    problems = [];
    return taken;
  };
  return {
    take,
    async check(where: string) {
      await Promise.all(pending.splice(0));
      // The dev server shows compile and runtime errors in an overlay over the page.
      const overlay = await page
        .locator(
          '#webpack-dev-server-client-overlay, #webpack-dev-server-client-overlay-div',
        )
        .count();
      const found = take();
      if (overlay > 0) found.push(`the dev server's error overlay is shown`);
      if (found.length > 0) {
        throw new Error(`${where}: ${found.join('\n')}`);
      }
    },
  };
}
