import { test, expect, noKeychainReason } from './support/harness.ts';

test.skip(Boolean(noKeychainReason), String(noKeychainReason));

test('every screen change moves focus to the new heading and announces the screen', async ({ page, ferry }) => {
  await ferry.open();
  const live = page.getByTestId('live-region');
  await page.getByRole('button', { name: /Connect to your company's storage/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Connect to your company's storage" })).toBeFocused();
  await expect(live).toHaveText("Connect to your company's storage screen");
  await page.getByRole('button', { name: '← Back' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Ferry' })).toBeFocused();

  await page.getByRole('button', { name: /Try it on this computer/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Send files' })).toBeFocused({ timeout: 30_000 });
  await expect(live).toHaveText('Send files screen');
  for (const [tab, heading] of [
    ['Shared links', 'Shared links'],
    ['Settings', 'Settings'],
    ['Send files', 'Send files'],
  ] as const) {
    await page.getByRole('navigation').getByRole('button', { name: tab }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeFocused();
    await expect(live).toHaveText(`${heading} screen`);
  }
});

test("the empty Connect form answers with Ferry's own messages, tied to the fields", async ({ page, ferry }) => {
  await ferry.open();
  await page.getByRole('button', { name: /Connect to your company's storage/ }).click();
  await page.getByRole('button', { name: 'Save and test connection' }).click();
  const name = page.getByLabel('Name for this connection');
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription('Type a name for this connection, for example "Company files".');
  await expect(page.getByLabel('Bucket')).toHaveAccessibleDescription('Type the bucket name IT gave you (at least 3 characters).');
  expect(ferry.calls).not.toContain('profiles.save');
  // Typing in a field clears its message.
  await name.fill('Acme');
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Type a name for this connection')).toHaveCount(0);
});

test.describe('简体中文', () => {
  test.use({ systemLocale: 'zh-CN' });
  test('the empty Connect form speaks Chinese', async ({ page, ferry }) => {
    await ferry.open();
    await page.locator('.choice').nth(1).click();
    await page.getByTestId('connect-form').locator('button[type="submit"]').click();
    await expect(page.getByTestId('connect-form')).toContainText('请为此连接输入一个名称');
    await expect(page.getByTestId('connect-form')).toContainText('请输入 IT 提供的 Bucket 名称');
  });
});
