import { test, expect, noKeychainReason } from './support/harness.ts';
import { dropFiles, makeFixtures } from './support/fixtures.ts';
import { expectAccessible, snap } from './support/screens.ts';

test.skip(Boolean(noKeychainReason), String(noKeychainReason));

test('after Stop sharing, the Send files row and the Links row say so, and only the moved file can be shared again', async ({ page, ferry }) => {
  await ferry.open();
  await page.getByRole('button', { name: /Try it on this computer/ }).click();
  await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });
  const [, kept] = await makeFixtures(ferry, [
    { name: 'gone.txt', size: 1000 },
    { name: 'kept.txt', size: 2000 },
  ]);
  await dropFiles(page, ['gone.txt', 'kept.txt']);
  const uploads = page.getByTestId('upload-row');
  await expect(uploads.and(page.locator('[data-state="done"]'))).toHaveCount(2, { timeout: 30_000 });
  for (const copy of await page.getByTestId('copy-link').all()) await copy.click();
  await expect.poll(() => ferry.ports.clipboard.writes.length).toBe(2);

  await page.getByRole('button', { name: 'Shared links' }).click();
  const links = page.getByTestId('link-row');
  await links.filter({ hasText: 'kept.txt' }).getByRole('button', { name: 'Stop sharing kept.txt' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Move the file' }).click();
  await expect(page.getByTestId('toast')).toContainText('File moved');
  ferry.ports.dialog.nextConfirm.push(0);
  await links.filter({ hasText: 'gone.txt' }).getByRole('button', { name: 'Stop sharing gone.txt' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete the file' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();

  await page.getByRole('button', { name: 'All', exact: true }).click();
  await expect(links.filter({ hasText: 'gone.txt' })).toContainText('Stopped — file deleted');
  await expect(links.filter({ hasText: 'kept.txt' })).toContainText('Stopped — file moved');
  await expect(page.locator('body')).not.toContainText(/moved-[0-9a-f]{8}/);
  for (const row of await links.all()) await expect(row).not.toContainText(/Expired|Works for/);

  await page.getByRole('button', { name: 'Send files' }).click();
  const gone = uploads.filter({ hasText: 'gone.txt' });
  const moved = uploads.filter({ hasText: 'kept.txt' });
  await expect(gone).toContainText('Deleted');
  await expect(gone.getByRole('button')).toHaveCount(0);
  await expect(moved).toContainText('Moved');
  await expect(page.getByTestId('copy-link')).toHaveCount(0);
  const writes = ferry.ports.clipboard.writes.length;
  await moved.getByRole('button', { name: 'Share kept.txt again' }).click();
  await expect.poll(() => ferry.ports.clipboard.writes.length).toBe(writes + 1);
  await expect(page.getByTestId('toast').last()).toContainText('Link copied');
  const url = ferry.ports.clipboard.text;
  expect(url).toMatch(/\/moved-[0-9a-f]{8}\/kept\.txt\?/);
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(Buffer.from(await response.arrayBuffer()).equals(kept!.bytes)).toBe(true);
  await expectAccessible(page, 'send files, stopped');

  for (const lang of ['en', 'zh-CN'] as const) {
    await ferry.services.settings.update({ language: lang });
    await page.reload(); // the rows come back from main, stopped state included
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      for (const width of [1000, 420]) {
        await page.setViewportSize({ width, height: 640 });
        await page.locator('nav button').nth(0).click();
        await snap(page, `stopped-send-${width}-${colorScheme}-${lang}`);
        await page.locator('nav button').nth(1).click();
        await page.getByRole('button', { name: lang === 'en' ? 'All' : '全部', exact: true }).click();
        await expect(links).toHaveCount(3);
        await snap(page, `stopped-links-${width}-${colorScheme}-${lang}`);
      }
    }
  }
  await expect(links.filter({ hasText: 'gone.txt' })).toContainText('已停止');
});
