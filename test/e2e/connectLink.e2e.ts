import type { Page } from '@playwright/test';
import { test, expect, type Harness } from './support/harness.ts';
import { handOffLaunch } from '../../src-main/os/launchHandOff.ts';
import { expectAccessible, snap } from './support/screens.ts';
import { currentUserName } from '../../src-main/accounts/prefixTemplate.ts';

// A ferry://connect link as IT sends it: no secret, the user adds the key.
const good =
  'ferry://connect?name=Acme%20Design&bucket=acme-share&region=cn-hangzhou&endpoint=oss-cn-hangzhou.aliyuncs.com' +
  '&role=acs:ram::1234567890123456:role/ferry-user&prefix=team/%7Buser%7D/';

const hostile: [what: string, url: string, message: string][] = [
  [
    'carries a secret key',
    'ferry://connect?name=Acme&bucket=acme-share&region=cn-hangzhou&accessKeySecret=abcdefghijklmnopqrstuvwxyz0123',
    'This connection contains a secret key, which connection files must never carry. Ferry refused it; tell IT, and delete the file or message.',
  ],
  [
    'points at a plain-http endpoint',
    'ferry://connect?name=Acme&bucket=acme-share&region=cn-hangzhou&endpoint=http://evil.example',
    'The address in "endpoint" must start with https:// (plain http:// is allowed only for this computer, like http://127.0.0.1). Correct it and try again.',
  ],
  [
    'asks for something else',
    'ferry://delete-everything?bucket=acme-share',
    'This ferry:// link asks for something Ferry does not do. Only connection links from your IT team (ferry://connect?…) can be opened.',
  ],
];

/**
 * What the app does with a link the OS hands it (see shell/electronOs.ts and main.ts): `firstLaunch` when
 * the link started Ferry, so main handles it before the page has loaded.
 */
function openFromOs(ferry: Harness, url: string, firstLaunch = false) {
  return handOffLaunch(
    { files: [], urls: [url], hidden: false },
    {
      addUploads: () => Promise.reject(new Error('no files in this launch')),
      openConnect: (profile) => ferry.services.navigation.connect(profile),
      window: ferry.ports.window,
      notifications: ferry.ports.notifications,
      lang: () => 'en',
    },
    { firstLaunch },
  );
}

const navigations = (ferry: Harness) => ferry.ports.events.emitted.filter((e) => e.event === 'app.navigate');

