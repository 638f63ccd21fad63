import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProfileInputSchema } from '../../../src-main/contract/profiles.ts';
import { crc64 } from '../../../src-main/crc64/crc64.ts';
import { DEMO_ROLE, demoConfig, generateDemoKey } from '../../../src-main/sandbox/index.ts';
import { companySandbox, servicesHarness } from '../../support/integrationHarness.ts';
import { assumeRole, ossClient } from '../../support/ossClients.ts';
import { droppingProxy } from './droppingProxy.ts';

const PART = 256 * 1024;

describe('uploads through a proxy that drops connections (issue #20)', () => {
  it('a multipart upload cut mid-way carries on: only the parts in flight at the cut are sent again, and the object\'s CRC-64 matches', async () => {
    const key = generateDemoKey();
    const company = await companySandbox({ config: demoConfig({ key, bucket: 'acme-share' }) });
    const env = {
      OSS_ACCESS_KEY_ID: key.id,
      OSS_ACCESS_KEY_SECRET: key.secret,
      OSS_STS_ROLE_ARN: company.demo!.roleArn,
      FERRY_UPLOAD_PART_SIZE: String(PART),
      FERRY_UPLOAD_MULTIPART_THRESHOLD: String(4 * PART),
    };
    const h = await servicesHarness({ env });
    await h.services.accounts.save({
      profile: ProfileInputSchema.parse({ name: 'Acme', endpoint: company.ossEndpoint, stsEndpoint: company.stsEndpoint, region: 'cn-hangzhou', bucket: 'acme-share', roleArn: company.demo!.roleArn, credentialSource: 'env' }),
    });
    const parts = 12;
    const proxy = await droppingProxy({ cutAfterBytes: Math.floor((parts / 2) * PART) });
    await h.services.settings.update({ network: { mode: 'fixed', url: proxy.url } });

    const data = randomBytes(parts * PART);
    const file = path.join(h.home, 'footage.bin');
    await writeFile(file, data);
    await h.services.uploads.add([file], { source: 'drop' });
    await h.services.uploads.whenIdle();
    const [item] = await h.services.uploads.list();
    expect(item).toMatchObject({ state: 'done' });

    expect(proxy.cut).toBeGreaterThan(0);
    const sent = new Map<number, number>();
    for (const request of proxy.requests) {
      const part = /[?&]partNumber=(\d+)/.exec(request)?.[1];
      if (request.startsWith('PUT ') && part) sent.set(Number(part), (sent.get(Number(part)) ?? 0) + 1);
    }
    expect([...sent.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: parts }, (_, i) => i + 1));
    const again = [...sent.values()].filter((n) => n > 1);
    expect(again.length).toBeGreaterThan(0); // the cut hit parts in flight…
    expect(again.length).toBeLessThanOrEqual(proxy.cut); // …and only those were sent again
    expect(Math.max(...sent.values())).toBe(2);
    expect(proxy.requests.filter((r) => r.startsWith('POST ') && r.includes('uploads'))).toHaveLength(1); // one multipart upload, not a fresh start

    const admin = ossClient(company, await assumeRole(company, key, DEMO_ROLE), { bucket: 'acme-share' });
    const head = await admin.head(item!.objectKey!);
    expect(head.res.headers['x-oss-hash-crc64ecma']).toBe(crc64(data).toString());
  });
});
