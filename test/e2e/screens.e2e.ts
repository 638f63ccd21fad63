import { test, expect, noKeychainReason } from './support/harness.ts';
import { dropFiles, makeFixtures } from './support/fixtures.ts';
import { expectAccessible, snap } from './support/screens.ts';

test.skip(Boolean(noKeychainReason), String(noKeychainReason));

// Every screen, wide and narrow, light and dark, English and 简体中文: screenshots for people, axe for machines.
for (const width of [1000, 420] as const) {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const lang of ['en', 'zh-CN'] as const) {
      test(`every screen passes axe and is captured (${width}px, ${colorScheme}, ${lang})`, async ({ page, ferry }) => {
        await page.setViewportSize({ width, height: 700 });
        await page.emulateMedia({ colorScheme });
        await ferry.services.settings.update({ language: lang });
        await ferry.open();
        const shot = async (screen: string) => {
          await expectAccessible(page, `${screen} ${width} ${colorScheme} ${lang}`);
          await snap(page, `${screen}-${width}-${colorScheme}-${lang}`);
        };
        await expect(page.locator('html')).toHaveAttribute('lang', lang);

        await expect(page.locator('[data-screen="first-run"]')).toBeVisible();
        await shot('first-run');

        await page.locator('.choice').nth(1).click();
        await expect(page.getByTestId('connect-form')).toBeVisible();
        await shot('connect');
        await page.getByTestId('connect-form').locator('button[type="submit"]').click();
        await expect(page.locator('#name-problem')).toBeVisible();
        await shot('connect-errors');

        await page.locator('.page-head button').click();
        await page.locator('.choice').first().click();
        await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });
        await expect(page.getByTestId('status-bar')).toBeVisible();
        await shot('main-empty');

        const files = await makeFixtures(ferry, [
          { name: 'Budget 2026.xlsx', size: 40 * 1024 },
          { name: '会议纪要.docx', size: 120 * 1024 },
          { name: 'Quarterly report for the board meeting, final version approved by finance.pdf', size: 64 * 1024 },
        ]);
        await dropFiles(page, files.map((f) => f.name));
        await expect(page.locator('[data-testid="upload-row"][data-state="done"]')).toHaveCount(3, { timeout: 30_000 });
        await page.getByTestId('copy-link').first().click();
        await expect(page.getByTestId('toast')).toBeVisible();
        await shot('main');

        await page.getByTestId('toast').locator('.dismiss').click();
        await page.locator('[aria-haspopup="menu"]').first().click();
        await expect(page.getByRole('menu')).toBeVisible();
        await expect(page.getByRole('menuitem').first()).toBeFocused();
        await shot('main-link-menu');
        await page.keyboard.press('Escape');
        await expect(page.getByRole('menu')).toBeHidden();

        // Share as one link: two sent files ticked, then the QR code of the one link.
        for (const box of (await page.getByTestId('choose-row').all()).slice(0, 2)) await box.check();
        await expect(page.getByTestId('share-as-one-link')).toBeVisible();
        await shot('main-share-as-one');
        await page.getByTestId('share-as-one-link').click();
        await expect(page.getByTestId('toast-action')).toBeVisible({ timeout: 30_000 });
        await page.getByTestId('toast-action').click();
        await expect(page.getByTestId('qr-code')).toBeVisible();
        await shot('qr-code');
        await page.keyboard.press('Escape');
        await expect(page.getByRole('dialog')).toBeHidden();

        await page.locator('nav button').nth(1).click();
        await expect(page.getByTestId('link-row')).toHaveCount(2);
        await page.getByTestId('choose-link').first().check();
        await shot('links');

        await page.getByTestId('link-row').first().locator('button.danger').click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await shot('links-stop-sharing');
        await page.keyboard.press('Escape');
        await expect(page.getByRole('dialog')).toBeHidden();

        await page.locator('nav button').nth(2).click();
        await expect(page.locator('[data-screen="settings"]')).toBeVisible();
        await shot('settings');

        // A big batch, paused, and the question Cancel all asks first.
        await page.locator('nav button').nth(0).click();
        const profileId = (await ferry.services.accounts.active())!.id;
        const batch = Array.from({ length: 40 }, (_, i) => ({
          id: `bulk-${i}`,
          name: `scan-${String(i).padStart(3, '0')}.jpg`,
          size: 2_000_000,
          bytesDone: 800_000,
          state: 'paused' as const,
          speed: 0,
          etaSeconds: null,
          profileId,
        }));
        ferry.ports.events.emit('uploads.changed', { items: batch, removed: [] });
        await expect(page.getByTestId('queue-summary')).toContainText(lang === 'en' ? 'Paused' : '已暂停');
        await shot('main-paused');
        await page.locator('.summary button').nth(1).click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await shot('main-cancel-all');
        await page.keyboard.press('Escape');
      });
    }
  }
}
