import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createNetwork, type Network } from '../../../src-main/network/network.ts';
import { createOssClient } from '../../../src-main/oss/ossClient.ts';
import { errorText } from '../../../src-main/i18n/text.ts';
import { isFerryError, type FerryError } from '../../../src-main/errors/ferryError.ts';
import { DEMO_ROLE } from '../../../src-main/sandbox/demo.ts';
import { noKeyringReason } from '../../support/integrationHarness.ts';
import { assumeRole } from '../../support/ossClients.ts';
import { linksHarness, type LinksHarness } from './linksHarness.ts';

/** A port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A network whose route can be changed mid-test, as when the office proxy setting goes bad. */
function switchableNetwork(): Network & { use(next: Network): void } {
  let current = createNetwork();
  return {
    ossClient: (...args) => current.ossClient(...args),
    fetch: (url, init) => current.fetch(url, init),
    close: () => current.close(),
    use(next) {
      current = next;
    },
  };
}

async function copyFails(h: LinksHarness, objectKey: string): Promise<FerryError> {
  const writesBefore = h.ports.clipboard.writes.length;
  const error = await h.services.links.service.copy({ objectKey }, 'en').then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isFerryError(error)) throw new Error(`expected a FerryError, got ${String(error)}`);
  // Nothing reached the clipboard and nothing was recorded as a link that works.
  expect(h.ports.clipboard.writes.length).toBe(writesBefore);
  return error;
}

const both = (e: FerryError): { en: string; zh: string } => ({ en: errorText('en', e.code, e.params), zh: errorText('zh-CN', e.code, e.params) });

describe.skipIf(noKeyringReason)('links are verified (first byte through the same network) before they are copied', () => {
  it('a working link is copied and its size learned from the first byte', async () => {
    const h = await linksHarness();
    const key = await h.put('report.pdf', Buffer.from('0123456789'));
    const link = await h.services.links.service.copy({ objectKey: key }, 'en');
    expect(h.ports.clipboard.text).toBe(link.url);
    expect(link.size).toBe(10);
    expect(link.notice).toBeUndefined();
  });

  it('a deleted object: not copied, "no longer in storage"', async () => {
    const h = await linksHarness();
    const key = await h.put('gone.pdf', Buffer.from('bytes'));
    const profile = await h.services.accounts.runtimeProfile(h.profile.id);
    await createOssClient(profile, await h.services.broker.get(profile.id, 'manage')).delete(key);
    const error = await copyFails(h, key);
    expect(error.code).toBe('links.objectMissing');
    expect(both(error).en).toMatch(/"gone\.pdf" is no longer in storage.*Upload the file again/);
    expect(both(error).zh).toMatch(/"gone\.pdf"已不在存储中/);
    expect((await h.services.links.service.list()).entries).toHaveLength(0);
  });

  it("the storage service's clock is 20 minutes behind this computer's: not copied, the clock is named", async () => {
    const h = await linksHarness();
    const key = await h.put('clock.pdf', Buffer.from('bytes'));
    await h.services.links.service.copy({ objectKey: key }, 'en'); // credentials warm, offset learned (none yet)
    h.company.setClockOffset(-20 * 60_000);
    const error = await copyFails(h, key);
    expect(error.code).toBe('links.unverified.clock');
    expect(both(error).en).toMatch(/not copied.*clock.*Turn on automatic date and time/);
    expect(both(error).zh).toMatch(/链接未复制.*时钟/);
    expect(errorText('en', error.code, error.params, 'cli')).toMatch(/timedatectl set-ntp true/);
  });

  it('temporary credentials from the environment that have ended: not copied, the ended sign-in is named', async () => {
    const env: NodeJS.ProcessEnv = {};
    const h = await linksHarness({ env, profile: { credentialSource: 'env', roleArn: undefined } });
    const session = await assumeRole(h.company, h.key, DEMO_ROLE, { duration: 900 });
    Object.assign(env, { OSS_ACCESS_KEY_ID: session.accessKeyId, OSS_ACCESS_KEY_SECRET: session.accessKeySecret, OSS_SESSION_TOKEN: session.stsToken });
    const key = await h.put('session.pdf', Buffer.from('bytes'));
    await h.services.links.service.copy({ objectKey: key }, 'en');
    h.company.setClockOffset(60 * 60_000); // the 15-minute session has ended on the server
    const error = await copyFails(h, key);
    expect(error.code).toBe('links.unverified.session');
    expect(both(error).en).toMatch(/not copied.*sign-in it was made with has ended/);
    expect(both(error).zh).toMatch(/链接未复制.*登录凭证已失效/);
  });

  it('the proxy stops answering: not copied, the proxy is named', async () => {
    const network = switchableNetwork();
    const h = await linksHarness({ network });
    const key = await h.put('proxy.pdf', Buffer.from('bytes'));
    await h.services.links.service.copy({ objectKey: key }, 'en'); // credentials warm: signing needs no network
    const port = await closedPort();
    network.use(createNetwork({ proxy: { mode: 'fixed', url: `http://127.0.0.1:${port}` } }));
    const error = await copyFails(h, key);
    expect(error.code).toBe('oss.proxyRefused');
    expect(both(error).en).toContain(`Ferry could not reach the network proxy 127.0.0.1:${port}`);
    expect(both(error).zh).toContain(`Ferry 无法连接到网络代理 127.0.0.1:${port}`);
  });

  it('a link restricted to other addresses cannot be checked from here: copied, and Ferry says why it was not checked', async () => {
    const h = await linksHarness();
    const key = await h.put('payroll.pdf', Buffer.from('bytes'));
    const link = await h.services.links.service.copy({ objectKey: key, sourceIp: '203.0.113.0/24' }, 'en');
    expect(h.ports.clipboard.text).toBe(link.url);
    expect(link.notice).toMatch(/could not test this link: it opens only from 203\.0\.113\.0\/24/);
    const zh = await h.services.links.service.copy({ objectKey: key, sourceIp: '203.0.113.0/24' }, 'zh-CN');
    expect(zh.notice).toMatch(/无法测试此链接/);
    // Inside its range the link is checked like any other: no notice.
    expect((await h.services.links.service.copy({ objectKey: key, sourceIp: '127.0.0.0/8' }, 'en')).notice).toBeUndefined();
  });
});
