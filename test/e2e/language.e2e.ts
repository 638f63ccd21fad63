import { test, expect } from './support/harness.ts';

test.describe('on a Chinese system', () => {
  test.use({ systemLocale: 'zh-CN' });
  test('the language follows the OS until the user picks one', async ({ page, ferry }) => {
    await ferry.open();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('欢迎使用 Ferry');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await ferry.services.settings.update({ language: 'en' });
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Ferry');
  });
});
