import { describe, expect, it } from 'vitest';
import { destinationsOf, isTrustedHost, untrustedHosts } from '../../../src-main/accounts/destinations.ts';
import { reachChanges } from '../../../src-main/accounts/keyCustody.ts';
import type { Profile } from '../../../src-main/profile/profileModel.ts';

describe('which hosts a key may reach without asking', () => {
  it.each([
    ['oss-cn-hangzhou.aliyuncs.com', true],
    ['sts.aliyuncs.com', true],
    ['sts.ap-southeast-1.aliyuncs.com', true],
    ['OSS-CN-HANGZHOU.ALIYUNCS.COM', true],
    ['sts.aliyuncs.com.', true],
    ['localhost', true],
    ['127.0.0.1', true],
    ['[::1]', true],
    ['aliyuncs.com.evil.example', false],
    ['evilaliyuncs.com', false],
    ['sts-aliyuncs.com', false],
    ['127.0.0.2', false],
    ['files.example.com', false],
  ])('%s → %s', (host, trusted) => {
    expect(isTrustedHost(host)).toBe(trusted);
  });

  it('lists the token service, STS and storage a connection would use, in request order', () => {
    expect(destinationsOf({ region: 'cn-shanghai' })).toEqual([
      { role: 'sts', host: 'sts.aliyuncs.com', trusted: true },
      { role: 'storage', host: 'oss-cn-shanghai.aliyuncs.com', trusted: true },
    ]);
    expect(destinationsOf({ credentialSource: 'token-service', tokenServiceUrl: 'https://tokens.acme.example/ferry', endpoint: 'https://oss-cn-hangzhou.aliyuncs.com' })).toEqual([
      { role: 'token-service', host: 'tokens.acme.example', trusted: false },
      { role: 'storage', host: 'oss-cn-hangzhou.aliyuncs.com', trusted: true },
    ]);
    // An environment key without a role is used directly against storage; with one, STS sees its signatures.
    expect(destinationsOf({ credentialSource: 'env', region: 'cn-hangzhou', stsEndpoint: 'https://sts.relay.example' }).map((d) => d.role)).toEqual(['storage']);
    expect(untrustedHosts({ credentialSource: 'env', region: 'cn-hangzhou', stsEndpoint: 'https://sts.relay.example' }, { OSS_STS_ROLE_ARN: 'acs:ram::1:role/x' })).toEqual(['sts.relay.example']);
    expect(destinationsOf({ isSandbox: true, endpoint: 'http://127.0.0.1:1' })).toEqual([]);
  });

  it('names each untrusted host once, with its port', () => {
    expect(untrustedHosts({ endpoint: 'https://relay.example:8443', stsEndpoint: 'https://relay.example:8443' })).toEqual(['relay.example:8443']);
  });
});

describe('what counts as re-pointing a stored key', () => {
  const base: Profile = {
    id: 'p1',
    name: 'Acme',
    endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
    region: 'cn-hangzhou',
    bucket: 'acme-share',
    prefixTemplate: 'shared/{user}/',
    roleArn: 'acs:ram::1234567890123456:role/ferry',
    sessionDurationSeconds: 3600,
    defaultLinkExpiry: '1d',
    signatureVersion: 'v4',
    credentialSource: 'keychain-role',
    isSandbox: false,
    hasLinkSigningKey: false,
    uploadOnly: false,
    createdAt: 0,
  };

  it('addresses, bucket, role, folder and sign-in method; not the name, expiry, session length or signature', () => {
    expect(reachChanges(base, { ...base, name: 'Acme files', defaultLinkExpiry: '7d', sessionDurationSeconds: 7200, signatureVersion: 'v1' })).toEqual([]);
    expect(reachChanges(base, { ...base, stsEndpoint: 'https://sts.relay.example', prefixTemplate: '', bucket: 'b2', credentialSource: 'env' })).toEqual([
      'stsEndpoint',
      'bucket',
      'prefixTemplate',
      'credentialSource',
    ]);
  });
});
