import { test, expect, noKeychainReason } from './support/harness.ts';
import type { EventPayloadOf } from '../../src-main/contract.ts';

test.skip(Boolean(noKeychainReason), String(noKeychainReason));

type Item = EventPayloadOf<'uploads.changed'>['items'][number];

function item(i: number, state: Item['state'], bytesDone = 0): Item {
  return { id: `bulk-${i}`, name: `scan-${String(i).padStart(5, '0')}.jpg`, size: 2_000_000, bytesDone, state, speed: 0, etaSeconds: null, profileId: 'p' };
}

// The renderer half of "a 10,000-file queue stays smooth": only the rows in view exist, batches apply.
test('a 10,000-file queue renders a window of rows and follows batched changes', async ({ page, ferry }) => {
  await ferry.open();
  await page.getByRole('button', { name: /Try it on this computer/ }).click();
  await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });

  const items = Array.from({ length: 10_000 }, (_, i) => item(i, 'queued'));
  ferry.ports.events.emit('uploads.changed', { items, removed: [] });

  const rows = page.getByTestId('upload-row');
  await expect(rows.first()).toHaveAttribute('aria-setsize', '10000');
  expect(await rows.count()).toBeLessThan(60);
  await expect(page.getByTestId('queue-summary')).toContainText('10000');

  await page.getByTestId('upload-list').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(rows.filter({ hasText: 'scan-09999.jpg' })).toBeVisible();
  expect(await rows.count()).toBeLessThan(60);

  // A batch touching items at both ends updates what is visible and what is counted.
  ferry.ports.events.emit('uploads.changed', { items: [item(9_999, 'uploading', 1_000_000), item(0, 'done', 2_000_000)], removed: ['bulk-9998'] });
  await expect(rows.filter({ hasText: 'scan-09999.jpg' })).toContainText('50%');
  await expect(rows.filter({ hasText: 'scan-09998.jpg' })).toHaveCount(0);
  await expect(rows.first()).toHaveAttribute('aria-setsize', '9999');
});
