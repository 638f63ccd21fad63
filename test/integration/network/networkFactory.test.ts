import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type OSS from 'ali-oss';
import { describe, expect, it } from 'vitest';
import { createNetwork, type Network } from '../../../src-main/network/network.ts';
import { noKeyringReason, servicesHarness } from '../../support/integrationHarness.ts';

/** A real network that also counts every request made through it: plain HTTP by host, OSS by operation. */
function countingNetwork(): Network & { fetches: string[]; ossRequests: number } {
  const real = createNetwork();
  const counted = {
    fetches: [] as string[],
    ossRequests: 0,
    async fetch(url: string, init: RequestInit) {
      counted.fetches.push(`${init.method ?? 'GET'} ${new URL(url).host}`);
      return real.fetch(url, init);
    },
    ossClient(...args: Parameters<Network['ossClient']>): OSS {
      const client = real.ossClient(...args);
      const http = client as unknown as { urllib: { request(...a: unknown[]): unknown } };
      const inner = http.urllib;
      http.urllib = { ...inner, request: (...a: unknown[]) => ((counted.ossRequests += 1), inner.request(...a)) };
      return client;
    },
    close: () => real.close(),
  };
  return counted;
}

describe.skipIf(noKeyringReason)('one network factory (issue #17.4)', () => {
  it('every STS call and every OSS request of a connection test, an upload and a Stop sharing go through the Network given to createServices', async () => {
    const network = countingNetwork();
    const { services, home } = await servicesHarness({ network });
    const profile = await services.accounts.tryLocally();
    const sandbox = await services.sandbox.ensure();
    const stsHost = new URL(sandbox.stsEndpoint).host;
    const servedTotal = (): number => Object.values(sandbox.servedOperations()).reduce((a, n) => a + (n ?? 0), 0);
    const servedBefore = servedTotal();

    const test = await services.accounts.test(profile.id, 'en');
    expect(test.ok).toBe(true);
    const file = path.join(home, 'report.txt');
    await writeFile(file, 'quarterly numbers');
    await services.uploads.add([file], { source: 'drop' });
    await services.uploads.whenIdle();
    const [item] = await services.uploads.list();
    expect(item).toMatchObject({ state: 'done' });
    await services.links.stop({ objectKey: item!.objectKey!, mode: 'move', confirmed: true }, 'en');

    // STS: the reachability probe and every AssumeRole the broker made.
    expect(network.fetches.filter((f) => f === `GET ${stsHost}`)).toHaveLength(1);
    expect(network.fetches.filter((f) => f === `POST ${stsHost}`)).toHaveLength(services.broker.assumeRoleCalls);
    expect(services.broker.assumeRoleCalls).toBeGreaterThan(0);
    // OSS: every operation the sandbox served came through a client the Network made (the test link's
    // GET is a plain fetch through the Network too).
    const linkChecks = network.fetches.filter((f) => f.startsWith('GET ') && f !== `GET ${stsHost}`).length;
    expect(linkChecks).toBe(1);
    expect(network.ossRequests + linkChecks).toBe(servedTotal() - servedBefore);
  });
});
