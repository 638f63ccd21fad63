import { test, expect, noKeychainReason } from './support/harness.ts';
import { dropFiles, makeFixtures } from './support/fixtures.ts';
import { expectAccessible, snap } from './support/screens.ts';
import { checkPolicy } from '../../src-main/policy/policyModel.ts';
import { ReceiptStore } from '../../src-main/links/receipts/receiptStore.ts';

test.skip(Boolean(noKeychainReason), String(noKeychainReason));

const CONNECT_LINK = 'ferry://connect?name=Acme%20Share&bucket=acme-share&region=cn-hangzhou&role=acs:ram::1234567890123456:role/ferry-user&prefix=reports/%7Buser%7D/';

// Every screen, wide and narrow, light and dark, English and 简体中文: screenshots for people, axe for machines.
for (const width of [1000, 420] as const) {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const lang of ['en', 'zh-CN'] as const) {
      test(`every screen passes axe and is captured (${width}px, ${colorScheme}, ${lang})`, async ({ page, ferry }) => {
        await page.setViewportSize({ width, height: 700 });
        await page.emulateMedia({ colorScheme });
        await ferry.services.settings.update({ language: lang });
        await ferry.open();
        const shot = async (screen: string) => {
          await expectAccessible(page, `${screen} ${width} ${colorScheme} ${lang}`);
          await snap(page, `${screen}-${width}-${colorScheme}-${lang}`);
        };
        await expect(page.locator('html')).toHaveAttribute('lang', lang);

        await expect(page.locator('[data-screen="first-run"]')).toBeVisible();
        await shot('first-run');

        await page.locator('.choice').nth(1).click();
        await expect(page.getByTestId('connect-form')).toBeVisible();
        await shot('connect');
        await page.getByTestId('connect-form').locator('button[type="submit"]').click();
        await expect(page.locator('#name-problem')).toBeVisible();
        await shot('connect-errors');

        // IT's connection link pasted: the one-screen summary, then its "Details for IT" opened.
        await page.locator('[aria-labelledby="import-title"] textarea').fill(CONNECT_LINK);
        await page.locator('[aria-labelledby="import-title"] button').last().click();
        await expect(page.getByTestId('connect-summary')).toBeVisible();
        await expect(page.getByTestId('connect-where')).toContainText('reports/');
        await shot('connect-summary');
        await page.getByTestId('details-for-it').locator('summary').click();
        await expect(page.getByTestId('connection-settings')).toBeVisible();
        await page.getByTestId('details-for-it').evaluate((details) => details.scrollIntoView({ block: 'start' }));
        await shot('connect-summary-details');
        await page.getByTestId('details-for-it').locator('summary').click();
        // The AccessKey.csv dropped on it: main holds the key, the screen names its masked ID.
        const csv = await page.evaluateHandle(() => {
          const transfer = new DataTransfer();
          transfer.items.add(new File(['AccessKey ID,AccessKey Secret\nFakeKeyIdForScreens01,FakeSecretForScreens0123456789\n'], 'AccessKey.csv'));
          return transfer;
        });
        await page.dispatchEvent('[data-testid="connect-summary"]', 'drop', { dataTransfer: csv });
        await expect(page.getByTestId('key-ready')).toBeVisible();
        await shot('connect-summary-key-ready');

        await page.locator('.page-head button').click();
        await page.locator('.choice').first().click();
        await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });
        await expect(page.getByTestId('status-bar')).toBeVisible();
        await shot('main-empty');

        const files = await makeFixtures(ferry, [
          { name: 'Budget 2026.xlsx', size: 40 * 1024 },
          { name: '会议纪要.docx', size: 120 * 1024 },
          { name: 'Quarterly report for the board meeting, final version approved by finance.pdf', size: 64 * 1024 },
        ]);
        await dropFiles(page, files.map((f) => f.name));
        await expect(page.locator('[data-testid="upload-row"][data-state="done"]')).toHaveCount(3, { timeout: 30_000 });
        // The drop's files are sent: Share as one link is offered for that drop.
        await expect(page.getByTestId('drop-offer')).toBeVisible();
        await shot('main-drop-offer');
        await page.getByTestId('drop-offer').locator('button.secondary').click();
        await expect(page.getByTestId('drop-offer')).toBeHidden();
        await page.getByTestId('copy-link').first().click();
        await expect(page.getByTestId('toast')).toBeVisible();
        await shot('main');

        await page.getByTestId('toast').locator('.dismiss').click();
        await page.locator('[aria-haspopup="menu"]').first().click();
        await expect(page.getByRole('menu')).toBeVisible();
        await expect(page.getByRole('menuitem').first()).toBeFocused();
        // The whole menu fits in the window (placed above the button when below would overflow).
        await expect(page.getByRole('menuitem').last()).toBeInViewport({ ratio: 1 });
        await shot('main-link-menu');
        // "Copy link for one address…": the recipient's IP address or range.
        await page.getByRole('menuitem').last().click();
        await expect(page.getByTestId('address-link-dialog')).toBeVisible();
        await shot('main-address-link');
        await page.keyboard.press('Escape');
        await expect(page.getByTestId('address-link-dialog')).toBeHidden();

        // Share as one link: two sent files ticked, then the QR code of the one link.
        for (const box of (await page.getByTestId('choose-row').all()).slice(0, 2)) await box.check();
        await expect(page.getByTestId('share-as-one-link')).toBeVisible();
        await shot('main-share-as-one');
        await page.getByTestId('share-as-one-link').click();
        await expect(page.getByTestId('toast-action')).toBeVisible({ timeout: 30_000 });
        await page.getByTestId('toast-action').click();
        await expect(page.getByTestId('qr-code')).toBeVisible();
        await shot('qr-code');
        await page.keyboard.press('Escape');
        await expect(page.getByRole('dialog')).toBeHidden();

        await page.locator('nav button').nth(1).click();
        await expect(page.getByTestId('link-row')).toHaveCount(2);
        await page.getByTestId('choose-link').first().check();
        await shot('links');

        await page.getByTestId('link-row').first().locator('button.danger').click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await shot('links-stop-sharing');
        await page.keyboard.press('Escape');
        await expect(page.getByRole('dialog')).toBeHidden();

        // "Opened" receipts as the access-log reader records them (links/receipts/), and a 1-hour link in
        // its last minutes that nobody opened: marked, with Renew offered first.
        const [opened] = (await ferry.services.links.service.list()).entries;
        const unopened = await ferry.services.links.service.copy({ objectKey: opened!.objectKey, profileId: opened!.profileId, expiry: '1h' }, lang);
        const store = new ReceiptStore(ferry.home);
        const at = ferry.clock.now();
        const chrome = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
        await store.record('screens', 'screens-1', [
          { linkId: opened!.id, open: { at: at + 60_000, ip: '203.0.113.24', agent: chrome } },
          { linkId: opened!.id, open: { at: at + 5 * 60_000, ip: '203.0.113.24', agent: chrome } },
          { linkId: opened!.id, open: { at: at + 20 * 60_000, ip: '198.51.100.7', agent: 'curl/7.88.1' } },
        ]);
        ferry.clock.offset += 50 * 60_000;
        await store.markRead(opened!.profileId, ferry.clock.now());
        await page.locator('nav button').nth(0).click();
        await page.locator('nav button').nth(1).click();
        await expect(page.getByTestId('link-row')).toHaveCount(3);
        const openedRow = page.locator(`[data-entry-id="${opened!.id}"]`);
        await openedRow.getByTestId('link-opens').locator('summary').click();
        await expect(openedRow.getByTestId('link-opens').locator('li')).toHaveCount(3);
        // The program in people's words; the whole User-Agent stays in the row's tooltip.
        await expect(openedRow.getByTestId('link-opens').locator('li').last()).toContainText(lang === 'en' ? '203.0.113.24 — Chrome on Windows' : '203.0.113.24 — Windows 上的 Chrome');
        await expect(openedRow.getByTestId('link-opens').locator('li').first()).toContainText('198.51.100.7 — curl');
        await expect(page.locator(`[data-entry-id="${unopened.linkId}"]`).getByTestId('link-opens')).toBeVisible();
        await shot('links-receipts');
        ferry.clock.offset -= 50 * 60_000;

        await page.locator('nav button').nth(2).click();
        await expect(page.locator('[data-screen="settings"]')).toBeVisible();
        await shot('settings');

        // Network: "This proxy" tried with Test before it is saved (nothing listens there: plain-words failure).
        const network = page.getByTestId('network-section');
        await network.getByTestId('proxy-address').fill('127.0.0.1:9');
        await network.getByRole('button', { name: lang === 'en' ? 'Test' : '测试' }).click();
        await expect(network.locator('[data-status="failed"]')).toHaveCount(1, { timeout: 30_000 });
        await network.scrollIntoViewIfNeeded();
        await shot('settings-network');

        // A proxy asks for a login: the window's prompt names it.
        ferry.ports.events.emit('network.proxyLoginNeeded', { proxy: 'proxy.example.com:8080', wrong: false });
        await expect(page.getByTestId('proxy-login')).toBeVisible();
        await shot('proxy-login');
        await page.keyboard.press('Escape');
        await expect(page.getByTestId('proxy-login')).toBeHidden();

        // A big batch, paused, and the question Cancel all asks first.
        await page.locator('nav button').nth(0).click();
        const profileId = (await ferry.services.accounts.active())!.id;
        const batch = Array.from({ length: 40 }, (_, i) => ({
          id: `bulk-${i}`,
          name: `scan-${String(i).padStart(3, '0')}.jpg`,
          size: 2_000_000,
          bytesDone: 800_000,
          state: 'paused' as const,
          speed: 0,
          etaSeconds: null,
          profileId,
        }));
        ferry.ports.events.emit('uploads.changed', { items: batch, removed: [] });
        await expect(page.getByTestId('queue-summary')).toContainText(lang === 'en' ? 'Paused' : '已暂停');
        await shot('main-paused');
        await page.locator('.summary button').nth(1).click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await shot('main-cancel-all');
        await page.keyboard.press('Escape');
      });
    }
  }
}

