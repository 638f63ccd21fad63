import { test, expect } from './support/harness.ts';
import { expectAccessible, snap } from './support/screens.ts';

// Every screen, light and dark, English and 简体中文: screenshots for people, axe for machines.
for (const colorScheme of ['light', 'dark'] as const) {
  for (const lang of ['en', 'zh-CN'] as const) {
    test(`every screen passes axe and is captured (${colorScheme}, ${lang})`, async ({ page, ferry }) => {
      await page.emulateMedia({ colorScheme });
      await ferry.services.settings.update({ language: lang });
      await ferry.open();
      const shot = async (screen: string) => {
        await expectAccessible(page, `${screen} ${colorScheme} ${lang}`);
        await snap(page, `${screen}-${colorScheme}-${lang}`);
      };

      await expect(page.locator('[data-screen="first-run"]')).toBeVisible();
      await shot('first-run');

      await page.locator('.choice').nth(1).click();
      await expect(page.getByTestId('connect-form')).toBeVisible();
      await shot('connect');

      await page.locator('.page-head button').click();
      await page.locator('.choice').first().click();
      await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId('status-bar')).toBeVisible();
      await shot('main-empty');

      await page.locator('nav button').nth(1).click();
      await expect(page.locator('[data-screen="links"]')).toBeVisible();
      await shot('links');

      await page.locator('nav button').nth(2).click();
      await expect(page.locator('[data-screen="settings"]')).toBeVisible();
      await shot('settings');
    });
  }
}
