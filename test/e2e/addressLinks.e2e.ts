import { test, expect, noKeychainReason } from './support/harness.ts';
import { dropFiles, makeFixtures } from './support/fixtures.ts';
import { expectAccessible, snap } from './support/screens.ts';
import { checkPolicy } from '../../src-main/policy/policyModel.ts';

test.skip(Boolean(noKeychainReason), String(noKeychainReason));

// IT requires every link to be limited to the recipient's address: the window asks for it on each copy.
test.use({ policy: checkPolicy({ requireIpRestrictedLinks: true }, '/etc/ferry/policy.json') });

test('with IP-restricted links required, Copy link asks for the address; main checks it; the link works from there', async ({ page, ferry }) => {
  await ferry.open();
  await page.getByRole('button', { name: /Try it on this computer/ }).click();
  await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });
  const [file] = await makeFixtures(ferry, [{ name: 'contract.pdf', size: 3000 }]);
  await dropFiles(page, [file!.name]);
  await page.getByTestId('copy-link').click({ timeout: 30_000 });

  const dialog = page.getByTestId('address-link-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Your IT department requires every share link to be limited');
  await snap(page, 'address-link-dialog');
  await expectAccessible(page, 'address-link-dialog');
  // Nothing typed: said in the dialog, nothing asked of main.
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await expect(dialog.getByRole('alert')).toHaveText("Enter the recipient's IP address or range, such as 203.0.113.7.");
  // Not an address: main refuses it in plain words; the dialog stays open with what was typed.
  await dialog.getByLabel("Recipient's IP address or range").fill('the office');
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await expect(dialog.getByRole('alert')).toContainText('the office');
  expect(ferry.ports.clipboard.writes).toHaveLength(0);

  await dialog.getByLabel("Recipient's IP address or range").fill('127.0.0.1');
  await dialog.getByLabel('Link works for').selectOption('1h');
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => ferry.ports.clipboard.writes.length).toBe(1);
  const url = ferry.ports.clipboard.text;
  expect(url).toContain('contract.pdf');
  expect((await fetch(url)).status).toBe(200);
  const [entry] = (await ferry.services.links.service.list('active')).entries.filter((e) => e.objectKey.endsWith('contract.pdf'));
  expect(entry?.sourceIp).toBe('127.0.0.1');
  expect(entry!.expiresAt - entry!.createdAt).toBeLessThanOrEqual(3_600_000 + 1000);
});

test.describe('without the rule', () => {
  test.use({ policy: undefined });
  test('"Copy link for one address…" is in the menu and makes a link limited to that address', async ({ page, ferry }) => {
    await ferry.open();
    await page.getByRole('button', { name: /Try it on this computer/ }).click();
    await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });
    const [file] = await makeFixtures(ferry, [{ name: 'notes.txt', size: 500 }]);
    await dropFiles(page, [file!.name]);
    await page.getByRole('button', { name: /More link options for notes\.txt/ }).click({ timeout: 30_000 });
    await page.getByRole('menuitem', { name: 'Copy link for one address…' }).click();
    const dialog = page.getByTestId('address-link-dialog');
    await expect(dialog).toContainText('The link opens only from the address you enter');
    await dialog.getByLabel("Recipient's IP address or range").fill('203.0.113.0/24');
    await dialog.getByRole('button', { name: 'Copy link' }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(() => ferry.ports.clipboard.writes.length).toBe(1);
    // The link excludes this computer by design: copied, and it is refused from here.
    expect((await fetch(ferry.ports.clipboard.text)).status).toBe(403);
    await expect(page.getByTestId('toast')).toBeVisible();
  });
});
