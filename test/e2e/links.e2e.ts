import { readFileSync } from 'node:fs';
import { test, expect, noKeychainReason } from './support/harness.ts';
import { dropFiles, makeFixtures } from './support/fixtures.ts';
import { expectAccessible, snap } from './support/screens.ts';

test.skip(Boolean(noKeychainReason), String(noKeychainReason));

test('the Links screen: copy again, copy all, export, stop sharing with the honest choice', async ({ page, ferry }) => {
  await ferry.open();
  await page.getByRole('button', { name: /Try it on this computer/ }).click();
  await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });
  const files = await makeFixtures(ferry, [
    { name: 'plan.txt', size: 1000 },
    { name: '预算.xlsx', size: 2000 },
  ]);
  await dropFiles(page, files.map((f) => f.name));
  await expect(page.locator('[data-testid="upload-row"][data-state="done"]')).toHaveCount(2, { timeout: 30_000 });
  for (const copy of await page.getByTestId('copy-link').all()) await copy.click();
  await expect.poll(() => ferry.ports.clipboard.writes.length).toBe(2);
  const planUrl = ferry.ports.clipboard.writes.find((w) => w.includes('plan.txt')) ?? '';
  expect((await fetch(planUrl)).status).toBe(200);

  await page.getByRole('button', { name: 'Shared links' }).click();
  const rows = page.getByTestId('link-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(/Works for/);

  await rows.filter({ hasText: 'plan.txt' }).getByRole('button', { name: 'Copy the link to plan.txt again' }).click();
  await expect.poll(() => ferry.ports.clipboard.writes.length).toBe(3);
  expect(ferry.ports.clipboard.text).toContain('plan.txt');

  await page.getByRole('button', { name: 'Copy all working links' }).click();
  await expect(page.getByTestId('toast')).toContainText('2 links copied');
  expect(ferry.ports.clipboard.text.split(/\r?\n/).filter((l) => l.includes('http')).length).toBe(2);

  const csv = `${ferry.home}-files/links.csv`;
  ferry.ports.dialog.nextSave.push(csv);
  await page.getByRole('button', { name: 'Export list…' }).click();
  await expect(page.getByTestId('toast')).toContainText('Saved a list of 2 links');
  const exported = readFileSync(csv, 'utf8');
  expect(exported).toContain('plan.txt');
  expect(exported).toContain('预算.xlsx');

  // Saying no in main's own confirmation changes nothing.
  await rows.filter({ hasText: 'plan.txt' }).getByRole('button', { name: 'Stop sharing plan.txt' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete the file' }).click();
  await expect(page.getByTestId('toast')).toContainText('Nothing was changed');
  expect((await fetch(planUrl)).status).toBe(200);

  ferry.ports.dialog.nextConfirm.push(0);
  await rows.filter({ hasText: 'plan.txt' }).getByRole('button', { name: 'Stop sharing plan.txt' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText("can't be taken back");
  await dialog.getByRole('button', { name: 'Delete the file' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('toast')).toContainText(/File deleted\. (1 link no longer works|\d+ links no longer work)/);
  expect((await fetch(planUrl)).status).not.toBe(200);
  await page.getByRole('button', { name: 'All', exact: true }).click();
  await expect(rows.filter({ hasText: 'plan.txt' }).first()).toContainText('Stopped — file deleted');
});

test('an expired link is shown as expired and Renew gives a fresh one', async ({ page, ferry }) => {
  await ferry.open();
  await page.getByRole('button', { name: /Try it on this computer/ }).click();
  await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });
  const [file] = await makeFixtures(ferry, [{ name: 'handout.pdf', size: 5000 }]);
  await dropFiles(page, [file!.name]);
  await page.getByTestId('copy-link').click({ timeout: 30_000 });
  await page.getByRole('button', { name: 'More link options for handout.pdf' }).click();
  await page.getByRole('menuitem', { name: /1 hour/ }).click();
  await expect.poll(() => ferry.ports.clipboard.writes.length).toBe(2);
  const oldUrl = ferry.ports.clipboard.text;

  ferry.clock.offset = 3 * 3600_000;
  await page.getByRole('button', { name: 'Shared links' }).click();
  await page.getByRole('button', { name: 'Expired', exact: true }).click();
  const row = page.getByTestId('link-row').first();
  await expect(row).toContainText(/Expired/);
  await expectAccessible(page, 'links, expired');
  await snap(page, 'links-expired-light-en');
  expect((await fetch(oldUrl)).status).toBe(403);

  await row.getByRole('button', { name: 'Make a new link to handout.pdf' }).click();
  // The earlier copy's "Link copied" toast may still be up: wait for the renewal's own clipboard write.
  await expect.poll(() => ferry.ports.clipboard.writes.length).toBe(3);
  await expect(page.getByTestId('toast')).toContainText('Link copied');
  const fresh = ferry.ports.clipboard.text;
  expect(fresh).not.toBe(oldUrl);
  const response = await fetch(fresh);
  expect(response.status).toBe(200);
  expect(Buffer.from(await response.arrayBuffer()).equals(file!.bytes)).toBe(true);
});
