import { describe, expect, it } from 'vitest';
import { expandPrefix, prefixTemplateProblem, stablePrefix } from '../../../src-main/accounts/prefixTemplate.ts';
import { migrateProfilesFile } from '../../../src-main/accounts/profileMigrations.ts';
import { regionFromEndpoint } from '../../../src-main/accounts/endpoint.ts';

describe('prefix templates', () => {
  it('expand placeholders in UTC and keep a stable part for session policies', () => {
    const now = Date.parse('2026-03-05T23:30:00Z');
    expect(expandPrefix('shared/{user}/{yyyy}-{mm}/{dd}/', { user: 'alice', now })).toBe('shared/alice/2026-03/05/');
    expect(stablePrefix('shared/{user}/{yyyy}-{mm}/', 'alice')).toBe('shared/alice/');
    expect(stablePrefix('drop/', 'alice')).toBe('drop/');
  });

  it('reject templates that could escape or confuse', () => {
    expect(prefixTemplateProblem('shared/{user}/')).toBeUndefined();
    expect(prefixTemplateProblem('a/../b/')).toBe('dot-segment');
    expect(prefixTemplateProblem('{home}/')).toBe('unknown-placeholder');
    expect(prefixTemplateProblem('a/{user/')).toBe('unbalanced-brace');
  });

  it('derive the region from standard endpoints', () => {
    expect(regionFromEndpoint('oss-cn-hangzhou.aliyuncs.com')).toBe('cn-hangzhou');
    expect(regionFromEndpoint('https://oss-ap-southeast-1-internal.aliyuncs.com')).toBe('ap-southeast-1');
    expect(regionFromEndpoint('https://files.example.com')).toBeUndefined();
  });
});

describe('profiles.json migrations', () => {
  it('upgrades a version 1 file to version 2', () => {
    const v1 = {
      version: 1,
      active: 'a1',
      profiles: [
        { id: 'a1', name: 'Acme', endpoint: 'https://oss-cn-shanghai.aliyuncs.com', bucket: 'acme', prefix: 'drop/', roleArn: 'acs:ram::1:role/x', durationSeconds: 1800, linkExpiry: '7d', signature: 'V1', createdAt: 5 },
      ],
    };
    expect(migrateProfilesFile(v1)).toEqual({
      version: 2,
      activeId: 'a1',
      profiles: [
        {
          id: 'a1',
          name: 'Acme',
          endpoint: 'https://oss-cn-shanghai.aliyuncs.com',
          region: 'cn-shanghai',
          bucket: 'acme',
          prefixTemplate: 'drop/',
          roleArn: 'acs:ram::1:role/x',
          sessionDurationSeconds: 1800,
          defaultLinkExpiry: '7d',
          signatureVersion: 'v1',
          credentialSource: 'keychain-role',
          isSandbox: false,
          createdAt: 5,
        },
      ],
    });
  });

  it('leaves the current version and unknown versions alone', () => {
    const v2 = { version: 2, activeId: null, profiles: [] };
    expect(migrateProfilesFile(v2)).toBe(v2);
    expect(migrateProfilesFile({ version: 99 })).toEqual({ version: 99 });
  });
});
