import { test, expect, noKeychainReason } from './support/harness.ts';
import { dropFiles, makeFixtures } from './support/fixtures.ts';
import { ReceiptStore } from '../../src-main/links/receipts/receiptStore.ts';

test.skip(Boolean(noKeychainReason), String(noKeychainReason));

const MINUTE = 60_000;

test('a link nobody opened, near its end: marked, Renew offered first, and one click makes a working fresh link', async ({ page, ferry }) => {
  await ferry.open();
  await page.getByRole('button', { name: /Try it on this computer/ }).click();
  await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });
  const [file] = await makeFixtures(ferry, [{ name: 'offer.pdf', size: 3000 }]);
  await dropFiles(page, [file!.name]);
  await expect(page.locator('[data-testid="upload-row"][data-state="done"]')).toHaveCount(1, { timeout: 30_000 });
  const { objectKey, profileId } = (await ferry.table['uploads.list'](undefined, { lang: 'en' })).items[0]!;
  await ferry.table['links.copy']({ objectKey: objectKey!, profileId, expiry: '1h' }, { lang: 'en' });

  // The bucket's access logs were read (the receipts reader's record of it) and showed no opens.
  await new ReceiptStore(ferry.home).markRead(profileId, ferry.clock.now() + MINUTE);
  await page.getByRole('button', { name: 'Shared links' }).click();
  const row = page.getByTestId('link-row');
  await expect(row.getByTestId('link-opens')).toHaveText('Not opened yet');
  await expect(row).not.toContainText('Stops working soon');

  ferry.clock.offset = 50 * MINUTE;
  await page.getByRole('button', { name: 'Send files' }).click();
  await page.getByRole('button', { name: 'Shared links' }).click();
  await expect(row.getByTestId('link-opens')).toContainText('Not opened yet, and it stops working soon. Click Renew');
  await expect(row).toContainText('Stops working soon');
  const renew = row.getByRole('button', { name: 'Make a new link to offer.pdf' });
  await expect(renew).toHaveClass(/primary/);
  const before = ferry.ports.clipboard.writes.length;
  await renew.click();
  await expect.poll(() => ferry.ports.clipboard.writes.length).toBe(before + 1);
  expect((await fetch(ferry.ports.clipboard.text)).status).toBe(200);
  await expect(page.getByTestId('link-row')).toHaveCount(2);
});

test('day-before reminders are on by default and can be turned off in Settings', async ({ page, ferry }) => {
  await ferry.open();
  await page.getByRole('button', { name: /Try it on this computer/ }).click();
  await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Settings' }).click();
  const box = page.getByRole('checkbox', { name: 'Remind me the day before a link stops working' });
  await expect(box).toBeChecked();
  await box.uncheck();
  await expect.poll(async () => (await ferry.services.settings.get()).linkReminders).toBe(false);
});
