import { test, expect, noKeychainReason } from './support/harness.ts';
import { dropFiles, makeFixtures } from './support/fixtures.ts';
import { expectAccessible, snap } from './support/screens.ts';
import { hasHiddenChars } from '../../src-main/names/inertName.ts';
import { createOssClient } from '../../src-main/oss/ossClient.ts';

test.skip(Boolean(noKeychainReason), String(noKeychainReason));

// "invoice‮fdp.exe" would display as "invoiceexe.pdf"; BEL is a control character.
const SPOOFED = 'invoice\u202Efdp\u0007.exe';
const RTL = 'עברית مرحبا.pdf';

test('a dropped file named with U+202E and a control character shows in <bdi>, each hidden character marked', async ({ page, ferry }) => {
  await ferry.open();
  await page.getByRole('button', { name: /Try it on this computer/ }).click();
  await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });
  const files = await makeFixtures(ferry, [
    { name: SPOOFED, size: 4096 },
    { name: RTL, size: 2048 },
  ]);
  await dropFiles(page, files.map((f) => f.name));
  await expect(page.locator('[data-testid="upload-row"][data-state="done"]')).toHaveCount(2, { timeout: 30_000 });

  const row = page.getByTestId('upload-row').filter({ hasText: 'fdp' });
  const name = row.locator('bdi[data-testid="file-name"]');
  await expect(name).toHaveCount(1);
  const markers = name.getByTestId('hidden-char');
  await expect(markers).toHaveText(['U+202E', 'U+0007']);
  await expect(markers.first()).toHaveAttribute('title', /^Hidden character U\+202E/);
  await expect(name).toContainText('Hidden character U+202E');
  await expect(row.getByTestId('name-cleaned')).toHaveText('Stored without hidden characters');
  await expect(row.getByTestId('name-cleaned')).toHaveAttribute('title', /made without the hidden characters/);
  // Nothing in the row (text or attributes) carries the raw characters.
  const rowText = await row.evaluate((el) => el.textContent + [...el.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.value)).join(' '));
  expect(hasHiddenChars(rowText)).toBe(false);
  const uploaded = (await ferry.table['uploads.list'](undefined, { lang: 'en' })).items.find((i) => i.name === SPOOFED)!;
  expect(uploaded.objectKey).toMatch(/\/invoicefdp\.exe$/);

  // A right-to-left name needs no control character: it is isolated in its own <bdi> and unmarked.
  const rtl = page.getByTestId('upload-row').filter({ hasText: 'עברית' });
  await expect(rtl.locator('bdi[data-testid="file-name"]')).toHaveText(RTL);
  await expect(rtl.getByTestId('hidden-char')).toHaveCount(0);
  await expect(rtl.getByTestId('name-cleaned')).toHaveCount(0);

  for (const lang of ['en', 'zh-CN'] as const) {
    await ferry.table['settings.update']({ language: lang }, { lang: 'en' });
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    if (lang === 'zh-CN') {
      await expect(markers.first()).toHaveAttribute('title', /^隐藏字符 U\+202E/);
      await expect(row.getByTestId('name-cleaned')).toHaveText('存储时已去除隐藏字符');
    }
    for (const width of [1000, 420]) {
      await page.setViewportSize({ width, height: 680 });
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await expectAccessible(page, `hidden characters ${width}px ${colorScheme} ${lang}`);
        await snap(page, `names-hidden-chars-${width}-${colorScheme}-${lang}`);
      }
    }
  }

  // A key another tool made, U+202E and all: its link row and the stop-sharing question mark it too.
  await ferry.table['settings.update']({ language: 'en' }, { lang: 'en' });
  await page.setViewportSize({ width: 1000, height: 680 });
  await page.emulateMedia({ colorScheme: 'light' });
  const foreignKey = uploaded.objectKey!.replace(/[^/]+$/, 'report\u202Efdp.scr');
  // Links are verified before they are copied: the other tool's object is really there.
  const profile = await ferry.services.accounts.runtimeProfile(uploaded.profileId);
  await createOssClient(profile, await ferry.services.broker.get(profile.id, 'upload')).put(foreignKey, Buffer.from('made by another tool'));
  await ferry.table['links.copy']({ objectKey: foreignKey }, { lang: 'en' });
  await page.locator('nav button').nth(1).click();
  const link = page.getByTestId('link-row').filter({ has: page.getByTestId('hidden-char') });
  await expect(link.locator('bdi[data-testid="file-name"]').getByTestId('hidden-char')).toHaveText(['U+202E']);
  await link.locator('button.danger').click();
  const question = page.getByRole('dialog').getByRole('heading');
  await expect(question.locator('bdi[data-testid="file-name"]').getByTestId('hidden-char')).toHaveText(['U+202E']);
  await expect(question).toContainText('Stop sharing report');
  await expectAccessible(page, 'stop sharing a name with U+202E');
  await snap(page, 'names-hidden-chars-stop-sharing-light-en');
});
