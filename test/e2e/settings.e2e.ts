import type { Locator, Page } from '@playwright/test';
import { test, expect, noKeychainReason } from './support/harness.ts';
import { expectAccessible, snap } from './support/screens.ts';

test.skip(Boolean(noKeychainReason), String(noKeychainReason));

test('settings: test, switch and remove connections; defaults and theme are saved in main', async ({ page, ferry }) => {
  await ferry.open();
  await page.getByRole('button', { name: /Try it on this computer/ }).click();
  await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });
  // A second connection to the same local stand-in, saved through the real accounts service.
  const sandbox = await ferry.services.sandbox.ensure();
  const demo = sandbox.demo!;
  await ferry.table['profiles.save'](
    {
      profile: {
        name: 'Acme share',
        endpoint: sandbox.ossEndpoint,
        stsEndpoint: sandbox.stsEndpoint,
        region: sandbox.region.replace(/^oss-/, ''),
        bucket: demo.bucket,
        roleArn: demo.roleArn,
        prefixTemplate: 'shared/{user}/',
        sessionDurationSeconds: 3600,
        defaultLinkExpiry: '1d',
        signatureVersion: 'v4',
        credentialSource: 'keychain-role',
      },
      accessKey: { accessKeyId: demo.accessKeyId, accessKeySecret: demo.accessKeySecret },
      makeActive: false,
    },
    { lang: 'en' },
  );

  await page.getByRole('button', { name: 'Settings' }).click();
  const acme = page.locator('li').filter({ hasText: 'Acme share' });
  await expect(acme).toBeVisible();
  await acme.getByRole('button', { name: 'Test' }).click();
  const steps = page.getByTestId('test-steps');
  await expect(steps.locator('[data-status="failed"]')).toHaveCount(0, { timeout: 30_000 });
  await expect(steps.locator('[data-step="assume-role"]')).toHaveAttribute('data-status', 'ok');

  await acme.getByRole('button', { name: 'Use this one' }).click();
  await expect(page.getByTestId('status-bar')).toContainText('Acme share');
  await expect(acme).toContainText('In use');

  // Each choice must reach main before the next one is made.
  await expect(page.getByLabel('Files sent at the same time')).toHaveValue('3');
  await page.getByLabel('Files sent at the same time').selectOption('5');
  await expect.poll(async () => (await ferry.services.settings.get()).fileConcurrency).toBe(5);
  await page.getByLabel('When a file with the same name is already there').selectOption('replace');
  await expect.poll(async () => (await ferry.services.settings.get()).collisionPolicy).toBe('replace');
  await page.getByLabel('Links work for').selectOption('7d');
  await expect
    .poll(async () => (await ferry.table['profiles.list'](undefined, { lang: 'en' })).profiles.find((p) => p.name === 'Acme share')?.defaultLinkExpiry)
    .toBe('7d');

  // Re-saving for the new default keeps the connection's own STS endpoint.
  const acmeId = (await ferry.table['profiles.list'](undefined, { lang: 'en' })).profiles.find((p) => p.name === 'Acme share')!.id;
  expect((await ferry.services.accounts.store.get(acmeId)).stsEndpoint).toBe(sandbox.stsEndpoint);

  // Remove asks in the window first; Escape (or Keep it) keeps the connection.
  await acme.getByRole('button', { name: 'Remove' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove the connection Acme share?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Its key is deleted from this computer');
  await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await expectFocusStaysIn(page, dialog);
  await expectAccessible(page, 'remove connection dialog');
  await snap(page, 'settings-remove-connection-light-en');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await dialog.getByRole('button', { name: 'Keep it' }).waitFor({ state: 'detached' });
  expect(ferry.calls).not.toContain('profiles.remove');
  await expect(acme).toBeVisible();

  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  await acme.getByRole('button', { name: 'Remove' }).click();
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'remove connection dialog, dark');
  await snap(page, 'settings-remove-connection-dark-en');
  await dialog.getByRole('button', { name: 'Remove connection' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('li').filter({ hasText: 'Acme share' })).toHaveCount(0);
  expect((await ferry.table['profiles.list'](undefined, { lang: 'en' })).profiles.map((p) => p.name)).not.toContain('Acme share');
});

/** Tabbing never reaches anything behind a modal dialog. */
async function expectFocusStaysIn(page: Page, dialog: Locator): Promise<void> {
  for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    expect(await dialog.evaluate((d) => d.contains(document.activeElement)), key).toBe(true);
  }
  await dialog.getByRole('button', { name: 'Keep it' }).focus();
}
