import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ProfileInputSchema } from '../../../src-main/contract/profiles.ts';
import { createOssClient, learnSkewFrom } from '../../../src-main/oss/ossClient.ts';
import { toUserError } from '../../../src-main/errors/userError.ts';
import { ManualClock } from '../../../src-main/time/clock.ts';
import { companyHarness, noKeyringReason, servicesHarness } from '../../support/integrationHarness.ts';
import keytar from '@github/keytar';
import { stablePrefix } from '../../../src-main/accounts/prefixTemplate.ts';
import { currentUserName } from '../../../src-main/accounts/prefixTemplate.ts';

describe.skipIf(noKeyringReason)('STS broker against the sandbox', () => {
  it('renews ahead of expiry: at 80% of the lifetime, not before', async () => {
    const clock = new ManualClock(Date.now());
    const h = await companyHarness({ clock, sandboxClock: clock });
    const { broker } = h.services;
    const first = await broker.get(h.profile.id, 'upload');
    expect(first.expiresAt! - clock.now()).toBeGreaterThan(3_500_000);
    clock.advance(47 * 60_000);
    expect((await broker.get(h.profile.id, 'upload')).accessKeyId).toBe(first.accessKeyId);
    expect(broker.assumeRoleCalls).toBe(1);
    clock.advance(2 * 60_000); // 49 min: past 80% of one hour
    const renewed = await broker.get(h.profile.id, 'upload');
    expect(renewed.accessKeyId).not.toBe(first.accessKeyId);
    expect(renewed.expiresAt!).toBeGreaterThan(first.expiresAt!);
    expect(broker.assumeRoleCalls).toBe(2);
  });

  it('temporary credentials are shared with the next Ferry process through the keychain; a new key or removal drops them', async () => {
    const h = await companyHarness();
    const id = h.profile.id;
    const first = await h.services.broker.get(id, 'share');
    expect(h.services.broker.assumeRoleCalls).toBe(1);
    // The next `ferry` run: its own services over the same data folder and keychain.
    const next = await servicesHarness({ home: h.home });
    expect((await next.services.broker.get(id, 'share')).accessKeyId).toBe(first.accessKeyId);
    expect(next.services.broker.assumeRoleCalls).toBe(0);
    await next.services.broker.get(id, 'upload'); // another purpose, another session policy
    expect(next.services.broker.assumeRoleCalls).toBe(1);
    const stored = (await keytar.findCredentials('Ferry')).filter((c) => c.account.startsWith(`${id}:session:`));
    expect(stored.map((c) => c.account).sort()).toEqual([`${id}:session:share`, `${id}:session:upload`]);
    for (const c of stored) expect(c.password).not.toContain(h.key.secret);
    // A connection test asks STS itself: reused credentials would prove nothing about the key.
    await next.services.accounts.test(id, 'en');
    expect(next.services.broker.assumeRoleCalls).toBeGreaterThanOrEqual(2);

    // The key changes (here: a wrong secret): what the old key got is not reused.
    await h.services.accounts.save({
      profile: ProfileInputSchema.parse({ id, name: 'Acme', endpoint: h.company.ossEndpoint, stsEndpoint: h.company.stsEndpoint, region: 'cn-hangzhou', bucket: 'acme-share', roleArn: h.company.demo!.roleArn, prefixTemplate: 'shared/{user}/{yyyy}-{mm}/' }),
      accessKey: { accessKeyId: h.key.id, accessKeySecret: 'WrongSecretWrongSecretWrongSec' },
    });
    expect((await keytar.findCredentials('Ferry')).filter((c) => c.account.startsWith(`${id}:session:`))).toEqual([]);
    const third = await servicesHarness({ home: h.home });
    await expect(third.services.broker.get(id, 'share')).rejects.toMatchObject({ code: expect.stringMatching(/^credentials\./) });
    expect(third.services.broker.assumeRoleCalls).toBeGreaterThan(0);

    await h.services.accounts.remove(id, { confirmed: true });
    expect((await keytar.findCredentials('Ferry')).filter((c) => c.account.startsWith(`${id}:`))).toEqual([]);
  });

  it('100 concurrent requests share one AssumeRole; 1,000 warm links make none', async () => {
    const h = await companyHarness();
    const { broker } = h.services;
    const all = await Promise.all(Array.from({ length: 100 }, () => broker.get(h!.profile.id, 'share')));
    expect(new Set(all.map((c) => c.accessKeyId)).size).toBe(1);
    expect(broker.assumeRoleCalls).toBe(1);
    const profile = await h.services.accounts.runtimeProfile(h.profile.id);
    for (let i = 0; i < 1000; i++) {
      const credentials = await broker.get(h.profile.id, 'share');
      const url = await createOssClient(profile, credentials).signatureUrlV4('GET', 600, undefined, `shared/x/${i}.txt`);
      expect(url).toContain('x-oss-signature');
    }
    expect(broker.assumeRoleCalls).toBe(1);
  });

  it('never hands out an expired credential, even when STS is down', async () => {
    const clock = new ManualClock(Date.now());
    const h = await companyHarness({ clock, sandboxClock: clock });
    const { broker } = h.services;
    const first = await broker.get(h.profile.id, 'upload');
    await h.company.close(); // STS unreachable from here on
    clock.advance(50 * 60_000); // renewal due, renewal fails, the old one still has 10 minutes
    const stillValid = await broker.get(h.profile.id, 'upload');
    expect(stillValid.accessKeyId).toBe(first.accessKeyId);
    expect(stillValid.expiresAt! - broker.serverNow()).toBeGreaterThan(60_000);
    const callsAfterFailedRenewal = broker.assumeRoleCalls;
    expect((await broker.get(h.profile.id, 'upload')).accessKeyId).toBe(first.accessKeyId);
    expect(broker.assumeRoleCalls).toBe(callsAfterFailedRenewal); // no STS storm: the retry waits 30 s
    clock.advance(9.5 * 60_000); // 30 s left: too little to hand out
    const error = await broker.get(h.profile.id, 'upload').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(toUserError(error, 'en').code).toBe('oss.unreachable');
    expect(broker.assumeRoleCalls).toBeGreaterThanOrEqual(1 + 4 * 2); // two renewals, each retried 4 times
  });

  it('session policies deny writes outside the prefix and deny other purposes\' actions', async () => {
    const h = await companyHarness();
    const profile = await h.services.accounts.runtimeProfile(h.profile.id);
    const upload = createOssClient(profile, await h.services.broker.get(h.profile.id, 'upload'));
    const inside = `${stablePrefix(profile.prefixTemplate, currentUserName())}ok.txt`;
    await upload.put(inside, Buffer.from('fine'));
    for (const attempt of [() => upload.put('elsewhere/evil.txt', Buffer.from('x')), () => upload.put('shared/someone-else/evil.txt', Buffer.from('x')), () => upload.get(inside), () => upload.delete(inside)]) {
      const error = await attempt().then(() => undefined, (e: unknown) => e);
      const en = toUserError(error, 'en');
      expect(en.code).toBe('oss.accessDenied');
      expect(en.message).toMatch(/only writes inside your upload folder/);
      expect(toUserError(error, 'zh-CN').message).toMatch(/只在您的上传文件夹内写入/);
    }
    const share = createOssClient(profile, await h.services.broker.get(h.profile.id, 'share'));
    expect(String((await share.get(inside)).content)).toBe('fine');
  });

  it('learns clock skew from STS (InvalidTimeStamp) and signs with corrected time', async () => {
    const h = await companyHarness();
    h.company.setClockOffset(2 * 3_600_000); // STS's clock is two hours ahead of this computer's
    const { broker } = h.services;
    const profile = await h.services.accounts.runtimeProfile(h.profile.id);
    const credentials = await broker.get(h.profile.id, 'upload');
    // The first AssumeRole was refused (InvalidTimeStamp); the offset came from that reply's Date.
    expect(Math.round(broker.clockOffsetMs() / 60_000)).toBe(120);
    expect(broker.assumeRoleCalls).toBe(2);
    expect(credentials.expiresAt! - h.company.now()).toBeGreaterThan(3_500_000);
    // The credentials work against OSS (on the same skewed clock) when signed with the learned time.
    const key = `${stablePrefix(profile.prefixTemplate, currentUserName())}sts-skew.txt`;
    await createOssClient(profile, credentials, { clockOffsetMs: broker.clockOffsetMs() }).put(key, Buffer.from('x'));
    // A warm cache stays warm: no further AssumeRole.
    expect((await broker.get(h.profile.id, 'upload')).accessKeyId).toBe(credentials.accessKeyId);
    expect(broker.assumeRoleCalls).toBe(2);
  });

  it('learns clock skew from OSS (RequestTimeTooSkewed) and the retried request succeeds', async () => {
    const h = await companyHarness();
    const { broker } = h.services;
    const profile = await h.services.accounts.runtimeProfile(h.profile.id);
    const credentials = await broker.get(h.profile.id, 'upload');
    h.company.setClockOffset(20 * 60_000); // the server is 20 minutes ahead of this computer
    const key = `${stablePrefix(profile.prefixTemplate, currentUserName())}skew.txt`;
    const error = await createOssClient(profile, credentials).put(key, Buffer.from('x')).then(() => undefined, (e: unknown) => e);
    expect(toUserError(error, 'en').code).toBe('oss.clockSkew');
    expect(toUserError(error, 'zh-CN').message).toContain('本机时钟偏差过大');
    expect(learnSkewFrom(error, broker)).toBe(true);
    expect(Math.round(broker.clockOffsetMs() / 60_000)).toBe(20);
    await createOssClient(profile, credentials, { clockOffsetMs: broker.clockOffsetMs() }).put(key, Buffer.from('x'));
  });
});

