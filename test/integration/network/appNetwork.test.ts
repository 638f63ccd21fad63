import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ProfileInputSchema } from '../../../src-main/contract/profiles.ts';
import { demoConfig, generateDemoKey } from '../../../src-main/sandbox/index.ts';
import { companySandbox, servicesHarness } from '../../support/integrationHarness.ts';
import { droppingProxy } from './droppingProxy.ts';
import { createNetwork } from '../../../src-main/network/network.ts';
import { pacFileResolver } from '../../../src-main/network/pacFileResolver.ts';
import { appBehindGates } from './appHarness.ts';
import { noTinyproxyReason, startTinyproxy } from './tinyproxy.ts';

/** Ferry's services with a connection (key from the environment) to a company sandbox at `host` instead of 127.0.0.1. */
async function companyAt(host: string) {
  const key = generateDemoKey();
  const company = await companySandbox({ config: demoConfig({ key, bucket: 'acme-share' }) });
  const env = { OSS_ACCESS_KEY_ID: key.id, OSS_ACCESS_KEY_SECRET: key.secret, OSS_STS_ROLE_ARN: company.demo!.roleArn };
  const h = await servicesHarness({ env });
  const at = (endpoint: string) => endpoint.replace('127.0.0.1', host);
  const profile = await h.services.accounts.save({
    profile: ProfileInputSchema.parse({ name: 'Acme', endpoint: at(company.ossEndpoint), stsEndpoint: at(company.stsEndpoint), region: 'cn-hangzhou', bucket: 'acme-share', roleArn: company.demo!.roleArn, credentialSource: 'env' }),
  });
  return { h, company, profile };
}

