import { createNetwork } from '../../../src-main/network/network.ts';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import keytar from '@github/keytar';
import { ProfileInputSchema } from '../../../src-main/contract/profiles.ts';
import { linkSigningAccount } from '../../../src-main/credentials/keychain.ts';
import { assumeRole } from '../../../src-main/credentials/stsClient.ts';
import { toUserError } from '../../../src-main/errors/userError.ts';
import { demoConfig, generateDemoKey } from '../../../src-main/sandbox/index.ts';
import { filesContaining } from '../../support/filesContaining.ts';
import { companyHarness, companySandbox, noKeyringReason, servicesHarness, type Harness } from '../../support/integrationHarness.ts';

describe.skipIf(noKeyringReason)('keychain and credential sources', () => {
  it('saves, reads, masks and deletes (with the link-signing key under its own account)', async () => {
    const h = await companyHarness();
    const linkKey = generateDemoKey();
    const view = await h.services.accounts.save({
      profile: ProfileInputSchema.parse({ id: h.profile.id, name: 'Acme', endpoint: h.company.ossEndpoint, stsEndpoint: h.company.stsEndpoint, region: 'cn-hangzhou', bucket: 'acme-share', roleArn: h.company.demo!.roleArn }),
      linkSigningKey: { accessKeyId: linkKey.id, accessKeySecret: linkKey.secret },
    });
    expect(view.hasLinkSigningKey).toBe(true);
    expect(view.maskedAccessKeyId).toBe(`${h.key.id.slice(0, 4)}••••${h.key.id.slice(-4)}`);
    expect(JSON.parse((await keytar.getPassword('Ferry', view.id))!)).toMatchObject({ kind: 'access-key', accessKeyId: h.key.id, accessKeySecret: h.key.secret });
    expect(JSON.parse((await keytar.getPassword('Ferry', linkSigningAccount(view.id)))!)).toMatchObject({ accessKeyId: linkKey.id });
    // 'share' now signs with the long-term link-signing key; the other purposes still use STS.
    expect((await h.services.broker.get(view.id, 'share')).accessKeyId).toBe(linkKey.id);
    expect((await h.services.broker.get(view.id, 'upload')).accessKeyId).toMatch(/^STS\./);
    const settings = await readFile(path.join(h.home, 'profiles.json'), 'utf8');
    expect(settings).toContain('••••');
    expect(await filesContaining(h.home, [h.key.secret, h.key.id, linkKey.secret, linkKey.id])).toEqual([]);
    await h.services.accounts.remove(view.id, { confirmed: true });
    expect(await keytar.getPassword('Ferry', view.id)).toBeNull();
    expect(await keytar.getPassword('Ferry', linkSigningAccount(view.id))).toBeNull();
  });

  it('a key of the wrong shape is refused before anything is written', async () => {
    const h = await servicesHarness();
    const error = await h.services.accounts
      .save({ profile: ProfileInputSchema.parse({ name: 'A', bucket: 'acme-share', region: 'cn-hangzhou', roleArn: 'acs:ram::1234567890123456:role/r' }), accessKey: { accessKeyId: 'Fake5t-not-valid', accessKeySecret: 'abcdefghijklmnopqrstuvwxyz0123' } })
      .catch((e: unknown) => e);
    expect(toUserError(error, 'zh-CN').message).toMatch(/这看起来不像 AccessKey ID/);
    expect((await h.services.accounts.list()).profiles).toEqual([]);
    expect(await filesContaining(h.home, ['abcdefghijklmnopqrstuvwxyz0123'])).toEqual([]);
    expect((await keytar.findCredentials('Ferry')).some((c) => c.password.includes('abcdefghijklmnopqrstuvwxyz0123'))).toBe(false);
  });

  it('environment variables: long-term key directly, or OSS_STS_ROLE_ARN to assume a role', async () => {
    const key = generateDemoKey();
    const company = await companySandbox({ config: demoConfig({ key, bucket: 'acme-share' }) });
    const env = { OSS_ACCESS_KEY_ID: key.id, OSS_ACCESS_KEY_SECRET: key.secret, OSS_STS_ROLE_ARN: company.demo!.roleArn };
    const h = await servicesHarness({ env });
    const view = await h.services.accounts.save({
      profile: ProfileInputSchema.parse({ name: 'Env', endpoint: company.ossEndpoint, stsEndpoint: company.stsEndpoint, region: 'cn-hangzhou', bucket: 'acme-share', credentialSource: 'env' }),
    });
    const result = await h.services.accounts.test(view.id, 'en');
    expect(result.steps.map((s) => s.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    expect((await h.services.broker.get(view.id, 'upload')).accessKeyId).toMatch(/^STS\./);
  });

  it('a company token service (the /sts app-server pattern) is used over http on localhost', async () => {
    const key = generateDemoKey();
    const company = await companySandbox({ config: demoConfig({ key, bucket: 'acme-share' }) });
    let served = 0;
    const appServer = createServer((req, res) => {
      served++;
      void assumeRole({ endpoint: company.stsEndpoint, caller: { accessKeyId: key.id, accessKeySecret: key.secret }, roleArn: company.demo!.roleArn, sessionName: 'app-server', durationSeconds: 3600, now: Date.now(), fetch: createNetwork().fetch }).then(({ credentials }) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ AccessKeyId: credentials.accessKeyId, AccessKeySecret: credentials.accessKeySecret, SecurityToken: credentials.securityToken, Expiration: new Date(credentials.expiresAt).toISOString() }));
      });
    });
    await new Promise<void>((r) => appServer.listen(0, '127.0.0.1', r));
    onTestFinished(() => new Promise<void>((r) => appServer.close(() => r())));
    const url = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}/sts`;
    const h = await servicesHarness();
    const view = await h.services.accounts.save({
      profile: ProfileInputSchema.parse({ name: 'Tokens', endpoint: company.ossEndpoint, region: 'cn-hangzhou', bucket: 'acme-share', credentialSource: 'token-service', tokenServiceUrl: url }),
    });
    const result = await h.services.accounts.test(view.id, 'en');
    expect(result.steps.map((s) => `${s.id}:${s.status}`)).toEqual(['keychain:skipped', 'sts-reachable:skipped', 'assume-role:ok', 'bucket:ok', 'write:ok', 'link:ok', 'cleanup:ok']);
    await Promise.all(Array.from({ length: 20 }, () => h.services.broker.get(view.id, 'upload')));
    expect(served).toBeLessThanOrEqual(4);
    const refused = await h.services.accounts
      .save({ profile: ProfileInputSchema.parse({ name: 'Tokens', bucket: 'acme-share', region: 'cn-hangzhou', credentialSource: 'token-service', tokenServiceUrl: 'http://tokens.example.com/sts' }) })
      .catch((e: unknown) => e);
    expect(toUserError(refused, 'en').code).toBe('accounts.address.notHttps');
  });

  it('an old profiles.json is migrated in place on first read', async () => {
    const h: Harness = await servicesHarness();
    await mkdir(h.home, { recursive: true });
    await writeFile(
      path.join(h.home, 'profiles.json'),
      JSON.stringify({ version: 1, active: 'old1', profiles: [{ id: 'old1', name: 'Old', endpoint: 'https://oss-cn-beijing.aliyuncs.com', bucket: 'old-bucket', prefix: 'drop/', roleArn: 'acs:ram::1234567890123456:role/r', durationSeconds: 1800, linkExpiry: '7d', signature: 'V1', createdAt: 1 }] }),
    );
    const { profiles, activeId } = await h.services.accounts.list();
    expect(activeId).toBe('old1');
    expect(profiles[0]).toMatchObject({ region: 'cn-beijing', signatureVersion: 'v1', prefixTemplate: 'drop/', credentialSource: 'keychain-role' });
    expect(JSON.parse(await readFile(path.join(h.home, 'profiles.json'), 'utf8')).version).toBe(2);
  });
});
