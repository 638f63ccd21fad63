import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect, noKeychainReason } from './support/harness.ts';
import { expectAccessible, snap } from './support/screens.ts';
import { dropFiles, makeFixtures } from './support/fixtures.ts';

test.skip(Boolean(noKeychainReason), String(noKeychainReason));

const MB = 1024 * 1024;

test('pause, resume, cancel and retry act on the real upload engine', async ({ page, ferry }) => {
  await ferry.open();
  await page.getByRole('button', { name: /Try it on this computer/ }).click();
  await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });
  // Slow the local storage down for this one file (multipart: pause takes effect between parts).
  const sandbox = await ferry.services.sandbox.ensure();
  sandbox.faults.add({ pathIncludes: 'slow-scan', delayMs: 1500 });

  const [file] = await makeFixtures(ferry, [{ name: 'slow-scan.pdf', size: 40 * MB }]);
  await dropFiles(page, [file!.name]);
  const row = page.getByTestId('upload-row').filter({ hasText: 'slow-scan.pdf' });
  await expect(row).toHaveAttribute('data-state', /queued|uploading/);

  await row.getByRole('button', { name: 'Pause slow-scan.pdf' }).click();
  await expect(row).toHaveAttribute('data-state', 'paused');
  await row.getByRole('button', { name: 'Resume slow-scan.pdf' }).click();
  await expect(row).toHaveAttribute('data-state', /queued|uploading/);
  await row.getByRole('button', { name: 'Cancel slow-scan.pdf' }).click();
  await expect(row).toHaveAttribute('data-state', 'cancelled');

  sandbox.faults.clear();
  await row.getByRole('button', { name: 'Retry slow-scan.pdf' }).click();
  await expect(row).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(row.getByTestId('copy-link')).toBeVisible();
});

test('keyboard only: reach Copy link with Tab, focus is visible, the link lands on the clipboard', async ({ page, ferry }) => {
  await ferry.open();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /Try it on this computer/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });

  const [file] = await makeFixtures(ferry, [{ name: 'minutes.txt', size: 2048 }]);
  await dropFiles(page, [file!.name]);
  const copy = page.getByTestId('copy-link');
  await expect(copy).toBeVisible({ timeout: 30_000 });

  for (let i = 0; i < 20 && !(await copy.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(copy).toBeFocused();
  const outline = await copy.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect.poll(() => ferry.ports.clipboard.text).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.*minutes\.txt/);

  // The options menu opens from the keyboard, arrows move, Enter copies, focus comes back.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem').nth(1)).toBeFocused();
  const writes = ferry.ports.clipboard.writes.length;
  await page.keyboard.press('Enter');
  await expect.poll(() => ferry.ports.clipboard.writes.length).toBe(writes + 1);
  await expect(page.getByRole('menu')).toBeHidden();
});

test('a file name that looks like HTML is shown as text, never run', async ({ page, ferry }) => {
  await ferry.open();
  await page.getByRole('button', { name: /Try it on this computer/ }).click();
  await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });
  const name = '<img src=x onerror="window.__owned=1">.txt';
  await makeFixtures(ferry, [{ name, size: 100 }]);
  await dropFiles(page, [name]);
  const row = page.getByTestId('upload-row');
  await expect(row.locator('.name')).toHaveText(name);
  await expect(row).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  expect(await page.locator('[data-testid="upload-list"] img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __owned?: number }).__owned)).toBeUndefined();
});

test('a file that cannot be read is reported in plain words and can be retried once it is back', async ({ page, ferry }) => {
  await ferry.open();
  await page.getByRole('button', { name: /Try it on this computer/ }).click();
  await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });
  const missing = `${ferry.home}-files/ghost.txt`;
  await ferry.registerFixture('ghost.txt', missing);
  await dropFiles(page, ['ghost.txt']);

  await expect(page.getByTestId('toast')).toContainText('ghost.txt');
  const row = page.getByTestId('upload-row').filter({ hasText: 'ghost.txt' });
  await expect(row).toHaveAttribute('data-state', 'failed');
  await expect(row.locator('.error-text')).not.toBeEmpty();
  await expect(row.locator('.size')).toHaveCount(0);
  await expect(page.getByTestId('queue-summary')).toContainText('1 file needs attention');
  await expectAccessible(page, 'main with a failed upload');
  await snap(page, 'main-failed-light-en');

  await makeFixtures(ferry, [{ name: 'fine.txt', size: 100 }]);
  await dropFiles(page, ['fine.txt']);
  await expect(page.getByTestId('upload-row').filter({ hasText: 'fine.txt' })).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(page.getByTestId('queue-summary')).toHaveText('1 file sent · 1 needs attention');
  await snap(page, 'main-sent-and-failed-light-en');

  mkdirSync(path.dirname(missing), { recursive: true });
  writeFileSync(missing, 'back again');
  await row.getByRole('button', { name: 'Retry ghost.txt' }).click();
  await expect(row).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(row.locator('.size')).toHaveText('10 B');
});

test('"Choose files…" and "Paste from clipboard" queue what the OS hands over', async ({ page, ferry }) => {
  await ferry.open();
  await page.getByRole('button', { name: /Try it on this computer/ }).click();
  await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });
  const [picked, copied] = await makeFixtures(ferry, [
    { name: 'picked.txt', size: 300 },
    { name: 'copied.txt', size: 400 },
  ]);
  ferry.ports.dialog.nextOpen.push([picked!.path]);
  await page.getByRole('button', { name: 'Choose files…' }).click();
  await expect(page.getByTestId('upload-row').filter({ hasText: 'picked.txt' })).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  expect(ferry.ports.dialog.calls.some((c) => c.kind === 'open')).toBe(true);

  ferry.ports.clipboard.filePaths = [copied!.path];
  await page.getByRole('button', { name: 'Paste from clipboard' }).click();
  await expect(page.getByTestId('upload-row').filter({ hasText: 'copied.txt' })).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(page.getByTestId('live-region')).toContainText(/sent|added/);
});
