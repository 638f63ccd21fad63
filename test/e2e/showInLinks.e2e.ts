import type { Page } from '@playwright/test';
import { test, expect, noKeychainReason, type Harness } from './support/harness.ts';
import { dropFiles, makeFixtures } from './support/fixtures.ts';
import { expectAccessible, snap } from './support/screens.ts';

test.skip(Boolean(noKeychainReason), String(noKeychainReason));

interface Shared {
  profileId: string;
  objectKey: string;
}

/**
 * Try it on this computer, upload `names` and copy a link to each in that order (so the first file's
 * link is the oldest: the last row of the Links screen). `skipLink` files are uploaded without a link.
 */
async function shareFiles(page: Page, ferry: Harness, names: string[], skipLink: string[] = []): Promise<Map<string, Shared>> {
  await ferry.open();
  await page.getByRole('button', { name: /Try it on this computer/ }).click();
  await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });
  const files = await makeFixtures(ferry, names.map((name) => ({ name, size: 512 })));
  await dropFiles(page, files.map((f) => f.name));
  // Main's list, not the rows: the window only renders the rows that fit.
  const listed = () => ferry.table['uploads.list'](undefined, { lang: 'en' });
  await expect.poll(async () => (await listed()).items.filter((i) => i.state === 'done').length, { timeout: 60_000 }).toBe(names.length);
  // …and the window has heard so too: its "All done" announcement must not land on top of the tests' own.
  await expect(page.getByTestId('live-region')).toContainText('All done');
  const { items } = await listed();
  const shared = new Map<string, Shared>();
  for (const name of names) {
    const item = items.find((i) => i.name === name);
    if (!item?.objectKey) throw new Error(`no object key for ${name}`);
    shared.set(name, { profileId: item.profileId, objectKey: item.objectKey });
    if (!skipLink.includes(name)) await ferry.table['links.copy']({ objectKey: item.objectKey, profileId: item.profileId }, { lang: 'en' });
  }
  return shared;
}

const names = Array.from({ length: 14 }, (_, i) => `report-${String(i + 1).padStart(2, '0')}.pdf`);

async function expectSelected(page: Page, name: string): Promise<void> {
  await expect(page.locator('[data-screen="links"]')).toBeVisible();
  const row = page.getByTestId('link-row').filter({ hasText: name });
  await expect(row).toHaveAttribute('aria-current', 'true');
  await expect(row).toBeFocused();
  await expect(row).toBeInViewport({ ratio: 1 });
  await expect(page.locator('[data-testid="link-row"][aria-current="true"]')).toHaveCount(1);
  await expect(page.getByTestId('live-region')).toContainText(`Showing the link to ${name}.`);
}

test('Show in Links (tray) opens Links with that file selected: scrolled into view, highlighted, focused', async ({ page, ferry }) => {
  const shared = await shareFiles(page, ferry, names);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.locator('[data-screen="settings"]')).toBeVisible();

  // What main does for the tray's "Show in Links": app.navigate with the screen and the file.
  ferry.services.navigation.request('links', shared.get('report-01.pdf'));
  await expectSelected(page, 'report-01.pdf');
  // The selection is the file's newest link and the rest of the list is still there.
  await expect(page.getByTestId('link-row')).toHaveCount(names.length);
  await expectAccessible(page, 'links with a selected row');
  await snap(page, 'links-selected-light-en');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'links with a selected row, dark');
  await snap(page, 'links-selected-dark-en');
  // Keyboard users carry on from the row: Tab reaches that file's own controls (its "one link" box first).
  await page.keyboard.press('Tab');
  await expect(page.getByRole('checkbox', { name: 'Choose report-01.pdf for one link' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Show a QR code of the link to report-01.pdf' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Copy the link to report-01.pdf again' })).toBeFocused();

  // A second request while Links is open moves the selection.
  ferry.services.navigation.request('links', shared.get('report-07.pdf'));
  await expectSelected(page, 'report-07.pdf');
});

test('a Show in Links request made before the window has loaded is not lost', async ({ page, ferry }) => {
  const shared = await shareFiles(page, ferry, names.slice(0, 3));
  await page.goto('about:blank');
  ferry.services.navigation.request('links', shared.get('report-02.pdf'));
  await ferry.open();
  await expectSelected(page, 'report-02.pdf');
});

test('an expired link is found under All; a file without a link says so', async ({ page, ferry }) => {
  const shared = await shareFiles(page, ferry, ['old.pdf', 'unshared.pdf'], ['unshared.pdf']);
  ferry.clock.offset = 3 * 86_400_000; // the 1-day link has expired
  ferry.services.navigation.request('links', shared.get('old.pdf'));
  await expectSelected(page, 'old.pdf');
  await expect(page.getByRole('button', { name: 'All', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('link-row').filter({ hasText: 'old.pdf' })).toContainText('Expired');

  ferry.services.navigation.request('links', shared.get('unshared.pdf'));
  await expect(page.getByRole('status').filter({ hasText: 'unshared.pdf has no share link yet.' })).toBeVisible();
  await expect(page.locator('[data-testid="link-row"][aria-current="true"]')).toHaveCount(0);
});
