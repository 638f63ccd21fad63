import { test, expect, noKeychainReason } from './support/harness.ts';

test.skip(Boolean(noKeychainReason), String(noKeychainReason));

// The proxy login prompt, driven through the IPC contract: main's event opens it, the login goes back on
// network.proxyLogin, and main's plain-words answer is shown in the prompt; the password is cleared.
test('a proxy that asks for a login gets a prompt naming it; main\'s answer is shown there and the password leaves the page', async ({ page, ferry }) => {
  await ferry.services.settings.update({ language: 'en' });
  await ferry.open();
  await page.locator('.choice').first().click();
  await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });

  // Main saw a proxy ask for a login (the proxy at 127.0.0.1:9 does not listen, so the check of the login fails plainly).
  (ferry.services.appNetwork as unknown as { proxyFailed(f: { problem: string; proxy: string; host: string }): void }).proxyFailed({ problem: 'loginNeeded', proxy: '127.0.0.1:9', host: '127.0.0.1:443' });
  const prompt = page.getByTestId('proxy-login');
  await expect(prompt).toBeVisible();
  await expect(prompt).toContainText('The network proxy 127.0.0.1:9 asks for a user name and password');
  await expect(prompt.getByTestId('proxy-user')).toBeFocused();
  await prompt.getByTestId('proxy-user').fill('alice');
  await prompt.getByTestId('proxy-password').fill('proxy-pass-123');
  await prompt.getByRole('button', { name: 'Sign in' }).click();
  await expect(prompt.getByTestId('proxy-login-error')).toContainText('Ferry could not reach the network proxy 127.0.0.1:9');
  await expect(prompt.getByTestId('proxy-password')).toHaveValue('');
  await expect(page.locator('body')).not.toContainText('proxy-pass-123');

  // A proxy that refused the login Ferry had: the prompt says so.
  await prompt.getByRole('button', { name: 'Not now' }).click();
  // Gone from the page, not only closed: the dialog's close event has reached the app.
  await expect(prompt).toHaveCount(0);
  ferry.ports.events.emit('network.proxyLoginNeeded', { proxy: '127.0.0.1:9', wrong: true });
  await expect(prompt).toContainText('The proxy did not accept the last user name or password');
});
