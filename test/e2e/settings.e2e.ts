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

  // Remove is confirmed by main in its own dialog (the key leaves the keychain); the page cannot answer it.
  // "Keep it" (the default, and what Escape does) keeps the connection.
  await acme.getByRole('button', { name: 'Remove' }).click();
  await expect.poll(() => ferry.ports.dialog.calls.filter((c) => c.kind === 'confirm').length).toBe(1);
  const asked = ferry.ports.dialog.calls.at(-1)!.options as { message: string; detail: string; buttons: string[]; cancelId: number };
  expect(asked).toMatchObject({ message: 'Remove the connection "Acme share"?', buttons: ['Remove connection', 'Keep it'], cancelId: 1 });
  expect(asked.detail).toContain("Its key is deleted from this computer's keychain.");
  await expect(acme.getByRole('button', { name: 'Remove' })).toBeEnabled();
  await expect(acme).toBeVisible();
  expect((await ferry.table['profiles.list'](undefined, { lang: 'en' })).profiles.map((p) => p.name)).toContain('Acme share');

  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // Each change touched only its own setting: the earlier choices are all still there, in main and on screen.
  expect(await ferry.services.settings.get()).toMatchObject({ theme: 'dark', fileConcurrency: 5, collisionPolicy: 'replace' });
  await expect(page.getByLabel('Files sent at the same time')).toHaveValue('5');
  await expect(page.getByLabel('When a file with the same name is already there')).toHaveValue('replace');

  ferry.ports.dialog.nextConfirm.push(0);
  await acme.getByRole('button', { name: 'Remove' }).click();
  await expect(page.locator('li').filter({ hasText: 'Acme share' })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Removed the connection Acme share.' })).toBeVisible();
  await expectAccessible(page, 'settings after removing a connection, dark');
  await snap(page, 'settings-removed-connection-dark-en');
  expect((await ferry.table['profiles.list'](undefined, { lang: 'en' })).profiles.map((p) => p.name)).not.toContain('Acme share');
});
