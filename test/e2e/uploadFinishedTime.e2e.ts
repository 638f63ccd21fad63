import type { Locator, Page } from '@playwright/test';
import { test, expect, noKeychainReason } from './support/harness.ts';
import { dropFiles, makeFixtures } from './support/fixtures.ts';
import { expectAccessible, snap } from './support/screens.ts';

test.skip(Boolean(noKeychainReason), String(noKeychainReason));

// An office in Shanghai. Uploads finish at the real time (the sandbox refuses a skewed clock); the page's
// clock is then moved on to read the same rows a day, days and a year later.
const TIME_ZONE = 'Asia/Shanghai';
test.use({ timezoneId: TIME_ZONE });
const DAY = 86_400_000;

const inOffice = (lang: string, options: Intl.DateTimeFormatOptions) => (ms: number) => new Intl.DateTimeFormat(lang, { ...options, timeZone: TIME_ZONE }).format(ms);
const hhmm = inOffice('en', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const hhmmss = inOffice('en', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
const year = inOffice('en', { year: 'numeric' });

const finished = (page: Page, name: string): Locator => page.getByTestId('upload-row').filter({ hasText: name }).getByTestId('upload-finished');

/** The page's clock stands at `ms`; the window gets focus, which is when it re-reads the date. */
async function pageTimeIs(page: Page, ms: number): Promise<void> {
  await page.clock.setSystemTime(ms);
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
}

test('a finished upload says when: the time today, "yesterday", else the date; the full time in a tooltip; the row keeps its height', async ({ page, ferry }) => {
  await page.clock.install();
  await ferry.open();
  await page.getByRole('button', { name: /Try it on this computer/ }).click();
  await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });
  const names = ['会议纪要.docx', 'Budget 2026 — final, really final.xlsx'];
  const files = await makeFixtures(ferry, names.map((name) => ({ name, size: 2048 })));
  await dropFiles(page, files.map((f) => f.name));
  const done = async () => (await ferry.table['uploads.list'](undefined, { lang: 'en' })).items.filter((i) => i.state === 'done');
  await expect.poll(async () => (await done()).length, { timeout: 60_000 }).toBe(2);
  const at = (await done()).find((i) => i.name === names[0])!.finishedAt!;
  const row = finished(page, names[0]!);

  await pageTimeIs(page, at);
  await expect(row).toHaveText(`Uploaded ${hhmm(at)}`);
  await expect(row).toHaveAttribute('title', `Uploaded ${inOffice('en', { dateStyle: 'full' })(at)} at ${hhmmss(at)}`);
  await expect(row).toHaveAttribute('datetime', new Date(at).toISOString());
  await expect(finished(page, names[1]!)).toHaveText(/^Uploaded \d\d:\d\d$/);
  // The list is virtualized: a row with its time is exactly as tall as the list assumes.
  const heights = await page.getByTestId('upload-row').evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
  expect(heights).toEqual([80, 80]);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectAccessible(page, `main with finish times, ${colorScheme}, en`);
    await snap(page, `main-finished-${colorScheme}-en`);
  }

  await pageTimeIs(page, at + DAY);
  await expect(row).toHaveText(`Uploaded yesterday ${hhmm(at)}`);
  await pageTimeIs(page, at + 2 * DAY);
  const sameYear = year(at) === year(at + 2 * DAY);
  await expect(row).toHaveText(`Uploaded ${inOffice('en', { month: 'short', day: 'numeric', ...(sameYear ? {} : { year: 'numeric' }) })(at)}`);
  await pageTimeIs(page, at + 400 * DAY);
  await expect(row).toHaveText(`Uploaded ${inOffice('en', { month: 'short', day: 'numeric', year: 'numeric' })(at)}`);

  await ferry.table['settings.update']({ language: 'zh-CN' }, { lang: 'en' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(row).toHaveText(`上传于 ${inOffice('zh-CN', { year: 'numeric', month: 'short', day: 'numeric' })(at)}`);
  await expect(row).toHaveText(/^上传于 \d{4}年\d{1,2}月\d{1,2}日$/);
  await pageTimeIs(page, at + DAY);
  await expect(row).toHaveText(`上传于昨天 ${hhmm(at)}`);
  await pageTimeIs(page, at);
  await expect(row).toHaveText(`上传于 ${hhmm(at)}`);
  await expect(row).toHaveAttribute('title', `上传于 ${inOffice('zh-CN', { dateStyle: 'full' })(at)} ${hhmmss(at)}`);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectAccessible(page, `main with finish times, ${colorScheme}, zh-CN`);
    await snap(page, `main-finished-${colorScheme}-zh-CN`);
  }

  // A window left open past midnight moves its rows on a day by itself (no focus, no reload).
  const midnight = Date.parse(`${inOffice('en-CA', {})(at)}T00:00:00+08:00`) + DAY;
  await page.clock.fastForward(midnight - at + 5_000);
  await expect(row).toHaveText(`上传于昨天 ${hhmm(at)}`);
});