// IT's managed settings: a locked preset connection and the expiry IT set; the trial turned off; a malformed policy.
const MANAGED = checkPolicy(
  {
    connections: [{ id: 'acme', locked: true, name: 'Acme Share', region: 'cn-shanghai', bucket: 'acme-share', roleArn: 'acs:ram::1234567890123456:role/ferry-staff' }],
    maxLinkExpiry: '1d',
    defaultLinkExpiry: '1d',
    disableTrial: true,
  },
  '/etc/ferry/policy.json',
);
const MALFORMED = checkPolicy({ maxLinkExpiry: '30d', disableTrial: true }, '/etc/ferry/policy.json');

for (const [state, policy] of [['managed', MANAGED], ['policy-problem', MALFORMED]] as const) {
  test.describe(`IT's settings: ${state}`, () => {
    test.use({ policy });
    for (const width of [1000, 420] as const) {
      for (const colorScheme of ['light', 'dark'] as const) {
        for (const lang of ['en', 'zh-CN'] as const) {
          test(`are shown in Settings, pass axe and are captured (${width}px, ${colorScheme}, ${lang})`, async ({ page, ferry }) => {
            await page.setViewportSize({ width, height: 700 });
            await page.emulateMedia({ colorScheme });
            await ferry.services.settings.update({ language: lang });
            await ferry.open();
            const shot = async (screen: string) => {
              await expectAccessible(page, `${screen} ${width} ${colorScheme} ${lang}`);
              await snap(page, `${screen}-${width}-${colorScheme}-${lang}`);
            };
            const setByIt = lang === 'en' ? 'Set by your IT department' : '由您的 IT 部门设置';
            if (state === 'policy-problem') {
              // Nothing of a malformed policy applies: the trial is still offered.
              await expect(page.locator('[data-screen="first-run"] .choice')).toHaveCount(2);
              await page.locator('.choice').first().click();
              await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });
              await page.locator('nav button').nth(2).click();
              await expect(page.getByTestId('policy-problem')).toContainText(lang === 'en' ? 'ignoring all of them: maxLinkExpiry' : '忽略了其中的全部设置：maxLinkExpiry');
              await expect(page.getByTestId('set-by-it')).toHaveCount(0);
              await shot('settings-policy-problem');
              return;
            }
            // The preset is the active connection: Settings shows it locked, its default expiry set by IT.
            await expect(page.locator('[data-screen="main"]')).toBeVisible();
            await page.locator('nav button').nth(2).click();
            await expect(page.locator('[data-screen="settings"]')).toBeVisible();
            await expect(page.getByTestId('set-by-it')).toHaveCount(2);
            await expect(page.getByTestId('set-by-it').first()).toHaveText(new RegExp(setByIt));
            const row = page.locator('.profiles li').first();
            await expect(row.getByRole('button', { name: lang === 'en' ? 'Remove' : '移除' })).toBeDisabled();
            const expiry = page.locator('#defaults-title ~ .settings-fields select').first();
            await expect(expiry).toBeDisabled();
            await expect(expiry.locator('option')).toHaveText(lang === 'en' ? ['1 hour', 'the rest of today', '1 day'] : [/./, /./, /./]);
            await shot('settings-managed');
            // The trial is off: the first screen offers only the connection IT gave.
            await ferry.services.accounts.store.update((file) => ({ ...file, activeId: null, profiles: [] }));
            await ferry.open();
            await expect(page.locator('[data-screen="first-run"] .choice')).toHaveCount(1);
            await shot('first-run-managed');
          });
        }
      }
    }
  });
}
