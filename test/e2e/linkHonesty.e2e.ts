import { test, expect, noKeychainReason, type Harness } from './support/harness.ts';
import { dropFiles, makeFixtures } from './support/fixtures.ts';
import type { Page } from '@playwright/test';

test.skip(Boolean(noKeychainReason), String(noKeychainReason));

/** Trial connection, one file sent and its link copied; returns the ledger entry of that link. */
async function oneSharedFile(page: Page, ferry: Harness, name: string) {
  await ferry.open();
  await page.getByRole('button', { name: /Try it on this computer/ }).click();
  await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });
  await makeFixtures(ferry, [{ name, size: 1000 }]);
  await dropFiles(page, [name]);
  await expect(page.locator('[data-testid="upload-row"][data-state="done"]')).toHaveCount(1, { timeout: 30_000 });
  await page.getByTestId('copy-link').click();
  // The link is on the clipboard as soon as it is signed; the ledger entry is written alongside.
  await expect.poll(async () => (await ferry.services.links.ledger.list()).length).toBe(1);
  const [entry] = await ferry.services.links.ledger.list();
  if (!entry) throw new Error('no ledger entry');
  return entry;
}

test('a link shorter than asked says why and what to do, on the Links row and in the copy message', async ({ page, ferry }) => {
  const entry = await oneSharedFile(page, ferry, 'short.txt');
  // The trial has a link-signing key; take it away, as a company connection without one.
  await ferry.services.accounts.store.update((file) => ({ ...file, profiles: file.profiles.map((p) => ({ ...p, hasLinkSigningKey: false })) }));
  ferry.services.broker.invalidate(entry.profileId);
  // A link the credentials cut short (what a connection without a link-signing key gets for "7 days").
  const now = ferry.clock.now();
  await ferry.services.links.ledger.add({ ...entry, id: 'capped-link', createdAt: now + 1, expiresAt: now + 40 * 60_000, cappedBy: 'credentials', requestedExpiresAt: now + 7 * 86_400_000 });

  await page.getByRole('button', { name: 'Shared links' }).click();
  const row = page.locator('[data-entry-id="capped-link"]');
  await expect(row).toContainText('Shorter than you chose');
  await expect(row).toContainText('ask IT to add a link-signing key to this connection');
  await row.getByRole('button', { name: 'Copy the link to short.txt again' }).click();
  // One read of the toast (it fades after a few seconds).
  await expect(page.getByTestId('toast').filter({ hasText: 'sooner than you chose' })).toContainText(/sooner than you chose.*ask IT to add a link-signing key to this connection/);
});

test('the Expired filter lists expired links, not stopped ones', async ({ page, ferry }) => {
  const entry = await oneSharedFile(page, ferry, 'stopme.txt');
  const now = ferry.clock.now();
  await ferry.services.links.ledger.add({ ...entry, id: 'old-link', objectKey: `${entry.objectKey}.old`, createdAt: now - 2 * 86_400_000, expiresAt: now - 86_400_000 });
  await ferry.services.links.ledger.markStopped(entry.profileId, entry.objectKey, { at: now, mode: 'delete' });

  await page.getByRole('button', { name: 'Shared links' }).click();
  await page.getByRole('button', { name: 'Expired', exact: true }).click();
  await expect(page.locator('[data-entry-id="old-link"]')).toBeVisible();
  await expect(page.getByTestId('link-row')).toHaveCount(1);
  await page.getByRole('button', { name: 'All', exact: true }).click();
  await expect(page.getByTestId('link-row')).toHaveCount(2);
});