describe.skipIf(noTinyproxyReason)('the app\'s network setting (issue #20)', () => {
  it('"system" (the default) follows a PAC file: uploads, STS and the link check go through the proxy it names, nothing connects directly', async () => {
    const { h, oss, sts, proxy, pac, profile, upload, direct } = await appBehindGates();
    expect((await h.services.settings.get()).network).toEqual({ mode: 'system' });

    const test = await h.services.accounts.test(profile.id, 'en');
    expect(test.steps.filter((s) => s.status === 'failed')).toEqual([]);
    expect(test.steps.find((s) => s.id === 'link')).toMatchObject({ status: 'ok' });
    expect(await upload('report.txt')).toMatchObject({ state: 'done' });

    expect(direct()).toBe(0);
    expect(oss.counts.viaProxy).toBeGreaterThan(0);
    expect(sts.counts.viaProxy).toBeGreaterThan(0);
    const log = await proxy.log();
    expect(log).toContain(`CONNECT ${new URL(oss.url).host}`);
    expect(log).toContain(`CONNECT ${new URL(sts.url).host}`);
    expect(pac.fetched()).toBe(1);
    // What the PAC file sends DIRECT does not touch the proxy.
    expect(log).not.toContain(`CONNECT ${new URL(pac.url).host}`);
    const resolver = pacFileResolver(pac.url, createNetwork().fetch);
    expect(await resolver.resolveProxy('https://example.com/')).toBe('DIRECT');
    expect(await resolver.resolveProxy(`${oss.url}/acme-share/x`)).toBe(`PROXY 127.0.0.1:${proxy.port}; DIRECT`);
  });

  it('changing the setting rebuilds the network for later requests, also of clients made before: "No proxy" connects directly, "This proxy" goes through it', async () => {
    const { h, oss, profile, proxy, upload, direct, call } = await appBehindGates();
    expect(await upload('before.txt')).toMatchObject({ state: 'done' }); // through the proxy the PAC file names
    expect(direct()).toBe(0);

    expect(await call('settings.update', { network: { mode: 'none' } })).toMatchObject({ ok: true });
    const none = await h.services.accounts.test(profile.id, 'en');
    expect(none.ok).toBe(false);
    expect(direct()).toBeGreaterThan(0);
    const ossDirect = oss.counts.direct;
    expect(await upload('direct.txt')).toMatchObject({ state: 'failed' }); // the uploads' client made before now connects directly
    expect(oss.counts.direct).toBeGreaterThan(ossDirect);

    const before = { direct: direct(), viaProxy: oss.counts.viaProxy };
    const saved = await call('settings.update', { network: { mode: 'fixed', url: ` 127.0.0.1:${proxy.port} ` } });
    expect(saved).toMatchObject({ ok: true, value: { network: { mode: 'fixed', url: `http://127.0.0.1:${proxy.port}` } } });
    expect(await upload('after.txt')).toMatchObject({ state: 'done' });
    expect(direct()).toBe(before.direct);
    expect(oss.counts.viaProxy).toBeGreaterThan(before.viaProxy);
  });

  it('an address that is not a proxy address is refused in plain words, and nothing is saved', async () => {
    const { h, call } = await appBehindGates();
    for (const url of ['ftp://proxy.example.com:21', 'http://alice:secret@proxy.example.com:8080', 'proxy.example.com:8080/path', 'http://']) {
      const reply = await call('settings.update', { network: { mode: 'fixed', url } });
      expect(reply).toMatchObject({ ok: false, error: { code: 'network.proxyAddressInvalid' } });
      expect(JSON.stringify(reply)).not.toContain('secret');
    }
    expect((await h.services.settings.get()).network).toEqual({ mode: 'system' });
  });

  it('"Test" runs the connection test through the chosen proxy without saving it; the saved setting keeps working as it was', async () => {
    const { h, oss, proxy, call, direct } = await appBehindGates();
    await call('settings.update', { network: { mode: 'none' } });
    const viaChosen = await call('network.test', { setting: { mode: 'fixed', url: `http://127.0.0.1:${proxy.port}` } });
    expect(viaChosen).toMatchObject({ ok: true, value: { ok: true } });
    expect(direct()).toBe(0);
    expect(oss.counts.viaProxy).toBeGreaterThan(0);
    expect((await h.services.settings.get()).network).toEqual({ mode: 'none' });

    const unreachable = await call('network.test', { setting: { mode: 'fixed', url: 'http://127.0.0.1:9' } });
    expect(unreachable).toMatchObject({ ok: true, value: { ok: false } });
    const failed = (unreachable as { value: { steps: { status: string; error?: { code: string; message: string } }[] } }).value.steps.find((s) => s.status === 'failed');
    expect(failed?.error).toMatchObject({ code: 'oss.proxyRefused', message: expect.stringMatching(/could not reach the network proxy 127\.0\.0\.1:9/) });
  });

  it('a proxy that blocks the host: the connection test says so plainly (en, zh-CN)', async () => {
    const proxy = await startTinyproxy({ block: ['localhost'] });
    const { h, company, profile } = await companyAt('localhost');
    await h.services.settings.update({ network: { mode: 'fixed', url: proxy.url } });
    const sts = new URL(company.stsEndpoint).port;
    for (const [lang, words] of [['en', `does not allow connections to localhost:${sts}. Ask IT to allow localhost:${sts}`], ['zh-CN', `不允许连接到 localhost:${sts}`]] as const) {
      const failed = (await h.services.accounts.test(profile.id, lang)).steps.find((s) => s.status === 'failed');
      expect(failed?.error).toMatchObject({ code: 'oss.proxyBlocked', message: expect.stringContaining(words) });
    }
    expect(await proxy.log()).toMatch(/refused on filtered domain "localhost"/);
  });

  it('a change of setting closes the old network\'s idle connections to the proxy', async () => {
    const proxy = await droppingProxy({ cutAfterBytes: Number.MAX_SAFE_INTEGER });
    const { h } = await companyAt('127.0.0.1');
    await h.services.settings.update({ network: { mode: 'fixed', url: proxy.url } });
    const file = path.join(h.home, 'report.txt');
    await writeFile(file, 'quarterly numbers');
    await h.services.uploads.add([file], { source: 'drop' });
    await h.services.uploads.whenIdle();
    expect((await h.services.uploads.list())[0]).toMatchObject({ state: 'done' });
    expect(proxy.open()).toBeGreaterThan(0); // kept alive for the next request

    await h.services.settings.update({ network: { mode: 'none' } });
    // Well before the servers' own keep-alive timeouts (5 s in Node, 4 s in undici) would close them.
    await vi.waitFor(() => expect(proxy.open()).toBe(0), { timeout: 2_000 });
  });
});
