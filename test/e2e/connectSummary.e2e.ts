import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, noKeychainReason, type Harness } from './support/harness.ts';
import { expectAccessible, snap } from './support/screens.ts';
import { demoConfig, generateDemoKey, startSandbox, type SandboxHandle } from '../../src-main/sandbox/index.ts';
import type { DemoKey } from '../../src-main/sandbox/demo.ts';
import { currentUserName } from '../../src-main/accounts/prefixTemplate.ts';
import { Keychain } from '../../src-main/credentials/keychain.ts';
import { assumeRole } from '../../src-main/credentials/stsClient.ts';
import { createNetwork } from '../../src-main/network/network.ts';
import { filesContaining } from '../support/filesContaining.ts';

test.skip(Boolean(noKeychainReason), String(noKeychainReason));

/** The labels of technical fields, as the connect form words them; none may be visible outside "Details for IT". */
const JARGON = {
  en: /Bucket|Region|Endpoint|Role ARN|Signature|STS/,
  'zh-CN': /Bucket|存储空间|地域|Region|访问域名|Endpoint|角色 ARN|Role ARN|签名|STS/,
} as const;

interface Company {
  sandbox: SandboxHandle;
  key: DemoKey;
  /** IT's connection file, written where a mail attachment would be saved. */
  file: string;
  dir: string;
  close(): Promise<void>;
}

async function company(fields: Record<string, unknown> = {}): Promise<Company> {
  const key = generateDemoKey();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ferry-e2e-company-'));
  const sandbox = await startSandbox({ dataDir: path.join(dir, 'sandbox'), config: demoConfig({ key, bucket: 'acme-share' }) });
  const file = path.join(dir, 'Acme Share.ferry.json');
  const connection = {
    ferry: 1,
    name: 'Acme Share',
    bucket: 'acme-share',
    region: 'cn-hangzhou',
    endpoint: sandbox.ossEndpoint,
    stsEndpoint: sandbox.stsEndpoint,
    roleArn: sandbox.demo!.roleArn,
    prefixTemplate: 'shared/{user}/',
    ...fields,
  };
  writeFileSync(file, JSON.stringify(connection, null, 2));
  return {
    sandbox,
    key,
    file,
    dir,
    async close() {
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** First run → "set up with company details" → "Open connection file…" (main's dialog answers with IT's file). */
async function openConnectionFile(page: Page, ferry: Harness, file: string): Promise<void> {
  await ferry.open();
  await page.locator('.choice').nth(1).click();
  ferry.ports.dialog.nextOpen.push([file]);
  await page.getByRole('button', { name: /Open connection file|打开连接文件/ }).click();
  await expect(page.getByTestId('connect-summary')).toBeVisible();
}

/** Drops a file with these bytes on the screen, as a file manager does. */
async function dropFile(page: Page, name: string, content: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ([fileName, text]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], fileName, { type: 'text/csv' }));
      return transfer;
    },
    [name, content] as const,
  );
  for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent('[data-testid="connect-summary"]', type, { dataTransfer });
}

