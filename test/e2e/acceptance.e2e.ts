import { test, expect, noKeychainReason } from './support/harness.ts';
import { dropFiles, makeFixtures } from './support/fixtures.ts';
import { expectAccessible, snap } from './support/screens.ts';

test.skip(Boolean(noKeychainReason), String(noKeychainReason));

const MB = 1024 * 1024;

/** filename / filename* from a Content-Disposition header, decoded. */
function dispositionName(header: string | null): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '');
  if (star?.[1]) return decodeURIComponent(star[1]);
  return /filename="([^"]+)"/i.exec(header ?? '')?.[1] ?? '';
}

test('first run → try it here → drop three files → copy link → the link downloads the same bytes → 简体中文', async ({ page, ferry }) => {
  await ferry.open();
  await page.getByRole('button', { name: /Try it on this computer/ }).click();
  await expect(page.getByTestId('status-bar')).toContainText('This computer (trial)');

  const files = await makeFixtures(ferry, [
    { name: 'notes.txt', size: 4 * 1024 },
    { name: '季度报告 2026.pdf', size: 300 * 1024 },
    { name: 'site-visit.mp4', size: 20 * MB },
  ]);
  await dropFiles(page, files.map((f) => f.name));

  const rows = page.getByTestId('upload-row');
  await expect(rows).toHaveCount(3);
  for (const file of files) await expect(rows.filter({ hasText: file.name })).toHaveCount(1);
  await expect(page.getByTestId('queue-summary')).toBeVisible();
  await snap(page, 'main-uploading-light-en');
  await expect(rows.filter({ has: page.locator('[data-state="done"]') }).or(page.locator('[data-testid="upload-row"][data-state="done"]'))).toHaveCount(3, { timeout: 60_000 });
  await expect(page.getByTestId('live-region')).toContainText(/sent/);
  await expectAccessible(page, 'main with finished uploads');

  for (const file of files) {
    const before = ferry.ports.clipboard.writes.length;
    await rows.filter({ hasText: file.name }).getByTestId('copy-link').click();
    await expect(page.getByTestId('toast')).toContainText(/works until/);
    await expect.poll(() => ferry.ports.clipboard.writes.length).toBe(before + 1);
    const url = ferry.ports.clipboard.text;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(file.bytes)).toBe(true);
    expect(dispositionName(response.headers.get('content-disposition'))).toBe(file.name);
  }
  await snap(page, 'main-window');

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('设置');
  await expect(page.getByRole('navigation')).toContainText('发送文件');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('a wrong secret in the connect form is explained at the "get permission" step', async ({ page, ferry }) => {
  await ferry.open();
  await page.getByRole('button', { name: /Try it on this computer/ }).click();
  await expect(page.getByTestId('status-bar')).toBeVisible();
  // A company connection that IT handed out, pointing at the same local OSS/STS stand-in.
  const sandbox = await ferry.services.sandbox.ensure();
  const demo = sandbox.demo;
  if (!demo) throw new Error('the sandbox has no demo user');
  const link = `ferry://connect?${new URLSearchParams({
    name: 'Acme share',
    endpoint: sandbox.ossEndpoint,
    sts: sandbox.stsEndpoint,
    region: sandbox.region.replace(/^oss-/, ''),
    bucket: demo.bucket,
    role: demo.roleArn,
  })}`;

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: /Add or import a connection/ }).click();
  await page.getByLabel('Or paste the link or text IT sent you').fill(link);
  await page.getByRole('button', { name: 'Use this' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connect to Acme share');
  const pasteKey = page.getByLabel('Or paste the two lines IT sent you (AccessKey ID, then secret)');
  await pasteKey.fill(`${demo.accessKeyId}\n${demo.accessKeySecret.slice(0, -4)}XXXX`);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();

  const steps = page.getByTestId('test-steps');
  await expect(steps.locator('[data-step="assume-role"]')).toHaveAttribute('data-status', 'failed', { timeout: 30_000 });
  await expect(steps.locator('[data-step="keychain"]')).toHaveAttribute('data-status', 'ok');
  await expect(steps.locator('[data-step="assume-role"] [data-testid="step-error"]')).toHaveText(
    'The AccessKey secret does not match the AccessKey ID. Enter the secret again, exactly as IT gave it to you.',
  );
  await expect(steps.locator('[data-status="failed"]')).toHaveCount(1);
  await expectAccessible(page, 'connect with a failed step');
  await snap(page, 'connect-failed-light-en');
  // The secret never comes back to the page.
  expect(await page.content()).not.toContain(demo.accessKeySecret.slice(0, -4));

  // Fixing the secret turns every step green and makes the connection the active one.
  await page.getByRole('button', { name: 'Use a different key' }).click();
  await pasteKey.fill(`${demo.accessKeyId}\n${demo.accessKeySecret}`);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(steps.locator('[data-status="ok"]')).toHaveCount(await steps.locator('li').count(), { timeout: 30_000 });
  await page.getByRole('button', { name: 'Start sending files' }).click();
  await expect(page.getByTestId('status-bar')).toContainText('Acme share');
  expect((await ferry.table['profiles.list'](undefined, { lang: 'en' })).profiles).toHaveLength(2);
});
