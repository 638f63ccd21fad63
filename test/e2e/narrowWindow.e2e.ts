import type { Locator, Page } from '@playwright/test';
import { test, expect, noKeychainReason } from './support/harness.ts';
import { dropFiles, makeFixtures } from './support/fixtures.ts';

test.skip(Boolean(noKeychainReason), String(noKeychainReason));

const LONG = 'Quarterly report for the board meeting, final version approved by finance.pdf';

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not visible');
  return b;
}

/** Nothing in `locator` is cut off sideways: its content fits its own box and the window. */
async function expectNotCut(page: Page, locator: Locator) {
  const b = await box(locator);
  expect(b.x).toBeGreaterThanOrEqual(0);
  expect(b.x + b.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  expect(await locator.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
}

// 420 px wide: the narrowest window, and what 200% zoom makes of an 840 px one.
test.use({ viewport: { width: 420, height: 700 } });

test('a 420 px window: rows put their buttons under the text, long names keep their extension, bars stay on one line', async ({ page, ferry }) => {
  await ferry.open();
  await page.getByRole('button', { name: /Try it on this computer/ }).click();
  await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });
  await makeFixtures(ferry, [{ name: LONG, size: 2000 }]);
  await dropFiles(page, [LONG]);
  const row = page.locator('[data-testid="upload-row"][data-state="done"]');
  await expect(row).toHaveCount(1, { timeout: 30_000 });

  const name = row.getByTestId('file-name');
  await expect(name).toHaveText(LONG); // the whole name is in the text (screen readers), and in the tooltip
  await expect(name).toHaveAttribute('title', LONG);
  const nameBox = await box(name);
  expect(nameBox.height).toBeLessThan(30); // one line
  // The end of the name and its extension are in sight, inside the row.
  const tail = name.locator('.tail');
  await expect(tail).toHaveText('inance.pdf');
  expect((await box(tail)).x + (await box(tail)).width).toBeLessThanOrEqual((await box(row)).x + (await box(row)).width);
  const copy = row.getByTestId('copy-link');
  expect((await box(copy)).y).toBeGreaterThanOrEqual(nameBox.y + nameBox.height);

  const bar = page.locator('header.bar');
  expect((await box(bar)).height).toBeLessThan(60);
  expect((await box(page.getByTestId('status-bar'))).height).toBeLessThan(40);
  for (const tab of await page.getByRole('navigation').getByRole('button').all()) expect((await box(tab)).height).toBeLessThan(45);

  await copy.click();
  await expect.poll(() => ferry.ports.clipboard.writes.length).toBe(1);
  await page.getByRole('navigation').getByRole('button', { name: 'Shared links' }).click();
  const link = page.getByTestId('link-row');
  await expect(link).toHaveCount(1);
  const linkName = link.getByTestId('file-name');
  expect((await box(linkName)).height).toBeLessThan(30);
  const stop = link.getByRole('button', { name: /^Stop sharing/ });
  await expectNotCut(page, stop);
  expect((await box(stop)).y).toBeGreaterThanOrEqual((await box(linkName)).y + (await box(linkName)).height);
  await expectNotCut(page, link.locator('.state'));
});

test('headings and page widths match across screens', async ({ page, ferry }) => {
  await page.setViewportSize({ width: 1000, height: 700 });
  await ferry.open();
  await page.getByRole('button', { name: /Try it on this computer/ }).click();
  await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });
  const measures: { size: string; left: number }[] = [];
  for (const tab of ['Send files', 'Shared links', 'Settings']) {
    await page.getByRole('navigation').getByRole('button', { name: tab }).click();
    const heading = page.getByRole('heading', { level: 1, name: tab });
    await expect(heading).toBeVisible();
    measures.push({ size: await heading.evaluate((h) => getComputedStyle(h).fontSize), left: Math.round((await box(heading)).x) });
  }
  expect(new Set(measures.map((m) => m.size)).size).toBe(1);
  expect(new Set(measures.map((m) => m.left)).size).toBe(1);
});

test('200% zoom of the smallest window (280 px wide): every tab and the status bar stay in view', async ({ page, ferry }) => {
  await page.setViewportSize({ width: 280, height: 420 });
  await ferry.open();
  await page.getByRole('button', { name: /Try it on this computer/ }).click();
  await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });
  for (const tab of await page.getByRole('navigation').getByRole('button').all()) await expectNotCut(page, tab);
  // The connection's name may be shortened with an ellipsis; whether Ferry is ready is never cut.
  await expectNotCut(page, page.getByTestId('status-bar').locator('.cred'));
});