async function setLanguage(page: Page, ferry: Harness, lang: 'en' | 'zh-CN'): Promise<void> {
  await ferry.table['settings.update']({ language: lang }, { lang });
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

const visibleText = (page: Page) => page.locator('main').innerText();
const consoleCsv = (key: DemoKey) => `\ufeffAccessKey ID,AccessKey Secret\r\n${key.id},${key.secret}\r\n`;

test('a connection file opens one plain screen (en and 中文), the AccessKey.csv is dropped on it, and the person is connected', async ({ page, ferry }) => {
  const it = await company();
  try {
    await openConnectionFile(page, ferry, it.file);
    const folder = `shared/${currentUserName()}`;

    // English: whose storage, where the files go, what to supply — and no technical field in sight.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connect to Acme Share');
    await expect(page.getByTestId('connect-where')).toHaveText(`Acme Share — your folder: ${folder}`);
    await expect(page.getByTestId('key-supply')).toContainText('Drop the AccessKey.csv file here');
    expect(await visibleText(page)).not.toMatch(JARGON.en);
    await expect(page.getByTestId('details-for-it')).not.toHaveAttribute('open');
    await expectAccessible(page, 'connect summary en');

    // 简体中文: the same screen, the same rule.
    await setLanguage(page, ferry, 'zh-CN');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('连接到 Acme Share');
    await expect(page.getByTestId('connect-where')).toHaveText(`Acme Share — 您的文件夹：${folder}`);
    await expect(page.getByTestId('key-supply')).toContainText('把 AccessKey.csv 文件拖到这里');
    expect(await visibleText(page)).not.toMatch(JARGON['zh-CN']);
    await expectAccessible(page, 'connect summary zh-CN');

    // The technical details are there for IT, one click away (and the check above would have seen them).
    await page.getByText('给 IT 看的详细信息').click();
    await expect(page.getByTestId('connection-settings')).toContainText('acme-share');
    expect(await visibleText(page)).toMatch(JARGON['zh-CN']);
    await page.getByText('给 IT 看的详细信息').click();
    await setLanguage(page, ferry, 'en');

    // The AccessKey.csv from the console, dropped on the screen: main reads it, the page shows the masked ID only.
    await dropFile(page, 'AccessKey.csv', consoleCsv(it.key));
    const masked = `${it.key.id.slice(0, 4)}••••${it.key.id.slice(-4)}`;
    await expect(page.getByTestId('key-ready')).toContainText(`Key ${masked} is ready.`);
    await expect(page.getByTestId('live-region')).toContainText(`Key ${masked} is ready.`);
    expect(await page.content()).not.toContain(it.key.secret);

    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(page.locator('.success-text')).toHaveText('Connected. Everything works.', { timeout: 30_000 });
    await expect(page.locator('[data-testid="test-steps"] [data-status="ok"]')).not.toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Start sending files' })).toBeFocused();
    await expectAccessible(page, 'connect summary, connected');
    await snap(page, 'connect-summary-connected-light-en-1000');
    await page.getByRole('button', { name: 'Start sending files' }).click();
    await expect(page.locator('[data-screen="main"]')).toBeVisible();
    await expect(page.getByTestId('status-bar')).toContainText('Acme Share');

    // The secret went to the keychain and nowhere else: not the data folder, not the page, not the calls.
    const { profiles, activeId } = await ferry.services.accounts.list();
    expect(profiles).toEqual([expect.objectContaining({ id: activeId, name: 'Acme Share', maskedAccessKeyId: masked })]);
    expect(await new Keychain().read(activeId!)).toMatchObject({ accessKeyId: it.key.id, accessKeySecret: it.key.secret });
    expect(await filesContaining(ferry.home, [it.key.secret])).toEqual([]);
    expect(await page.content()).not.toContain(it.key.secret);
    expect(ferry.calls).toEqual(expect.arrayContaining(['profiles.pickConnectionFile', 'profiles.readKey', 'profiles.save', 'profiles.test']));
    await ferry.services.accounts.remove(activeId!, { confirmed: true });
  } finally {
    await it.close();
  }
});

test('the key pasted as IT sent it, or picked in the file dialog; odd files get a plain answer on the screen', async ({ page, ferry }) => {
  const it = await company();
  try {
    await openConnectionFile(page, ferry, it.file);
    // Connect with nothing given: the screen says what to do.
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(page.getByTestId('key-error')).toHaveText('Give Ferry your key first: drop the AccessKey.csv file IT gave you, choose it with "Choose the file…", or paste its two lines.');
    expect(ferry.calls).not.toContain('profiles.save');

    await dropFile(page, 'AccessKey.csv', `AccessKey ID,AccessKey Secret\n${it.key.id},${it.key.secret}\nFakeKeyId5tOther000000,${it.key.secret}\n`);
    await expect(page.getByTestId('key-error')).toHaveText(
      'This file holds 2 different keys, so Ferry cannot tell which one is yours. Ask IT for a file with only your key, or paste your own key\'s two lines instead.',
    );
    await dropFile(page, 'photo.png', '\u0089PNG\r\n\u001a\n\u0000\u0000');
    await expect(page.getByTestId('key-error')).toContainText('This file is not an AccessKey file');
    await snap(page, 'connect-summary-key-error-light-en-1000');

    // Main's dialog, recorded by the fake: the picked file is read where it is.
    const picked = path.join(it.dir, 'AccessKey.csv');
    writeFileSync(picked, consoleCsv(it.key));
    ferry.ports.dialog.nextOpen.push([picked]);
    await page.getByRole('button', { name: 'Choose the file…' }).click();
    await expect(page.getByTestId('key-ready')).toBeVisible();
    expect(ferry.ports.dialog.calls.at(-1)).toMatchObject({ kind: 'open', options: { title: 'Choose the AccessKey file from IT', filters: [{ extensions: ['csv', 'txt'] }] } });

    // Or pasted: two labelled lines in the one text area.
    await page.getByRole('button', { name: 'Use a different key' }).click();
    await page.getByLabel('Or paste the two lines IT sent you (AccessKey ID, then secret)').fill(`AccessKey ID: ${it.key.id}\nAccessKey Secret: ${it.key.secret}`);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(page.locator('.success-text')).toHaveText('Connected. Everything works.', { timeout: 30_000 });
    // The secret left the page with the save: the screen now only names the stored key.
    await expect(page.getByTestId('key-stored')).toContainText("is saved in this computer's keychain.");
    await expect(page.getByRole('textbox')).toHaveCount(0);
    expect(await page.content()).not.toContain(it.key.secret);
    const { activeId } = await ferry.services.accounts.list();
    expect(await new Keychain().read(activeId!)).toMatchObject({ accessKeyId: it.key.id });
    await ferry.services.accounts.remove(activeId!, { confirmed: true });
  } finally {
    await it.close();
  }
});

/** A company token service on this computer (the /sts app-server pattern): it assumes the role with IT's key. */
async function tokenService(it: Company): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_req, res) => {
    void assumeRole({ endpoint: it.sandbox.stsEndpoint, caller: { accessKeyId: it.key.id, accessKeySecret: it.key.secret }, roleArn: it.sandbox.demo!.roleArn, sessionName: 'app-server', durationSeconds: 3600, now: Date.now(), fetch: createNetwork().fetch }).then(({ credentials }) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ AccessKeyId: credentials.accessKeyId, AccessKeySecret: credentials.accessKeySecret, SecurityToken: credentials.securityToken, Expiration: new Date(credentials.expiresAt).toISOString() }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sts`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test('with a token service the person supplies nothing: one click on Connect, and they are connected', async ({ page, ferry }) => {
  const it = await company();
  const tokens = await tokenService(it);
  try {
    const file = path.join(it.dir, 'Acme tokens.ferry.json');
    writeFileSync(file, JSON.stringify({ name: 'Acme Share', bucket: 'acme-share', region: 'cn-hangzhou', endpoint: it.sandbox.ossEndpoint, credentialSource: 'token-service', tokenServiceUrl: tokens.url }));
    await openConnectionFile(page, ferry, file);
    await expect(page.getByTestId('connect-nothing')).toHaveText('Nothing to enter: your company\'s sign-in service gives Ferry permission. Click "Connect".');
    await expect(page.getByTestId('key-supply')).toHaveCount(0);
    await expect(page.getByRole('textbox')).toHaveCount(0);
    expect(await visibleText(page)).not.toMatch(JARGON.en);
    await expectAccessible(page, 'connect summary, token service');

    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(page.locator('.success-text')).toHaveText('Connected. Everything works.', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Start sending files' }).click();
    await expect(page.locator('[data-screen="main"]')).toBeVisible();
    expect(ferry.calls).not.toContain('profiles.readKey');
    expect(ferry.ports.dialog.calls.filter((c) => c.kind === 'confirm')).toEqual([]);
  } finally {
    await tokens.close();
    await it.close();
  }
});
