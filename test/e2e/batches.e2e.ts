import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, noKeychainReason, type Harness } from './support/harness.ts';
import { dropFiles, makeFixtures } from './support/fixtures.ts';
import type { EventPayloadOf } from '../../src-main/contract.ts';

test.skip(Boolean(noKeychainReason), String(noKeychainReason));

type Item = EventPayloadOf<'uploads.changed'>['items'][number];

function item(i: number, state: Item['state'], profileId: string): Item {
  return { id: `bulk-${i}`, name: `scan-${String(i).padStart(3, '0')}.jpg`, size: 2_000_000, bytesDone: 500_000, state, speed: 0, etaSeconds: null, profileId };
}

async function trial(page: Page, ferry: Harness): Promise<string> {
  await ferry.open();
  await page.getByRole('button', { name: /Try it on this computer/ }).click();
  await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });
  return (await ferry.services.accounts.active())!.id;
}

test('a paused batch is called paused, and Cancel all asks before stopping many files', async ({ page, ferry }) => {
  const profileId = await trial(page, ferry);
  const items = Array.from({ length: 254 }, (_, i) => item(i, 'uploading', profileId));
  ferry.ports.events.emit('uploads.changed', { items, removed: [] });
  const summary = page.getByTestId('queue-summary');
  await expect(summary).toContainText('Sending 254 files');

  ferry.ports.events.emit('uploads.changed', { items: items.map((i) => ({ ...i, state: 'paused' as const })), removed: [] });
  await expect(summary).toContainText('Paused: 254 files');
  await expect(summary).not.toContainText('Sending');
  await expect(page.getByTestId('status-bar')).toContainText('254 files paused');
  await expect(page.getByRole('button', { name: 'Resume all' })).toBeVisible();

  await page.getByRole('button', { name: 'Cancel all' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cancel 254 files?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep sending' }).click();
  await expect(dialog).toBeHidden();
  expect(ferry.calls).not.toContain('uploads.cancelAll');
  await page.getByRole('button', { name: 'Cancel all' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel 254 files' }).click();
  await expect.poll(() => ferry.calls.includes('uploads.cancelAll')).toBe(true);
});

test('Retry all sends every failed file again', async ({ page, ferry }) => {
  await trial(page, ferry);
  const dir = `${ferry.home}-files`;
  const names = ['late-1.txt', 'late-2.txt', 'late-3.txt'];
  // Dropped before they exist (a network drive that was not there yet): each fails with Retry.
  await makeFixtures(ferry, [{ name: 'placeholder.txt', size: 1 }]);
  for (const name of names) await ferry.registerFixture(name, `${dir}/${name}`);
  await dropFiles(page, names);
  await expect(page.locator('[data-testid="upload-row"][data-state="failed"]')).toHaveCount(3, { timeout: 30_000 });
  for (const name of names) writeFileSync(`${dir}/${name}`, `contents of ${name}`);
  await page.getByRole('button', { name: 'Retry all' }).click();
  await expect(page.locator('[data-testid="upload-row"][data-state="done"]')).toHaveCount(3, { timeout: 30_000 });
});

test('a file added after a long batch is scrolled into view', async ({ page, ferry }) => {
  const profileId = await trial(page, ferry);
  ferry.ports.events.emit('uploads.changed', { items: Array.from({ length: 60 }, (_, i) => item(i, 'done', profileId)), removed: [] });
  await expect(page.getByTestId('upload-row').first()).toBeVisible();
  await makeFixtures(ferry, [{ name: 'added-later.txt', size: 500 }]);
  await dropFiles(page, ['added-later.txt']);
  await expect(page.getByTestId('upload-row').filter({ hasText: 'added-later.txt' })).toBeInViewport({ timeout: 30_000 });
});

test('Copy all links on Send files copies one link per sent file, in one go', async ({ page, ferry }) => {
  await trial(page, ferry);
  await makeFixtures(ferry, [
    { name: 'a.txt', size: 100 },
    { name: 'b.txt', size: 200 },
  ]);
  await dropFiles(page, ['a.txt', 'b.txt']);
  await expect(page.locator('[data-testid="upload-row"][data-state="done"]')).toHaveCount(2, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Copy all links' }).click();
  await expect(page.getByTestId('toast')).toContainText('2 links copied');
  expect(ferry.ports.clipboard.writes).toHaveLength(1);
  const lines = ferry.ports.clipboard.text.split('\n');
  expect(lines).toHaveLength(2);
  for (const [i, name] of ['a.txt', 'b.txt'].entries()) {
    expect(lines[i]).toContain(name);
    expect((await fetch(lines[i]!)).status).toBe(200);
  }
});
