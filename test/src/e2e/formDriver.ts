import { Locator, Page } from 'playwright-core';

/**
 * Small verbs for driving the scaffolder form the way a user does: pick from a select,
 * add a row, and see a refusal next to its field.
 */

/** Picks `option` in the Material UI select whose element has this id (click, then the option). */
export async function choose(page: Page, id: string, option: string | RegExp) {
  await page.locator(`#${id}`).click();
  const listbox = page.getByRole('listbox');
  await listbox
    .getByRole('option', {
      name: option,
      exact: typeof option === 'string' ? true : undefined,
    })
    .click();
  await listbox.waitFor({ state: 'detached' });
  // The menu fades out after it let go of its options: gone before the next picture.
  await page.locator('.MuiPopover-root').last().waitFor({ state: 'detached' });
}

/** Types into the input with this id, replacing what is there. */
export async function type(page: Page, id: string, text: string) {
  await page.locator(`#${id}`).fill(text);
}

/**
 * A part of the form by its heading (an RJSF object or array title, or the title of a
 * field extension): the nearest element around the heading that holds `what` too.
 */
export function section(page: Page, heading: string, what: string): Locator {
  return page
    .getByRole('heading', { name: heading, exact: true })
    .locator(`xpath=ancestor::*[.//${what}][1]`);
}

/** Clicks the "+" of the RJSF array under this heading: its new item gets the next index. */
export async function addItem(page: Page, heading: string) {
  await section(page, heading, "button[@title='Add Item']")
    .locator("xpath=.//button[@title='Add Item']")
    .last()
    .click();
}

/** Clicks the button named `button` of the field extension titled `heading`. */
export async function clickIn(page: Page, heading: string, button: string) {
  await section(page, heading, 'button')
    .getByRole('button', { name: button, exact: true })
    .last()
    .click();
}

/** The title of the form's page shown now (the stepper's active step). */
export async function activeTitle(page: Page): Promise<string> {
  return (
    await page
      .locator('.MuiStepLabel-label.MuiStepLabel-active')
      .first()
      .innerText()
  ).trim();
}

/**
 * The element around a field that holds that field and no other one: where its label,
 * help and messages are. Found by walking up from the field until the next ancestor would
 * hold another input.
 */
async function ownBlockText(field: Locator): Promise<string> {
  // No function inside the page function: a bundler's helpers around it are not in the page.
  return field.evaluate((element, selector) => {
    const own = Math.max(1, element.querySelectorAll(selector).length);
    let block: Element = element;
    while (
      block.parentElement &&
      block.parentElement.querySelectorAll(selector).length <= own
    ) {
      block = block.parentElement;
    }
    return (block as HTMLElement).innerText;
  }, 'input:not([type=hidden]), textarea:not([aria-hidden=true]), [role=button][aria-haspopup=listbox]');
}

let pictureOfRefusal:
  | ((page: Page, title: string) => Promise<unknown>)
  | undefined;

/** Has every refused Next photographed by `take` (a test's screenshots). */
export function photographRefusals(
  take: ((page: Page, title: string) => Promise<unknown>) | undefined,
) {
  pictureOfRefusal = take;
}

/**
 * Asserts that `message` is shown next to `field` (in the block that holds that field
 * alone) and that Next leaves the form on the page titled `title`. A field whose check
 * runs on Next only (`onNextOnly`) shows it after Next, not before. What else the page
 * shows is not looked at: expectRefusedNextTo adds that.
 */
export async function expectRefusedNextToField(
  page: Page,
  field: Locator,
  message: string,
  title: string,
  onNextOnly = false,
) {
  if (!onNextOnly) await waitForText(field, message, 'before Next');
  await page.getByRole('button', { name: 'Next' }).click();
  // The scaffolder validates asynchronously: give a wrongly accepted page the time to go.
  await page.waitForTimeout(1500);
  const shown = await activeTitle(page);
  if (shown !== title) {
    throw new Error(
      `Next went on from "${title}" to "${shown}" although "${message}" is shown next to a field`,
    );
  }
  await waitForText(field, message, 'after Next');
}

/**
 * expectRefusedNextToField, and no banner of the schema validator's messages above the
 * page nor its wording anywhere (the demo app's form shows the plain message alone).
 */
