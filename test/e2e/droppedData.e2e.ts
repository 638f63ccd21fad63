import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, noKeychainReason } from './support/harness.ts';

test.skip(Boolean(noKeychainReason), String(noKeychainReason));

/**
 * Drops Files that have no path, the way a browser or a mail program hands them over. The harness stands
 * in for the preload's trusted-drop check: these names count as really dropped (a File the page makes does not).
 */
async function dropFromBrowser(page: Page, files: { name: string; text: string }[]): Promise<void> {
  for (const { name } of files) await page.evaluate((n) => (window as unknown as { __ferryRegisterBrowserDrop(n: string): void }).__ferryRegisterBrowserDrop(n), name);
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const { name, text } of list) transfer.items.add(new File([text], name, { type: 'application/octet-stream' }));
    return transfer;
  }, files);
  for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent('[data-testid="drop-zone"]', type, { dataTransfer });
}

test('files dragged from a browser or mail (no path) upload under their own names, and the private copies are removed', async ({ page, ferry }) => {
  await ferry.open();
  await page.getByRole('button', { name: /Try it on this computer/ }).click();
  await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });

  await dropFromBrowser(page, [
    { name: 'invoice from mail.pdf', text: 'the invoice bytes' },
    { name: '../../etc/报告.txt', text: '报告内容' },
  ]);
  const rows = page.locator('[data-testid="upload-row"][data-state="done"]');
  await expect(rows).toHaveCount(2, { timeout: 30_000 });
  await expect(page.getByTestId('toast')).toHaveCount(0);
  await expect(page.getByTestId('upload-row').filter({ hasText: 'invoice from mail.pdf' })).toBeVisible();
  await expect(page.getByTestId('upload-row').filter({ hasText: '报告.txt' })).toBeVisible();

  const items = (await ferry.table['uploads.list'](undefined, { lang: 'en' })).items;
  const keys = items.map((i) => i.objectKey ?? '');
  expect(keys.some((k) => k.endsWith('/invoice from mail.pdf'))).toBe(true);
  expect(keys.some((k) => k.endsWith('/报告.txt') && !k.includes('..'))).toBe(true);
  // The bytes arrived: a link to the uploaded file downloads them.
  await page.getByTestId('upload-row').filter({ hasText: 'invoice from mail.pdf' }).getByTestId('copy-link').click();
  await expect.poll(() => ferry.ports.clipboard.writes.length).toBe(1);
  expect(await (await fetch(ferry.ports.clipboard.text)).text()).toBe('the invoice bytes');

  const dropped = path.join(ferry.home, 'dropped');
  await expect.poll(() => (existsSync(dropped) ? readdirSync(dropped) : [])).toEqual([]);
});

test('a path-less file too large to take from memory is refused in plain words, and main checks the size itself', async ({ ferry }) => {
  const ctx = { lang: 'en' as const };
  const { dispatch } = await import('../../src-main/app/dispatch.ts');
  const tooBig = await dispatch(ferry.table, 'uploads.dropData', { name: 'film.mov', size: 300 * 1024 * 1024 }, ctx);
  expect(tooBig).toMatchObject({ ok: false, error: { code: 'uploads.droppedTooLarge' } });
  expect(JSON.stringify(tooBig)).toContain('Save it to your computer first');
  // Bytes that do not match the size they claim are refused before any handler runs.
  const lying = await dispatch(ferry.table, 'uploads.dropData', { name: 'a.txt', size: 10, bytes: new Uint8Array(3) }, ctx);
  expect(lying).toMatchObject({ ok: false, error: { code: 'app.invalidRequest' } });
});
