import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { currentUserName, stablePrefix } from '../../../src-main/accounts/prefixTemplate.ts';
import { createOssClient } from '../../../src-main/oss/ossClient.ts';
import { demoConfig, generateDemoKey } from '../../../src-main/sandbox/index.ts';
import { companyHarness, noKeyringReason } from '../../support/integrationHarness.ts';
import { longTerm, ossClient } from '../../support/ossClients.ts';

const run = promisify(execFile);
const INTERVAL_S = 1;

/** The company's sandbox with access logs delivered every second, an administrator, and IT's extra read right for the role. */
async function loggingCompany() {
  const admin = generateDemoKey();
  const h = await companyHarness({
    config: (key) => {
      const base = demoConfig({ key, bucket: 'acme-share' });
      return {
        ...base,
        users: [...(base.users ?? []), { name: 'it-admin', root: true, accessKeys: [{ id: admin.id, secret: admin.secret }] }],
        roles: (base.roles ?? []).map((r) => ({
          ...r,
          policies: [...(r.policies ?? []), { Version: '1', Statement: [{ Effect: 'Allow', Action: ['oss:GetBucketLogging'], Resource: ['acs:oss:*:*:acme-share'] }] }],
        })),
        accessLogs: { deliveryIntervalSeconds: INTERVAL_S },
      };
    },
  });
  const root = ossClient(h.company, longTerm(admin), { bucket: 'acme-share' });
  const profile = await h.services.accounts.runtimeProfile(h.profile.id);
  const put = async (name: string, body: Buffer): Promise<string> => {
    const key = `${stablePrefix(profile.prefixTemplate, currentUserName())}${name}`;
    await createOssClient(profile, await h.services.broker.get(profile.id, 'upload')).put(key, body);
    return key;
  };
  return { ...h, root, put };
}

async function curl(url: string): Promise<string> {
  const { stdout } = await run('curl', ['-sS', '-o', '/dev/null', '-w', '%{http_code}', url]);
  return stdout;
}

describe.skipIf(noKeyringReason)('"opened" receipts from the bucket\'s access logs', () => {
  it('a link downloaded twice with curl shows 2 opens (Ferry\'s own check not counted), with address and program', async () => {
    const h = await loggingCompany();
    await h.root.putBucketLogging('acme-share', 'ferry-logs/');
    const key = await h.put('report.pdf', Buffer.from('%PDF-1.7 receipts'));
    const link = await h.services.links.service.copy({ objectKey: key }, 'en'); // its first byte was fetched: not an open
    const other = await h.services.links.service.copy({ objectKey: key, expiry: '30m' }, 'en');
    expect(await curl(link.url)).toBe('200');
    expect(await curl(link.url)).toBe('200');

    // Within one delivery interval the log object is written; each pass reads only what is new.
    await vi.waitFor(
      async () => {
        await h.services.links.receipts.poll();
        const entry = (await h.services.links.service.list()).entries.find((e) => e.id === link.linkId);
        expect(entry?.opens?.count).toBe(2);
      },
      { timeout: INTERVAL_S * 1000 * 10, interval: 200 },
    );
    const { entries } = await h.services.links.service.list();
    const opened = entries.find((e) => e.id === link.linkId)!.opens!;
    expect(opened.recent).toHaveLength(2);
    expect(opened.recent[0]).toMatchObject({ ip: '127.0.0.1', agent: expect.stringMatching(/^curl\//) });
    expect(opened.firstAt).toBe(opened.recent[0]!.at);
    // Same file, another link: its own count (none), not this one's.
    expect(entries.find((e) => e.id === other.linkId)!.opens).toEqual({ count: 0, recent: [] });

    // Read again: nothing counted twice.
    await h.company.flushAccessLogs();
    await h.services.links.receipts.poll();
    expect((await h.services.links.service.list()).entries.find((e) => e.id === link.linkId)!.opens!.count).toBe(2);

    // The receipts credentials read log objects, not the files people share.
    const receiptsClient = createOssClient(await h.services.accounts.runtimeProfile(h.profile.id), await h.services.broker.get(h.profile.id, 'receipts'));
    await expect(receiptsClient.get(key)).rejects.toMatchObject({ code: 'AccessDenied' });

    // The ledger and the receipts keep a hash, never the signature.
    const signature = new URL(link.url).searchParams.get('x-oss-signature')!;
    for (const file of ['links.json', 'receipts.json']) expect(await readFile(`${h.home}/${file}`, 'utf8')).not.toContain(signature);
  });

  it('a bucket without logging: nothing counted, nothing fails', async () => {
    const h = await loggingCompany();
    const key = await h.put('plain.pdf', Buffer.from('x'));
    const link = await h.services.links.service.copy({ objectKey: key }, 'en');
    expect(await curl(link.url)).toBe('200');
    expect(await h.services.links.receipts.poll()).toEqual({ [h.profile.id]: 'off' });
    expect((await h.services.links.service.list()).entries[0]!.opens).toBeUndefined();
  });
});
