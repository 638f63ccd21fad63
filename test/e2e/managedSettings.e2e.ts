import { test, expect, noKeychainReason } from './support/harness.ts';
import { checkPolicy } from '../../src-main/policy/policyModel.ts';

test.skip(Boolean(noKeychainReason), String(noKeychainReason));

// A locked connection IT preset (on a closed local port: the connection test fails fast, nothing leaves 127.0.0.1).
test.use({
  policy: checkPolicy(
    {
      connections: [{ id: 'acme', locked: true, name: 'Acme Share', endpoint: 'http://127.0.0.1:9', stsEndpoint: 'http://127.0.0.1:9', region: 'cn-shanghai', bucket: 'acme-share', roleArn: 'acs:ram::1234567890123456:role/ferry-staff' }],
      maxLinkExpiry: '1d',
    },
    '/etc/ferry/policy.json',
  ),
});

test('a locked preset: the person only enters the key; the page cannot edit or remove it', async ({ page, ferry }) => {
  await ferry.open();
  await page.locator('nav button').nth(2).click();
  const row = page.locator('.profiles li').first();
  await expect(row).toContainText('Acme Share');
  await expect(row.getByTestId('set-by-it')).toHaveText('Set by your IT department');
  await expect(row.getByRole('button', { name: 'Remove' })).toBeDisabled();
  // Choices above IT's maximum are not offered (the connection's own default stays choosable).
  await expect(page.locator('#defaults-title ~ .settings-fields select').first().locator('option')).toHaveText(['1 hour', 'the rest of today', '1 day']);

  // "Enter your key…": IT's one-screen summary of the preset; the person supplies only the key.
  await row.getByRole('button', { name: 'Enter your key…' }).click();
  await expect(page.getByTestId('connect-summary')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connect to Acme Share');
  await page.getByLabel('Or paste the two lines IT sent you (AccessKey ID, then secret)').fill('FakeKeyIdForItPreset0001\nExampl3SecretNotReal0000000000');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.locator('#test-title')).toBeVisible({ timeout: 30_000 });
  // Saved onto IT's preset (no second connection), with the key in the keychain.
  const saved = (await ferry.services.accounts.list()).profiles;
  expect(saved.map((p) => p.id)).toEqual(['it-acme']);
  expect(saved[0]!.maskedAccessKeyId).toBe('Fake••••0001');
  expect(saved[0]!.bucket).toBe('acme-share');

  // The page asking main directly changes nothing.
  const refused = await page.evaluate(async () => {
    const attempts = [window.ferry.profiles.update({ id: 'it-acme', patch: { bucket: 'elsewhere' } }), window.ferry.profiles.remove({ id: 'it-acme' })];
    return Promise.all(attempts.map((a) => a.then(() => 'done', (e: { code: string }) => e.code)));
  });
  expect(refused).toEqual(['policy.connectionLocked', 'policy.connectionLocked']);
  expect((await ferry.services.accounts.list()).profiles.map((p) => [p.id, p.bucket])).toEqual([['it-acme', 'acme-share']]);
});
