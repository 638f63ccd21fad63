import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { currentUserName } from '../../../src-main/accounts/prefixTemplate.ts';
import { ProfileInputSchema } from '../../../src-main/contract/profiles.ts';
import { toUserError } from '../../../src-main/errors/userError.ts';
import { classifyOssResponse } from '../../../src-main/oss/classifyError.ts';
import { createOssClient, presignGet } from '../../../src-main/oss/ossClient.ts';
import { assumeRoleOnlyPolicy, bucketObjectPolicy, demoConfig } from '../../../src-main/sandbox/index.ts';
import { ManualClock } from '../../../src-main/time/clock.ts';
import { companyHarness, noKeyringReason, servicesHarness, type Harness } from '../../support/integrationHarness.ts';

/** The message for `error` in both languages must be the catalog's, with its "what to do" part. */
function expectMessages(error: unknown, code: string, en: RegExp, zh: RegExp): void {
  const english = toUserError(error, 'en');
  const chinese = toUserError(error, 'zh-CN');
  expect(english.code).toBe(code);
  expect(english.message).toMatch(en);
  expect(chinese.message).toMatch(zh);
}

async function failedStep(h: Harness, id: string) {
  const result = await h.services.accounts.test(id, 'en');
  const failed = result.steps.find((s) => s.status === 'failed');
  const zh = await h.services.accounts.test(id, 'zh-CN');
  return { result, failed, zh: zh.steps.find((s) => s.status === 'failed') };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

const rejects = (p: Promise<unknown>): Promise<unknown> => p.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e);

