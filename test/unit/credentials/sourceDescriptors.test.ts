import { describe, expect, it } from 'vitest';
import type { CredentialSource, SourceContext } from '../../../src-main/credentials/sources/index.ts';
import { sourceOf } from '../../../src-main/credentials/sources/index.ts';
import { environmentSource } from '../../../src-main/credentials/sources/environment.ts';
import { keychainRoleSource } from '../../../src-main/credentials/sources/keychainRole.ts';
import type { Keychain } from '../../../src-main/credentials/keychain.ts';
import { CredentialSourceKindSchema, type CredentialSourceKind, type Profile } from '../../../src-main/profile/profileModel.ts';

// @ts-expect-error — the table is a Record over every kind: a source left out does not compile.
const _incomplete: Record<CredentialSourceKind, CredentialSource> = { 'keychain-role': keychainRoleSource, env: environmentSource };

const NOW = Date.parse('2026-12-06T00:00:00Z');
const profile = (kind: CredentialSourceKind): Profile => ({
  id: 'p1',
  name: 'Acme',
  endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
  region: 'cn-hangzhou',
  bucket: 'acme-share',
  prefixTemplate: 'shared/',
  roleArn: 'acs:ram::1:role/ferry',
  sessionDurationSeconds: 3600,
  defaultLinkExpiry: '1d',
  signatureVersion: 'v4',
  credentialSource: kind,
  tokenServiceUrl: 'http://127.0.0.1:9/sts',
  isSandbox: false,
  hasLinkSigningKey: false,
  uploadOnly: false,
  createdAt: NOW,
});

/** A context where every source finds what it needs, and which records what each one did. */
function world(kind: CredentialSourceKind) {
  const did = { assumed: 0, fetched: 0, keychainReads: 0 };
  const stored =
    kind === 'temporary'
      ? { v: 1, kind: 'temporary', accessKeyId: 'STS.a', accessKeySecret: 's', securityToken: 't', expiresAt: NOW + 3_600_000 }
      : { v: 1, kind: 'access-key', accessKeyId: 'LTAIexample', accessKeySecret: 's' };
  const ctx: SourceContext = {
    keychain: { read: async () => ((did.keychainReads += 1), stored) } as unknown as Keychain,
    env: { OSS_ACCESS_KEY_ID: 'LTAIenv', OSS_ACCESS_KEY_SECRET: 'envsecret', OSS_STS_ROLE_ARN: 'acs:ram::1:role/env' },
    serverNow: () => NOW,
    assume: async () => ((did.assumed += 1), { accessKeyId: 'STS.x', accessKeySecret: 'y', securityToken: 'z', expiresAt: NOW + 3_600_000 }),
    fetch: async () => (
      (did.fetched += 1),
      new Response(JSON.stringify({ AccessKeyId: 'STS.f', AccessKeySecret: 'g', SecurityToken: 'h', Expiration: new Date(NOW + 3_600_000).toISOString() }))
    ),
  };
  return { ctx, did };
}

describe('credential source descriptors say what each source does', () => {
  it.each(CredentialSourceKindSchema.options)('%s: its facts match what obtain() really does', async (kind) => {
    const source = sourceOf(kind);
    expect(source.kind).toBe(kind);
    const { ctx, did } = world(kind);
    const credentials = await source.obtain(profile(kind), 'upload', ctx);
    expect(credentials.accessKeyId).toBeTruthy();
    expect(did.assumed > 0, 'signsAtSts').toBe(source.signsAtSts(ctx.env, profile(kind).roleArn));
    expect(did.keychainReads > 0, 'keychainSecret').toBe(source.keychainSecret !== undefined);
    expect(did.fetched > 0, 'needsTokenService').toBe(source.needsTokenService);
    // Only credentials someone pasted carry an expiry Ferry cannot move.
    expect(source.renews).toBe(kind !== 'temporary');
  });

  it('the environment source signs at STS when a role is known (OSS_STS_ROLE_ARN or the connection\'s)', () => {
    expect(environmentSource.signsAtSts({}, undefined)).toBe(false);
    expect(environmentSource.signsAtSts({ OSS_STS_ROLE_ARN: 'acs:ram::1:role/env' }, undefined)).toBe(true);
    expect(environmentSource.signsAtSts({}, 'acs:ram::1:role/ferry')).toBe(true);
  });

  it('a connection with a role always assumes it, even without OSS_STS_ROLE_ARN (the long-term key never goes to OSS)', async () => {
    const { ctx, did } = world('env');
    delete ctx.env.OSS_STS_ROLE_ARN;
    const credentials = await environmentSource.obtain(profile('env'), 'upload', ctx);
    expect(did.assumed).toBe(1);
    expect(credentials.accessKeyId).toBe('STS.x');
    const { ctx: bare, did: bareDid } = world('env');
    delete bare.env.OSS_STS_ROLE_ARN;
    await environmentSource.obtain({ ...profile('env'), roleArn: undefined }, 'upload', bare);
    expect(bareDid.assumed).toBe(0);
  });
});
