import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src-main/app/dispatch.ts';
import { buildHandlerTable } from '../../../src-main/app/handlers/handlerTable.ts';
import { createOssClient } from '../../../src-main/oss/ossClient.ts';
import { noKeyringReason } from '../../support/integrationHarness.ts';
import { addLinkSigningKey, fetchLink, linksHarness, type LinksHarness } from './linksHarness.ts';

const DAY = 86_400_000;

/** Moves the sandbox's clock so that it reads `at` (ms epoch) now. */
function sandboxAt(h: LinksHarness, at: number): void {
  h.company.setClockOffset(at - Date.now());
}

function errorCode(body: Buffer): string | undefined {
  return /<Code>([^<]+)<\/Code>/.exec(body.toString())?.[1];
}

describe.skipIf(noKeyringReason)('truthful expiry against the sandbox clock', () => {
  it('an STS-signed link asked for a day is presented with the credentials\u2019 expiry, and dies then', async () => {
    const h = await linksHarness();
    const bytes = randomBytes(5000);
    const key = await h.put('季度报告.xlsx', bytes);
    const before = Date.now();
    const link = await h.services.links.service.copy({ objectKey: key, expiry: '1d' }, 'en');
    const credentials = await h.services.broker.get(h.profile.id, 'share');

    expect(link.cappedBy).toBe('credentials');
    expect(link.requestedExpiresAt).toBeGreaterThanOrEqual(before + DAY);
    expect(link.expiresAt).toBeLessThanOrEqual(credentials.expiresAt!);
    expect(link.expiresAt).toBeGreaterThan(before + 55 * 60_000);
    expect(link.summary).toMatch(/^Link copied\. It works until .+\. You asked for .+, but the link is signed with temporary credentials/);
    const entry = (await h.services.links.service.list('active')).entries.find((e) => e.id === link.linkId);
    expect(entry?.expiresAt).toBe(link.expiresAt);
    expect(entry?.cappedBy).toBe('credentials');

    sandboxAt(h, link.expiresAt - 3000);
    const stillOk = await fetchLink(link.url);
    expect(stillOk.status).toBe(200);
    expect(stillOk.body.equals(bytes)).toBe(true);

    sandboxAt(h, link.expiresAt + 1000);
    const dead = await fetchLink(link.url);
    expect(dead.status).toBe(403);
    expect(errorCode(dead.body)).toBe('AccessDenied');
    expect(dead.body.toString()).toContain('Request has expired');
  });

  it('a URL that claims a day with STS credentials still dies with them (why Ferry caps)', async () => {
    const h = await linksHarness();
    const key = await h.put('claims.txt', Buffer.from('x'));
    const profile = await h.services.accounts.runtimeProfile(h.profile.id);
    const credentials = await h.services.broker.get(h.profile.id, 'share');
    const naive = await createOssClient(profile, credentials).signatureUrlV4('GET', 86_400, undefined, key);
    sandboxAt(h, credentials.expiresAt! + 1000);
    const dead = await fetchLink(naive);
    expect(dead.status).toBe(403);
    expect(errorCode(dead.body)).toBe('SecurityTokenExpired');
  });

  it('a link-signing key lifts the limit up to 7 days, and no further', async () => {
    const h = await linksHarness();
    await addLinkSigningKey(h);
    const bytes = randomBytes(3000);
    const key = await h.put('design 🎨.zip', bytes);

    const week = await h.services.links.service.copy({ objectKey: key, expiry: '7d' }, 'en');
    expect(week.cappedBy).toBe('none');
    expect(week.url).not.toContain('security-token');
    expect(new URL(week.url).searchParams.get('x-oss-credential')).toMatch(new RegExp(`^${h.linker.id}/`));
    expect(week.expiresAt - Date.now()).toBeGreaterThan(7 * DAY - 60_000);

    const month = await h.services.links.service.copy({ objectKey: key, expiry: new Date(Date.now() + 30 * DAY).toISOString() }, 'zh-CN');
    expect(month.cappedBy).toBe('v4-maximum');
    expect(month.expiresAt - Date.now()).toBeLessThanOrEqual(7 * DAY);
    expect(month.summary).toContain('最长有效 7 天');

    sandboxAt(h, month.expiresAt - 5000);
    const ok = await fetchLink(month.url);
    expect(ok.status).toBe(200);
    expect(ok.body.equals(bytes)).toBe(true);
    sandboxAt(h, month.expiresAt + 1000);
    const dead = await fetchLink(month.url);
    expect(dead.status).toBe(403);
    expect(dead.body.toString()).toContain('Request has expired');
  });

  it('copy again re-signs the same link without storing any URL or signature', async () => {
    const h = await linksHarness();
    const key = await h.put('again.txt', Buffer.from('again'));
    const first = await h.services.links.service.copy({ objectKey: key, expiry: '1d' }, 'en');
    const again = await h.services.links.service.copyAgain(first.linkId, 'en');
    expect(again.linkId).toBe(first.linkId);
    expect(again.expiresAt).toBe(first.expiresAt);
    expect(again).toMatchObject({ cappedBy: 'credentials', requestedExpiresAt: first.requestedExpiresAt, summary: first.summary });
    expect(h.ports.clipboard.text).toBe(again.url);
    expect((await fetchLink(again.url)).status).toBe(200);
    const ledger = await readFile(h.services.links.ledger.file, 'utf8');
    expect(ledger).toContain(key);
    expect(ledger).not.toMatch(/signature|security-token|http/i);

    const renewed = await h.services.links.service.renew(first.linkId, '1d', 'en');
    expect(renewed.linkId).not.toBe(first.linkId);
    expect((await h.services.links.service.list('all')).entries).toHaveLength(2);
  });
});

describe.skipIf(noKeyringReason)('links.expiryOptions: the share dialog\u2019s honest menu', () => {
  it('shows each preset\u2019s real expiry with STS credentials, then up to 7 days with a link-signing key', async () => {
    const h = await linksHarness();
    const ask = async () => {
      const reply = await dispatch(buildHandlerTable(h!.services), 'links.expiryOptions', {}, { lang: 'en' });
      if (!reply.ok) throw new Error(reply.error.message);
      return reply.value as { canShare: boolean; options: { choice: string; cappedBy: string; expiresAt: number; explanation: string }[]; longest: { cappedBy: string; expiresAt: number } };
    };
    const sts = await ask();
    expect(sts.canShare).toBe(true);
    const byChoice = Object.fromEntries(sts.options.map((o) => [o.choice, o]));
    expect(byChoice['1h']?.cappedBy).toMatch(/none|credentials/);
    expect(byChoice['7d']).toMatchObject({ cappedBy: 'credentials' });
    expect(byChoice['7d']!.explanation).toContain('link-signing key');
    expect(sts.longest.cappedBy).toBe('credentials');
    expect(sts.longest.expiresAt - Date.now()).toBeLessThanOrEqual(3_600_000);

    await addLinkSigningKey(h);
    const signing = await ask();
    expect(signing.options.find((o) => o.choice === '7d')).toMatchObject({ cappedBy: 'none', explanation: '' });
    expect(signing.longest.expiresAt - Date.now()).toBeGreaterThan(7 * DAY - 60_000);

    await h.services.accounts.store.update((file) => ({ ...file, profiles: file.profiles.map((p) => ({ ...p, uploadOnly: true })) }));
    const refused = await ask();
    expect(refused.canShare).toBe(false);
    expect(refused.options).toEqual([]);
    expect((refused as unknown as { reason: string }).reason).toMatch(/can only upload files/);
  });
});