describe.skipIf(noKeyringReason)('STS broker retries', () => {
  let gateway: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((r) => (gateway ? gateway.close(() => r()) : r()));
    gateway = undefined;
  });

  it('retries transient STS failures (HTTP 500/503) with backoff, then succeeds with one credential', async () => {
    const h = await companyHarness();
    const sts = h.company.stsEndpoint;
    let seen = 0;
    // A gateway in front of the sandbox STS that fails the first two requests, as an overloaded STS would.
    gateway = createServer((req, res) => {
      seen++;
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (seen === 1) {
          res.writeHead(503, { 'Content-Type': 'text/html' }).end('<html>Service Unavailable</html>');
          return;
        }
        if (seen === 2) {
          res.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify({ RequestId: 'R', Code: 'InternalError', Message: 'STS Server Internal Error happened.' }));
          return;
        }
        void fetch(`${sts}${req.url}`, { method: req.method!, headers: { 'content-type': String(req.headers['content-type']) }, body: Buffer.concat(chunks) }).then(async (upstream) => {
          res.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') ?? 'application/json' }).end(await upstream.text());
        });
      });
    });
    await new Promise<void>((r) => gateway!.listen(0, '127.0.0.1', r));
    const profile = await h.services.accounts.runtimeProfile(h.profile.id);
    await h.services.accounts.save({
      profile: ProfileInputSchema.parse({ id: h.profile.id, name: 'Acme', endpoint: profile.endpoint, stsEndpoint: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`, region: 'cn-hangzhou', bucket: 'acme-share', roleArn: profile.roleArn }),
      // Re-pointing a stored key needs the key again (and names hosts outside Alibaba Cloud).
      accessKey: { accessKeyId: h.key.id, accessKeySecret: h.key.secret },
      confirmedHosts: ['sts.nonexistent.invalid', 'oss.nonexistent.invalid'],
    });
    const started = Date.now();
    const all = await Promise.all(Array.from({ length: 10 }, () => h!.services.broker.get(h!.profile.id, 'upload')));
    expect(new Set(all.map((c) => c.accessKeyId)).size).toBe(1);
    expect(seen).toBe(3);
    expect(h.services.broker.assumeRoleCalls).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150 + 350); // two backoff pauses (~250 ms, ~500 ms, ±25%)
  });
});
