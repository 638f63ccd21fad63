import { test, expect, noKeychainReason } from './support/harness.ts';
import { dropFiles, makeFixtures } from './support/fixtures.ts';
import { snap } from './support/screens.ts';

test.skip(Boolean(noKeychainReason), String(noKeychainReason));

const DAY = 86_400_000;

test('the trial keeps the 7-day choice, and its first link says once that trial links open only here', async ({ page, ferry }) => {
  await ferry.open();
  await page.getByRole('button', { name: /Try it on this computer/ }).click();
  await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });
  const [file] = await makeFixtures(ferry, [{ name: 'brochure.pdf', size: 3000 }]);
  await dropFiles(page, [file!.name]);

  await page.getByTestId('copy-link').click({ timeout: 30_000 });
  const toast = page.getByTestId('toast');
  await expect(toast).toContainText('Trial links open only on this computer. To share files with other people, open Settings');
  await expect(toast).not.toContainText('sooner');
  await snap(page, 'trial-first-link-toast-light-en');

  await page.getByRole('button', { name: 'More link options for brochure.pdf' }).click();
  await expect(page.getByRole('menu')).not.toContainText("Right now links can't last");
  await page.getByRole('menuitem', { name: /7 days/ }).click();
  await expect.poll(() => ferry.ports.clipboard.writes.length).toBe(2);
  await expect(toast).toContainText(/^Link copied — works until [^.]+$/);
  const week = ferry.ports.clipboard.text;
  expect(new URL(week).searchParams.get('x-oss-expires')).toBe('604800');

  ferry.clock.offset = 6 * DAY;
  const later = await fetch(week);
  expect(later.status).toBe(200);
  expect(Buffer.from(await later.arrayBuffer()).equals(file!.bytes)).toBe(true);
});
