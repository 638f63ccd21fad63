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

  await row.getByRole('button', { name: 'Enter your key…' }).click();
  const form = page.getByTestId('connect-form');
  await expect(form.locator('input[name="name"]')).toHaveValue('Acme Share');
  await expect(form.locator('input[name="bucket"]')).toHaveValue('acme-share');
  await form.locator('input[name="accessKeyId"]').fill('LTAI5tExampleKeyId0001');
  await form.locator('input[name="accessKeySecret"]').fill('Exampl3SecretNotReal0000000000');
  await form.locator('button[type="submit"]').click();
  await expect(page.locator('#test-title')).toBeVisible({ timeout: 30_000 });
  const saved = (await ferry.services.accounts.list()).profiles.find((p) => p.id === 'it-acme')!;
  expect(saved.maskedAccessKeyId).toBe('LTAI••••0001');
  expect(saved.bucket).toBe('acme-share');

  // The page asking main directly changes nothing.
  const refused = await page.evaluate(async () => {
    const attempts = [window.ferry.profiles.update({ id: 'it-acme', patch: { bucket: 'elsewhere' } }), window.ferry.profiles.remove({ id: 'it-acme' })];
    return Promise.all(attempts.map((a) => a.then(() => 'done', (e: { code: string }) => e.code)));
  });
  expect(refused).toEqual(['policy.connectionLocked', 'policy.connectionLocked']);
  expect((await ferry.services.accounts.list()).profiles.map((p) => [p.id, p.bucket])).toEqual([['it-acme', 'acme-share']]);
});
