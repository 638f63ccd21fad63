import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProfileInputSchema } from '../../../src-main/contract/profiles.ts';
import { createNetwork, type NetworkSettings } from '../../../src-main/network/network.ts';
import { demoConfig, generateDemoKey } from '../../../src-main/sandbox/index.ts';
import { companySandbox, servicesHarness } from '../../support/integrationHarness.ts';
import { gateTo, noTinyproxyReason, startTinyproxy } from './tinyproxy.ts';

/** A company sandbox reachable only through gates that refuse anything but the proxy, and Ferry's services on `settings`. */
async function behindGates(settings: (proxyUrl: string) => NetworkSettings) {
  const key = generateDemoKey();
  const company = await companySandbox({ config: demoConfig({ key, bucket: 'acme-share' }) });
  const oss = await gateTo(() => company.ossEndpoint);
  const sts = await gateTo(() => company.stsEndpoint);
  const proxy = await startTinyproxy();
  const env = { OSS_ACCESS_KEY_ID: key.id, OSS_ACCESS_KEY_SECRET: key.secret, OSS_STS_ROLE_ARN: company.demo!.roleArn };
  const h = await servicesHarness({ env, network: createNetwork(settings(proxy.url)) });
  const profile = await h.services.accounts.save({
    profile: ProfileInputSchema.parse({
      name: 'Acme',
      endpoint: oss.url,
      stsEndpoint: sts.url,
      region: 'cn-hangzhou',
      bucket: 'acme-share',
      roleArn: company.demo!.roleArn,
      prefixTemplate: 'shared/{user}/{yyyy}-{mm}/',
      credentialSource: 'env',
    }),
  });
  return { h, company, oss, sts, proxy, profile };
}

describe.skipIf(noTinyproxyReason)('requests through a proxy (issue #20)', () => {
  it('a connection test (STS, bucket, link check) and an upload go through the proxy, and nothing connects directly', async () => {
    const { h, company, oss, sts, proxy, profile } = await behindGates((url) => ({ proxy: { mode: 'fixed', url } }));
    const served = (): number => Object.values(company.servedOperations()).reduce((a, n) => a + (n ?? 0), 0);

    const test = await h.services.accounts.test(profile.id, 'en');
    expect(test.steps.filter((s) => s.status === 'failed')).toEqual([]);
    expect(test.ok).toBe(true);
    const file = path.join(h.home, 'report.txt');
    await writeFile(file, 'quarterly numbers');
    await h.services.uploads.add([file], { source: 'drop' });
    await h.services.uploads.whenIdle();
    const [item] = await h.services.uploads.list();
    expect(item).toMatchObject({ state: 'done' });

    expect(oss.counts.direct + sts.counts.direct).toBe(0);
    expect(oss.counts.viaProxy).toBeGreaterThan(0);
    expect(sts.counts.viaProxy).toBeGreaterThan(0);
    expect(served()).toBeGreaterThan(0);
    const log = await proxy.log();
    expect(log).toContain(`CONNECT ${new URL(oss.url).host}`);
    expect(log).toContain(`CONNECT ${new URL(sts.url).host}`);
    expect(h.services.broker.assumeRoleCalls).toBeGreaterThan(0);
  });

  it('"system" mode asks resolveProxy for every URL (the app will answer from Electron) and uses its answer', async () => {
    const asked: string[] = [];
    const { h, oss, sts, profile } = await behindGates((url) => ({ proxy: { mode: 'system' }, resolveProxy: (target) => (asked.push(new URL(target).host), url) }));
    const test = await h.services.accounts.test(profile.id, 'en');
    expect(test.steps.filter((s) => s.status === 'failed')).toEqual([]);
    expect(asked).toContain(new URL(oss.url).host);
    expect(asked).toContain(new URL(sts.url).host);
    expect(oss.counts.direct + sts.counts.direct).toBe(0);
  });
});