/** The one-screen summary of IT's connection: plain words up front, every setting under "Details for IT". */
async function expectFilledFromLink(page: Page): Promise<void> {
  await expect(page.locator('[data-screen="connect"]')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connect to Acme Design');
  await expect(page.getByTestId('connect-where')).toHaveText(`Acme Design — your folder: team/${currentUserName()}`);
  const details = page.getByTestId('details-for-it');
  await details.locator('summary').click();
  const settings = page.getByTestId('connection-settings');
  for (const value of ['acme-share', 'cn-hangzhou', 'https://oss-cn-hangzhou.aliyuncs.com', 'acs:ram::1234567890123456:role/ferry-user', 'team/{user}/']) {
    await expect(settings).toContainText(value);
  }
  await details.locator('summary').click();
  // The key is never in the link: the person gives it.
  await expect(page.getByLabel('Or paste the two lines IT sent you (AccessKey ID, then secret)')).toHaveValue('');
  await expect(page.getByTestId('key-ready')).toHaveCount(0);
  await expect(page.getByTestId('live-region')).toContainText('Filled in the details for Acme Design.');
}

async function expectEmptyForm(page: Page): Promise<void> {
  for (const label of ['Name for this connection', 'Bucket', 'Role ARN']) await expect(page.getByLabel(label, { exact: true })).toHaveValue('');
}

test('a ferry://connect link opened from the OS opens the connect screen with its one-screen summary', async ({ page, ferry }) => {
  await ferry.open();
  await expect(page.locator('[data-screen="first-run"]')).toBeVisible();

  expect(await openFromOs(ferry, good)).toMatchObject({ connect: 1, rejected: [] });
  await expectFilledFromLink(page);
  expect(ferry.ports.notifications.shown).toEqual([]);
});

test('a ferry://connect link that launched Ferry waits in main until the page has loaded, and is shown once', async ({ page, ferry }) => {
  // Cold start: main handles the link while the page is still blank, so the event reaches nobody.
  expect(await openFromOs(ferry, good, true)).toMatchObject({ connect: 1, rejected: [] });
  expect(navigations(ferry)).toHaveLength(1);
  await ferry.open();
  await expectFilledFromLink(page);
  expect(ferry.calls).toContain('app.takeNavigation');

  // Delivered: a window loaded later starts where it normally does, with an empty form.
  await page.reload();
  await page.locator('[data-ready="true"]').waitFor();
  await expect(page.locator('[data-screen="first-run"]')).toBeVisible();
  await page.locator('.choice').nth(1).click();
  await expect(page.getByTestId('connect-form')).toBeVisible();
  await expectEmptyForm(page);
  expect(ferry.services.navigation.take()).toBeNull();
});

test('a hostile ferry:// link from the OS is refused with a plain-language notice; the window is left alone', async ({ page, ferry }) => {
  await ferry.open();
  for (const [what, url, message] of hostile) {
    const before = ferry.ports.notifications.shown.length;
    expect(await openFromOs(ferry, url), what).toMatchObject({ connect: 0 });
    expect(ferry.ports.notifications.shown.slice(before), what).toEqual([expect.objectContaining({ title: 'Ferry', body: message })]);
    expect(JSON.stringify(ferry.ports.notifications.shown)).not.toContain('abcdefghijklmnopqrstuvwxyz0123');
  }
  expect(navigations(ferry)).toEqual([]);
  expect(ferry.services.navigation.take()).toBeNull();
  await expect(page.locator('[data-screen="first-run"]')).toBeVisible();
});

test('a hostile link pasted on the connect screen shows the plain-language error and fills in nothing', async ({ page, ferry }) => {
  await ferry.open();
  await page.locator('.choice').nth(1).click();
  await expect(page.getByTestId('connect-form')).toBeVisible();
  for (const [what, url, message] of hostile.slice(0, 2)) {
    await page.getByLabel('Or paste the link or text IT sent you').fill(url);
    await page.getByRole('button', { name: 'Use this' }).click();
    await expect(page.getByRole('alert'), what).toHaveText(message);
    await expectEmptyForm(page);
  }
});

// What a hostile web page's link can carry: IT's real fields plus its own STS host, which the form has no field for.
const relayed = `${good}&sts=https://sts.relay.example.net`;

test('a ferry://connect link with its own STS host: the host is shown before the key is typed, and main asks by name before using it', async ({ page, ferry }) => {
  await ferry.open();
  expect(await openFromOs(ferry, relayed)).toMatchObject({ connect: 1, rejected: [] });
  await expectFilledFromLink(page);
  // Named up front, before the key is given…
  await expect(page.getByTestId('connect-untrusted')).toContainText('sts.relay.example.net, which is not Alibaba Cloud.');
  // …and under "Details for IT" with every other host and setting.
  await page.getByTestId('details-for-it').locator('summary').click();
  const where = page.getByTestId('key-destinations');
  await expect(where.locator('li').filter({ hasText: 'sts.relay.example.net' })).toContainText('Not Alibaba Cloud');
  await expect(where.locator('li').filter({ hasText: 'oss-cn-hangzhou.aliyuncs.com' })).toContainText('Alibaba Cloud or this computer');
  await expect(page.getByTestId('imported-settings')).toContainText("Your AccessKey, kept in this computer's keychain");

  for (const [colorScheme, lang, width] of [
    ['light', 'en', 1000],
    ['dark', 'en', 420],
    ['light', 'zh-CN', 420],
    ['dark', 'zh-CN', 1000],
  ] as const) {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width, height: 900 });
    await ferry.table['settings.update']({ language: lang }, { lang });
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await page.getByTestId('connect-untrusted').scrollIntoViewIfNeeded();
    await expectAccessible(page, `connect with an untrusted host ${colorScheme} ${lang} ${width}`);
    await snap(page, `connect-untrusted-host-${colorScheme}-${lang}-${width}`);
  }
  await ferry.table['settings.update']({ language: 'en' }, { lang: 'en' });
  await page.setViewportSize({ width: 1000, height: 680 });

  await page.getByLabel('Or paste the two lines IT sent you (AccessKey ID, then secret)').fill('FakeKeyIdForTheRelayTest\nFakeSecretForTheRelayTest0123');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByTestId('connect-error')).toHaveText(
    'Nothing was saved: you chose not to use sts.relay.example.net. If IT gave you this connection, ask them whether that address is right.',
  );
  const asked = ferry.ports.dialog.calls.filter((c) => c.kind === 'confirm').map((c) => c.options as { message: string; buttons: string[]; defaultId: number });
  expect(asked).toEqual([expect.objectContaining({ message: "Send your key's sign-ins and your files to sts.relay.example.net?", buttons: ['Use this address', 'Cancel'], defaultId: 1 })]);
  expect((await ferry.table['profiles.list'](undefined, { lang: 'en' })).profiles).toEqual([]);
  expect(ferry.calls).not.toContain('profiles.test');
});