describe.skipIf(noKeyringReason)('plain-language errors, produced for real against the sandbox', () => {
  const stsCases: [string, Parameters<typeof companyHarness>[0], string, RegExp, RegExp][] = [
    ['wrong secret (SignatureDoesNotMatch)', { secret: 'WrongSecretWrongSecretWrongSec' }, 'credentials.wrongSecret', /secret does not match/, /Secret 与 AccessKey ID 不匹配/],
    ['RAM user without sts:AssumeRole ("You should be authorized by RAM")', { config: (key) => ({ ...demoConfig({ key, bucket: 'acme-share' }), users: [{ name: 'u', accessKeys: [{ id: key.id, secret: key.secret }], policies: [] }], demo: {} }) }, 'credentials.notAuthorizedToAssume', /main \(root\) account.s key, ask IT for a RAM user key/, /请向 IT 索取 RAM 用户密钥/],
    ['the main (root) account\'s key ("Roles may not be assumed by root accounts")', { config: (key) => ({ ...demoConfig({ key, bucket: 'acme-share' }), users: [{ name: 'owner', root: true, accessKeys: [{ id: key.id, secret: key.secret }] }], demo: {} }) }, 'credentials.rootAccountKey', /This key belongs to the main \(root\) account.*Ask IT for a RAM user key/, /此密钥属于主账号.*请向 IT 索取 RAM 用户密钥/],
    ['role that does not trust the user', { config: (key) => ({ ...demoConfig({ key, bucket: 'acme-share' }), users: [{ name: 'u', accessKeys: [{ id: key.id, secret: key.secret }], policies: [assumeRoleOnlyPolicy] }, { name: 'other' }], roles: [{ name: 'ferry-demo', trustedUsers: ['other'], policies: [bucketObjectPolicy('acme-share')] }], demo: {} }) }, 'credentials.roleNotTrusted', /trust policy/, /信任策略/],
    ['role that does not exist', { profile: { roleArn: 'acs:ram::1234567890123456:role/no-such-role' } }, 'credentials.roleNotFound', /correct Role ARN/, /正确的 Role ARN/],
    ['session longer than the role allows (DurationSeconds 15min/1hr)', { profile: { sessionDurationSeconds: 7200 } }, 'credentials.durationTooLong', /longer than the role allows/, /超出了角色允许的范围/],
    ['disabled AccessKey', { config: (key) => ({ ...demoConfig({ key, bucket: 'acme-share' }), users: [{ name: 'u', accessKeys: [{ id: key.id, secret: key.secret, enabled: false }], policies: [assumeRoleOnlyPolicy] }], demo: {} }) }, 'credentials.keyDisabled', /disabled/, /已被禁用/],
  ];

  it.each(stsCases)('STS: %s', async (_label, options, code, en, zh) => {
    const c = await companyHarness({
      ...options,
      profile: { roleArn: 'acs:ram::1234567890123456:role/ferry-demo', ...options?.profile },
    });
    const { failed, zh: failedZh } = await failedStep(c, c.profile.id);
    expect(failed?.id).toBe('assume-role');
    expect(failed?.error?.code).toBe(code);
    expect(failed?.error?.message).toMatch(en);
    expect(failedZh?.error?.message).toMatch(zh);
  });

  it('STS: unknown AccessKey ID', async () => {
    const c = await companyHarness({ config: (key) => demoConfig({ key: { id: 'FakeKeySomebodyElse1234', secret: key.secret }, bucket: 'acme-share' }) });
    const { failed, zh } = await failedStep(c, c.profile.id);
    expect([failed?.id, failed?.error?.code]).toEqual(['assume-role', 'credentials.keyNotFound']);
    expect(failed?.error?.message).toMatch(/does not know this AccessKey ID/);
    expect(zh?.error?.message).toMatch(/阿里云不认识此 AccessKey ID/);
  });

  it('STS unreachable, DNS failure, TLS failure and a proxy page are told apart and named at the STS step', async () => {
    const c = await companyHarness();
    const proxy = createServer((_req, res) => {
      // A captive portal / proxy login page answering in place of STS.
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html><body>Please sign in to the guest network</body></html>');
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const proxyPort = (proxy.address() as AddressInfo).port;
    const stsPort = new URL(c.company.stsEndpoint).port;
    const cases: [string, string, RegExp, RegExp][] = [
      [`http://127.0.0.1:${await freePort()}`, 'oss.unreachable', /could not connect to 127\.0\.0\.1/, /无法连接到 127\.0\.0\.1/],
      ['https://sts.nonexistent.invalid', 'oss.dnsFailed', /could not find the server sts\.nonexistent\.invalid/, /找不到服务器/],
      [`https://127.0.0.1:${stsPort}`, 'oss.tlsFailed', /secure connection/, /安全连接/],
      [`http://127.0.0.1:${proxyPort}`, 'credentials.stsBadReply', /proxy or login page/, /代理或登录页面/],
    ];
    try {
      for (const [stsEndpoint, code, en, zh] of cases) {
        const view = await c.services.accounts.save({
          profile: ProfileInputSchema.parse({ id: c.profile.id, name: 'Acme', endpoint: c.company.ossEndpoint, stsEndpoint, region: 'cn-hangzhou', bucket: 'acme-share', roleArn: c.company.demo?.roleArn }),
          // Re-pointing a stored key needs the key again (and names hosts outside Alibaba Cloud).
          accessKey: { accessKeyId: c.key.id, accessKeySecret: c.key.secret },
          confirmedHosts: ['sts.nonexistent.invalid', 'oss.nonexistent.invalid'],
        });
        const { failed, zh: failedZh } = await failedStep(c, view.id);
        expect([stsEndpoint, failed?.id, failed?.error?.code]).toEqual([stsEndpoint, 'sts-reachable', code]);
        expect(failed?.error?.message).toMatch(en);
        expect(failedZh?.error?.message).toMatch(zh);
      }
    } finally {
      await new Promise<void>((r) => proxy.close(() => r()));
    }
  });

  it('OSS unreachable, DNS and TLS failures (as ali-oss reports them) are named at the bucket step', async () => {
    const c = await companyHarness();
    const ossPort = new URL(c.company.ossEndpoint).port;
    const freeOss = await freePort();
    const cases: [string, string, RegExp, RegExp][] = [
      [`http://127.0.0.1:${freeOss}`, 'oss.unreachable', new RegExp(`could not connect to 127\\.0\\.0\\.1:${freeOss}`), /无法连接到/],
      ['https://oss.nonexistent.invalid', 'oss.dnsFailed', /could not find the server/, /找不到服务器/],
      [`https://127.0.0.1:${ossPort}`, 'oss.tlsFailed', /certificate was not trusted|secure connection/, /安全连接/],
    ];
    for (const [endpoint, code, en, zh] of cases) {
      await c.services.accounts.save({
        profile: ProfileInputSchema.parse({ id: c.profile.id, name: 'Acme', endpoint, stsEndpoint: c.company.stsEndpoint, region: 'cn-hangzhou', bucket: 'acme-share', roleArn: c.company.demo?.roleArn }),
        // Re-pointing a stored key needs the key again (and names hosts outside Alibaba Cloud).
        accessKey: { accessKeyId: c.key.id, accessKeySecret: c.key.secret },
        confirmedHosts: ['sts.nonexistent.invalid', 'oss.nonexistent.invalid'],
      });
      const { failed, zh: failedZh } = await failedStep(c, c.profile.id);
      expect([endpoint, failed?.id, failed?.error?.code]).toEqual([endpoint, 'bucket', code]);
      expect(failed?.error?.message).toMatch(en);
      expect(failedZh?.error?.message).toMatch(zh);
    }
  });

  it('OSS: NoSuchBucket and a region that does not match the bucket are named at the bucket step', async () => {
    const c = await companyHarness({ profile: { bucket: 'no-such-bucket' } });
    let { failed, zh } = await failedStep(c, c.profile.id);
    expect([failed?.id, failed?.error?.code]).toEqual(['bucket', 'oss.noSuchBucket']);
    expect(failed?.error?.message).toMatch(/"no-such-bucket" does not exist/);
    expect(zh?.error?.message).toMatch(/不存在存储空间“no-such-bucket”/);
    await c.services.accounts.save({
      profile: ProfileInputSchema.parse({ id: c.profile.id, name: 'Acme', endpoint: c.company.ossEndpoint, stsEndpoint: c.company.stsEndpoint, region: 'cn-shanghai', bucket: 'acme-share', roleArn: c.company.demo?.roleArn }),
      // Re-pointing a stored key needs the key again (and names hosts outside Alibaba Cloud).
      accessKey: { accessKeyId: c.key.id, accessKeySecret: c.key.secret },
      confirmedHosts: ['sts.nonexistent.invalid', 'oss.nonexistent.invalid'],
    });
    ({ failed, zh } = await failedStep(c, c.profile.id));
    expect([failed?.id, failed?.error?.code]).toEqual(['bucket', 'oss.wrongRegion']);
    expect(zh?.error?.message).toMatch(/地域/);
  });

  it('OSS: a bucket in another region than the endpoint (AccessDenied "must be addressed using the specified endpoint")', async () => {
    const c = await companyHarness({
      config: (key) => {
        const base = demoConfig({ key, bucket: 'acme-share' });
        return { ...base, buckets: [...(base.buckets ?? []), { name: 'acme-shanghai', region: 'cn-shanghai' }] };
      },
      profile: { bucket: 'acme-shanghai' },
    });
    for (const signatureVersion of ['v4', 'v1'] as const) {
      const profile = await c.services.accounts.runtimeProfile(c.profile.id);
      await c.services.accounts.save({
        profile: ProfileInputSchema.parse({ id: c.profile.id, name: 'Acme', endpoint: profile.endpoint, stsEndpoint: c.company.stsEndpoint, region: 'cn-hangzhou', bucket: 'acme-shanghai', roleArn: c.company.demo?.roleArn, signatureVersion }),
        // Re-pointing a stored key needs the key again (and names hosts outside Alibaba Cloud).
        accessKey: { accessKeyId: c.key.id, accessKeySecret: c.key.secret },
        confirmedHosts: ['sts.nonexistent.invalid', 'oss.nonexistent.invalid'],
      });
      const { failed, zh } = await failedStep(c, c.profile.id);
      expect([signatureVersion, failed?.id, failed?.error?.code]).toEqual([signatureVersion, 'bucket', 'oss.wrongEndpoint']);
      expect(failed?.error?.message).toMatch(/bucket is in a different region than this connection's address\. Ask IT for the bucket's correct endpoint/);
      expect(zh?.error?.message).toMatch(/存储空间所在地域与此连接的地址不一致。请向 IT 索取该存储空间的正确 Endpoint/);
    }
  });

  it('OSS: long-term keys from the environment — unknown id and wrong secret', async () => {
    const company = await companyHarness();
    const run = async (env: NodeJS.ProcessEnv) => {
      const e = await servicesHarness({ env });
      try {
        const view = await e.services.accounts.save({
          profile: ProfileInputSchema.parse({ name: 'Env', endpoint: company.company.ossEndpoint, region: 'cn-hangzhou', bucket: 'acme-share', credentialSource: 'env' }),
        });
        return await failedStep(e, view.id);
      } finally {
        await e.close();
      }
    };
    let { failed, zh } = await run({ OSS_ACCESS_KEY_ID: 'FakeKeyNobodyHasThis123', OSS_ACCESS_KEY_SECRET: company.key.secret });
    expect([failed?.id, failed?.error?.code]).toEqual(['bucket', 'oss.keyNotFound']);
    expect(zh?.error?.message).toMatch(/OSS 不认识此访问密钥/);
    ({ failed, zh } = await run({ OSS_ACCESS_KEY_ID: company.key.id, OSS_ACCESS_KEY_SECRET: 'WrongSecretWrongSecretWrongSec' }));
    expect([failed?.id, failed?.error?.code]).toEqual(['bucket', 'oss.wrongSecret']);
    expect(failed?.error?.message).toMatch(/secret does not match/);
    expect(zh?.error?.message).toMatch(/Secret 与密钥不匹配/);
  });

  it('OSS: anonymous access, bucket ACL, expired link, expired and invalid security tokens', async () => {
    const clock = new ManualClock(Date.now());
    const c = await companyHarness({ sandboxClock: clock });
    const profile = await c.services.accounts.runtimeProfile(c.profile.id);
    const upload = await c.services.broker.get(c.profile.id, 'upload');
    // The demo role may write anywhere in the bucket; our own upload policy limits it to the prefix.
    const user = currentUserName();
    const inside = `shared/${user}/errors-test.txt`;
    await createOssClient(profile, upload).put(inside, Buffer.from('x'));

    const anonymous = await fetch(`${profile.endpoint}/${profile.bucket}/${inside}`);
    expectMessages(classifyOssResponse(anonymous.status, await anonymous.text()), 'oss.anonymous', /main account; ask IT for a RAM user key/, /主账号/);

    const shareCredentials = await c.services.broker.get(c.profile.id, 'share');
    const url = await presignGet(createOssClient(profile, shareCredentials), profile, shareCredentials, inside, 60);
    clock.advance(120_000);
    const expired = await fetch(url);
    expectMessages(classifyOssResponse(expired.status, await expired.text()), 'oss.linkExpired', /link has expired/, /链接已过期/);

    clock.advance(3_600_000); // the upload credentials are now past their expiry on the server
    const serverTime = { clockOffsetMs: clock.now() - Date.now() };
    expectMessages(await rejects(createOssClient(profile, upload, serverTime).put(inside, Buffer.from('y'))), 'oss.tokenExpired', /temporary access expired/, /临时访问凭证已过期/);

    const tampered = { ...upload, securityToken: `${upload.securityToken!.slice(0, -8)}AAAAAAAA` };
    expectMessages(await rejects(createOssClient(profile, tampered, serverTime).put(inside, Buffer.from('y'))), 'oss.invalidToken', /security token/, /安全令牌/);
  });

  it('OSS: a role without download rights gives "bucket acl" and the profile is marked upload-only', async () => {
    const c = await companyHarness({
      config: (key) => ({
        ...demoConfig({ key, bucket: 'acme-share' }),
        roles: [{ name: 'ferry-demo', policies: [{ Version: '1', Statement: [{ Effect: 'Allow', Action: ['oss:PutObject', 'oss:DeleteObject', 'oss:ListObjects'], Resource: ['acs:oss:*:*:acme-share', 'acs:oss:*:*:acme-share/*'] }] }] }],
      }),
    });
    const result = await c.services.accounts.test(c.profile.id, 'zh-CN');
    expect(result.ok).toBe(true);
    const link = result.steps.find((s) => s.id === 'link');
    expect(link?.status).toBe('skipped');
    expect(link?.error?.code).toBe('accounts.uploadOnly');
    expect(link?.error?.message).toMatch(/可以上传但不能分享/);
    expect(result.steps.find((s) => s.id === 'cleanup')?.status).toBe('ok');
    const { profiles } = await c.services.accounts.list();
    expect(profiles.find((p) => p.id === c.profile.id)?.uploadOnly).toBe(true);
    const profile = await c.services.accounts.runtimeProfile(c.profile.id);
    const share = createOssClient(profile, await c.services.broker.get(c.profile.id, 'share'));
    expectMessages(await rejects(share.get('shared/anything.txt')), 'oss.bucketAcl', /access settings \(ACL\)/, /访问设置（ACL）/);
  });

  it('OSS: server errors and timeouts', async () => {
    const c = await companyHarness();
    const profile = await c.services.accounts.runtimeProfile(c.profile.id);
    const credentials = await c.services.broker.get(c.profile.id, 'manage');
    c.company.faults.add({ status: 503, times: 1 });
    expectMessages(await rejects(createOssClient(profile, credentials).list({ prefix: 'shared/', 'max-keys': 1 }, {})), 'oss.serverError', /HTTP 503/, /HTTP 503/);
    c.company.faults.add({ delayMs: 3000, times: 1 });
    expectMessages(await rejects(createOssClient(profile, credentials, { timeoutMs: 300 }).list({ prefix: 'shared/', 'max-keys': 1 }, {})), 'oss.timeout', /did not answer in time/, /未及时响应/);
  });

  it('pasted temporary credentials: expiry asks for new ones', async () => {
    const clock = new ManualClock(Date.now());
    const c = await companyHarness({ clock, sandboxClock: clock });
    const fresh = await c.services.broker.get(c.profile.id, 'upload');
    const view = await c.services.accounts.save({
      profile: ProfileInputSchema.parse({ name: 'Supplier', endpoint: c.company.ossEndpoint, region: 'cn-hangzhou', bucket: 'acme-share', credentialSource: 'temporary' }),
      temporaryCredentials: { accessKeyId: fresh.accessKeyId, accessKeySecret: fresh.accessKeySecret, securityToken: fresh.securityToken!, expiration: new Date(fresh.expiresAt!).toISOString() },
    });
    expect(view.credentialsExpireAt).toBe(fresh.expiresAt);
    expect((await c.services.broker.get(view.id, 'upload')).accessKeyId).toBe(fresh.accessKeyId);
    clock.advance(3_600_000);
    expectMessages(await rejects(c.services.broker.get(view.id, 'upload')), 'credentials.temporaryExpired', /Ask whoever gave them to you for new ones/, /索取新的凭证/);
    expect((await c.services.accounts.sessionState('en')).state).toBe('expired');
    await c.services.accounts.remove(view.id, { confirmed: true });
  });
});
