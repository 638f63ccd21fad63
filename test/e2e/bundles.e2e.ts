import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import { test, expect, noKeychainReason } from './support/harness.ts';
import { dropFiles, makeFixtures } from './support/fixtures.ts';
import { pngPixels } from './support/pngPixels.ts';

test.skip(Boolean(noKeychainReason), String(noKeychainReason));

/** The names in a zip's central directory (what every unzip tool lists). */
function zipEntryNames(zip: Buffer): string[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    expect(zip.readUInt16LE(at + 8) & 0x0800).toBe(0x0800); // UTF-8 names
    const nameLength = zip.readUInt16LE(at + 28);
    names.push(zip.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return names;
}

test('select 3 sent files → Share as one link: the copied link downloads a zip of the 3, and its QR code decodes to the link', async ({ page, ferry }) => {
  await ferry.open();
  await page.getByRole('button', { name: /Try it on this computer/ }).click();
  await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });
  const files = await makeFixtures(ferry, [
    { name: 'plan.txt', size: 1000 },
    { name: '预算 2027.xlsx', size: 200_000 },
    { name: 'photo.jpg', size: 50_000 },
  ]);
  await dropFiles(page, files.map((f) => f.name));
  await expect(page.locator('[data-testid="upload-row"][data-state="done"]')).toHaveCount(3, { timeout: 30_000 });

  // Tick one (as after dropping a folder), then all of them.
  await page.getByRole('checkbox', { name: `Choose ${files[1]!.name} for one link` }).check();
  await expect(page.getByTestId('share-as-one')).toContainText('1 chosen for one link');
  await page.getByRole('button', { name: 'Choose all 3' }).click();
  for (const file of files) await expect(page.getByRole('checkbox', { name: `Choose ${file.name} for one link` })).toBeChecked();
  await expect(page.getByTestId('share-as-one')).toContainText('3 chosen for one link');
  await expect(page.getByRole('button', { name: 'Choose all 3' })).toBeHidden();
  await page.getByRole('button', { name: 'Share as one link' }).click();
  await expect(page.getByTestId('toast')).toContainText('Link copied', { timeout: 30_000 });
  await expect(page.getByTestId('share-as-one')).toBeHidden();

  const url = ferry.ports.clipboard.text;
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.+files%20from%20.+\.zip\?/);
  const response = await fetch(url);
  expect(response.status).toBe(200);
  const zip = Buffer.from(await response.arrayBuffer());
  expect(zip.readUInt32LE(0)).toBe(0x04034b50);
  expect(zipEntryNames(zip).sort()).toEqual(files.map((f) => f.name).sort());
  for (const file of files) expect(zip.includes(file.bytes)).toBe(true); // stored, so each file's bytes are there as they are

  // The QR code from the toast: a picture of the link, decoded from what is on screen.
  await page.getByTestId('toast-action').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('img', { name: /^QR code of the link to \d+ files from .+\.zip$/ })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  const shown = (await dialog.getByTestId('qr-url').textContent()) ?? '';
  const pixels = pngPixels(await dialog.getByTestId('qr-code').screenshot());
  const decoded = jsQR(pixels.data, pixels.width, pixels.height);
  expect(decoded?.data).toBe(shown);
  // The same link (the same object, the same expiry), signed again: it downloads the same zip.
  expect(new URL(shown).pathname).toBe(new URL(url).pathname);
  expect(Buffer.from(await (await fetch(shown)).arrayBuffer()).equals(zip)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // It is in Shared links like every other link, with its own QR code button.
  await page.getByRole('button', { name: 'Shared links' }).click();
  const row = page.getByTestId('link-row').filter({ hasText: /3 files from .+\.zip/ });
  await expect(row).toHaveCount(1);
  await row.getByTestId('show-qr').click();
  await expect(page.getByRole('dialog').getByTestId('qr-code')).toBeVisible();
});

test('drop a folder of 3 → Share as one link on that drop: one link to a zip of exactly those 3, not the earlier drop’s files', async ({ page, ferry }) => {
  await ferry.open();
  await page.getByRole('button', { name: /Try it on this computer/ }).click();
  await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });
  const earlier = await makeFixtures(ferry, [
    { name: 'earlier-a.txt', size: 500 },
    { name: 'earlier-b.txt', size: 700 },
  ]);
  await dropFiles(page, earlier.map((f) => f.name));
  await expect(page.locator('[data-testid="upload-row"][data-state="done"]')).toHaveCount(2, { timeout: 30_000 });
  await expect(page.getByTestId('drop-offer')).toContainText('The 2 files you just added are sent');

  const folder = path.join(`${ferry.home}-files`, 'Q4 报告');
  mkdirSync(folder, { recursive: true });
  const inside = [
    { name: 'summary.txt', bytes: randomBytes(1200) },
    { name: '预算 2027.xlsx', bytes: randomBytes(90_000) },
    { name: 'photo.jpg', bytes: randomBytes(30_000) },
  ];
  for (const file of inside) writeFileSync(path.join(folder, file.name), file.bytes);
  await ferry.registerFixture('Q4 报告', folder);
  await dropFiles(page, ['Q4 报告']);
  await expect(page.locator('[data-testid="upload-row"][data-state="done"]')).toHaveCount(5, { timeout: 30_000 });

  const offer = page.getByTestId('drop-offer');
  await expect(offer).toContainText('The 3 files you just added are sent');
  await expect(page.getByTestId('live-region')).toContainText('The 3 files you just added are sent');
  await offer.getByRole('button', { name: 'Share as one link' }).click();
  await expect(page.getByTestId('toast')).toContainText('Link copied', { timeout: 30_000 });
  await expect(offer).toBeHidden();
  await expect(page.getByTestId('share-as-one')).toBeHidden();

  const url = ferry.ports.clipboard.text;
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.+3%20files%20from%20.+\.zip\?/);
  const zip = Buffer.from(await (await fetch(url)).arrayBuffer());
  const names = zipEntryNames(zip);
  expect(names).toHaveLength(3);
  expect(names.map((n) => n.split('/').pop()).sort()).toEqual(inside.map((f) => f.name).sort());
  for (const file of inside) expect(zip.includes(file.bytes)).toBe(true);
  for (const file of earlier) expect(zip.includes(file.bytes)).toBe(false);
});
