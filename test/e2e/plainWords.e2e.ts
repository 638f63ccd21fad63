import { test, expect, noKeychainReason, E2E_APP_VERSION } from './support/harness.ts';

test.skip(Boolean(noKeychainReason), String(noKeychainReason));

test('the window speaks plainly: no credential lifetime, no bucket or key on the rows, diagnostics in About, failed connections flagged', async ({ page, ferry }) => {
  await ferry.open();
  // Diagnostics are not part of the welcome.
  await expect(page.getByRole('button', { name: /Try it on this computer/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /self-check|Check that Ferry is working/ })).toHaveCount(0);

  await page.getByRole('button', { name: /Try it on this computer/ }).click();
  await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });
  // A company connection whose test fails (nothing answers at its address).
  await ferry.table['profiles.save'](
    {
      profile: {
        name: 'Acme share',
        endpoint: 'http://127.0.0.1:9',
        region: 'cn-hangzhou',
        bucket: 'acme-share',
        prefixTemplate: 'shared/{user}/',
        sessionDurationSeconds: 3600,
        defaultLinkExpiry: '1d',
        signatureVersion: 'v4',
        credentialSource: 'env',
        stsEndpoint: 'http://127.0.0.1:9',
      },
      makeActive: false,
    },
    { lang: 'en' },
  );

  // Sending a file makes the session ready; the status bar says Ready, not until when.
  await page.getByRole('button', { name: 'Settings' }).click();
  const trial = page.locator('li').filter({ hasText: 'This computer (trial)' });
  await trial.getByRole('button', { name: 'Test' }).click();
  const steps = page.getByTestId('test-steps');
  await expect(steps.locator('[data-step="cleanup"]')).toHaveAttribute('data-status', 'ok', { timeout: 30_000 });
  await expect(steps).toContainText("Reach the trial's sign-in service on this computer");
  await expect(steps).not.toContainText('Alibaba Cloud');
  await expect(page.getByTestId('status-bar')).toContainText('Ready');
  await expect(page.getByTestId('status-bar')).not.toContainText('until');
  await expect(trial.getByTestId('profile-health')).toHaveText('Files stay on this computer');

  const acme = page.locator('li').filter({ hasText: 'Acme share' });
  await expect(acme.getByTestId('profile-health')).toContainText('Not tested yet');
  await acme.getByRole('button', { name: 'Test' }).click();
  await expect(acme.getByTestId('profile-health')).toContainText('Last test failed', { timeout: 30_000 });
  // The bucket and other plumbing only behind "Details for IT".
  const details = acme.locator('details');
  await expect(details.getByText('acme-share')).toBeHidden();
  await details.locator('summary').click();
  await expect(details.getByText('acme-share')).toBeVisible();

  // About: the version in plain words; the self-check behind "Details for IT".
  await expect(page.getByTestId('about-version')).toHaveText(`Ferry ${E2E_APP_VERSION}`);
  await page.getByText('Details for IT').last().click();
  await page.getByRole('button', { name: 'Run a self-check' }).click();
  await expect(page.getByTestId('about-result')).toContainText(`answer each other (version ${E2E_APP_VERSION}`);
});