export async function expectRefusedNextTo(
  page: Page,
  field: Locator,
  message: string,
  title: string,
  onNextOnly = false,
) {
  await expectRefusedNextToField(page, field, message, title, onNextOnly);
  await expectNoSchemaSpeak(page);
  await pictureOfRefusal?.(page, title);
}

// The JSON-schema validator's own wording (ajv), which the form must not show.
const SCHEMA_SPEAK =
  /must match (pattern|exactly one schema|a schema in anyOf)|oneOf|anyOf|must have required property|must be equal to (constant|one of the allowed values)|must NOT have/;

/**
 * No banner above the form listing errors (the scaffolder's error list: a list item with
 * an error icon), and no schema-validator wording anywhere on the page.
 */
export async function expectNoSchemaSpeak(page: Page) {
  const banner = page.locator(
    'form .MuiListItemIcon-root .MuiSvgIcon-colorError',
  );
  const banners = await banner.count();
  if (banners > 0) {
    throw new Error(
      `The form shows a banner of ${banners} error line(s): ${JSON.stringify(
        await banner.locator('xpath=ancestor::ul[1]').first().innerText(),
      )}`,
    );
  }
  const text = await page.locator('body').innerText();
  const speak = text.split('\n').filter(line => SCHEMA_SPEAK.test(line));
  if (speak.length > 0) {
    throw new Error(`The page speaks JSON schema: ${JSON.stringify(speak)}`);
  }
}

async function waitForText(field: Locator, message: string, when: string) {
  const deadline = Date.now() + 10_000;
  let text = '';
  for (;;) {
    text = await ownBlockText(field);
    if (text.includes(message)) return;
    if (Date.now() > deadline) {
      throw new Error(
        `"${message}" is not shown next to the field ${when}; next to it: ${JSON.stringify(
          text,
        )}`,
      );
    }
    await new Promise(r => setTimeout(r, 250));
  }
}

/** Waits for the form's stepper to show `title` as the current page. */
export async function activeStep(
  page: Page,
  title: string,
  timeoutMs = 15_000,
) {
  const active = page.locator('.MuiStepLabel-label.MuiStepLabel-active');
  try {
    await active.filter({ hasText: title }).waitFor({ timeout: timeoutMs });
  } catch {
    const shown = await active.allInnerTexts().catch(() => []);
    const errors = await page
      .locator('.Mui-error, [role="alert"]')
      .allInnerTexts()
      .catch(() => []);
    // Fields the browser itself refuses (a `required` select left empty, say).
    const invalid = await page
      .locator('input:invalid, select:invalid, textarea:invalid')
      .evaluateAll(fields =>
        fields.map(f => `${f.id || f.getAttribute('name')}`),
      )
      .catch(() => []);
    throw new Error(
      `The form did not reach the page "${title}" (current: ${
        shown.join(', ') || 'none'
      }; errors shown: ${errors.filter(Boolean).join(' | ') || 'none'}${
        invalid.length
          ? `; fields the browser refuses: ${invalid.join(', ')}`
          : ''
      })`,
    );
  }
}

/** The Review step's rows as [label, value] pairs, as they read on the page. */
export async function reviewRows(page: Page): Promise<[string, string][]> {
  const rows = page.getByTestId('review-row');
  await rows.first().waitFor();
  return rows.evaluateAll(elements =>
    elements.map(row => {
      const [label, value] = Array.from(row.children) as HTMLElement[];
      return [label.innerText.trim(), value.innerText.trim()] as [
        string,
        string,
      ];
    }),
  );
}

/**
 * What makes Review rows unreadable, one line each: a row with nothing in it (it reads like a
 * lost value), a glyph a font may lack (the scaffolder's ✅/❌ showed as a box), a label made
 * of keys ("Destination > Github Repo Url").
 */
export function unreadableRows(rows: [string, string][]): string[] {
  return rows.flatMap(([label, value]) => [
    ...(value === '' ? [`${label}: empty`] : []),
    ...(/\p{Extended_Pictographic}|[\uE000-\uF8FF\uFFFD]/u.test(
      `${label}${value}`,
    )
      ? [`${label}: a glyph in "${label} ${value}"`]
      : []),
    ...(label.includes(' > ') ? [`${label}: a label made of keys`] : []),
  ]);
}
