import { Chromium, launchChromium, requireChromium } from './browser';
import { harmlessReason, watchPageProblems } from './pageProblems';

/**
 * The browser test's error detector: what it lets through and what it fails on, in the
 * same Chromium (a few seconds; no portal).
 */

const HOME = 'http://localhost:3000/';
const FORM =
  'http://localhost:3000/create/templates/default/kafka-connect-cluster';

const reactWarning = (first: string, frames: string[]) =>
  [first, ...frames.map(f => `    at ${f}`)].join('\n');

describe('harmlessReason', () => {
  it("lets through React's development warnings from the named third-party packages", () => {
    expect(
      harmlessReason(
        reactWarning(
          'Warning: findDOMNode is deprecated and will be removed in the next major release.',
          [
            'ButtonBase (webpack-internal:///../../node_modules/@material-ui/core/esm/ButtonBase/ButtonBase.js:90:22)',
          ],
        ),
        HOME,
      ),
    ).toMatch(/Material UI v4/);
    expect(
      harmlessReason(
        reactWarning(
          'Warning: Each child in a list should have a unique "key" prop. See https://reactjs.org/link/warning-keys for more information.',
          [
            'ExtensionBoundary (webpack-internal:///../../node_modules/@backstage/plugin-catalog-react/node_modules/@backstage/frontend-plugin-api/dist/components/ExtensionBoundary.esm.js:81:11)',
          ],
        ),
        `${HOME}?filters%5Bkind%5D=component`,
      ),
    ).toMatch(/filter extensions/);
  });

  it("lets through the form's log of a refused Next from @rjsf/core only", () => {
    const refused = 'Form validation failed [object Object]';
    expect(
      harmlessReason(
        refused,
        FORM,
        'webpack-internal:///../../node_modules/@rjsf/core/lib/components/Form.js',
      ),
    ).toMatch(/@rjsf\/core/);
    expect(harmlessReason(refused, FORM)).toBeUndefined();
    expect(
      harmlessReason(
        refused,
        FORM,
        'webpack-internal:///../../plugins/kafka-connect/src/fields/PluginPicker.tsx',
      ),
    ).toBeUndefined();
  });

  it('fails the same warning from our own code, on another page, or with no stack', () => {
    const fromOurs = reactWarning(
      'Warning: Each child in a list should have a unique "key" prop.',
      [
        'SidebarContent (webpack-internal:///./src/modules/nav/Sidebar.tsx:20:5)',
        'ExtensionBoundary (webpack-internal:///../../node_modules/@backstage/frontend-plugin-api/dist/components/ExtensionBoundary.esm.js:81:11)',
      ],
    );
    expect(harmlessReason(fromOurs, HOME)).toBeUndefined();
    const boundaryOnly = reactWarning(
      'Warning: Each child in a list should have a unique "key" prop.',
      [
        'ExtensionBoundary (webpack-internal:///../../node_modules/@backstage/frontend-plugin-api/dist/components/ExtensionBoundary.esm.js:81:11)',
      ],
    );
    expect(harmlessReason(boundaryOnly, FORM)).toBeUndefined();
    expect(
      harmlessReason('Warning: findDOMNode is deprecated', HOME),
    ).toBeUndefined();
  });

  it('fails page-breaking errors', () => {
    expect(
      harmlessReason(
        'No API factory available for dependency apiRef{plugin.signal.service} of dependent apiRef{core.storage}',
        HOME,
      ),
    ).toBeUndefined();
    expect(
      harmlessReason(
        reactWarning(
          'The above error occurred in the <UserListPicker> component:',
          [
            'UserListPicker (webpack-internal:///../../node_modules/@backstage/plugin-catalog-react/dist/components/UserListPicker/UserListPicker.esm.js:122:11)',
          ],
        ),
        HOME,
      ),
    ).toBeUndefined();
  });
});

describe('watchPageProblems in Chromium', () => {
  let chromium: Chromium | undefined;

  // Chromium's start waits up to launchChromium's own 60 s on a loaded machine.
  beforeAll(async () => {
    requireChromium();
    chromium = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await chromium?.close();
  });

  it('passes a clean page and fails an uncaught error, a console error and the overlay', async () => {
    const page = await chromium!.context.newPage();
    const problems = watchPageProblems(page);

    await page.setContent('<p>fine</p>');
    await expect(problems.check('a clean page')).resolves.toBeUndefined();

    await page.setContent(
      '<script>setTimeout(() => { throw new Error("boom") })</script>',
    );
    await page.waitForTimeout(200);
    await expect(problems.check('a throwing page')).rejects.toThrow(
      /a throwing page: page error on .*boom/,
    );

    await page.evaluate(() =>
      console.error('Warning: %s is broken', 'OurComponent'),
    );
    await expect(problems.check('a logging page')).rejects.toThrow(
      /console error on .*: Warning: OurComponent is broken/,
    );

    await page.setContent(
      '<iframe id="webpack-dev-server-client-overlay"></iframe>',
    );
    await expect(problems.check('the overlay')).rejects.toThrow(
      /error overlay is shown/,
    );
    await page.close();
  }, 60_000);
});
