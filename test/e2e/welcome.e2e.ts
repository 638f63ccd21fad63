import { test, expect, noKeychainReason } from './support/harness.ts';

test.skip(Boolean(noKeychainReason), String(noKeychainReason));

test('the welcome screen shows the app icon, says what Ferry does, and shows progress while the trial starts', async ({ page, ferry }) => {
  await ferry.open();
  const welcome = page.locator('[data-screen="first-run"]');
  await expect(welcome.getByTestId('app-icon')).toBeVisible();
  await expect(welcome.getByTestId('first-run-what')).toHaveText(/^Ferry puts your files in your company's cloud storage and gives you a link to send/);
  await page.getByRole('button', { name: /Try it on this computer/ }).click();
  await expect(welcome.getByTestId('trial-starting')).toHaveText('Starting the trial on this computer — this takes a few seconds…');
  await expect(page.getByTestId('live-region')).toContainText('Starting the trial on this computer');
  await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });
});
