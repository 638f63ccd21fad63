import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRegQuery, readWindowsPolicy, type RunProgram } from '../../../src-main/policy/windowsRegistry.ts';
import { managedPreferencesFiles, parsePlistXml, readMacPolicy } from '../../../src-main/policy/macPreferences.ts';
import { checkPolicy } from '../../../src-main/policy/policyModel.ts';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** Recorded output, as the program gave it. */
function recorded(code: number, stdout: string): RunProgram & { calls: string[][] } {
  const calls: string[][] = [];
  return Object.assign(async (file: string, args: readonly string[]) => {
    calls.push([file, ...args]);
    return { code, stdout };
  }, { calls });
}

const ACME = {
  id: 'acme',
  locked: true,
  region: 'cn-shanghai',
  bucket: 'acme-share',
  roleArn: 'acs:ram::1234567890123456:role/ferry-staff',
  sessionDurationSeconds: 3600,
};

describe('Windows: HKLM\\SOFTWARE\\Policies\\Ferry from `reg query /s`', () => {
  it('reads settings as values and each preset connection as a Connections\\<id> subkey', () => {
    const raw = parseRegQuery(fixture('reg-query.txt'));
    const reading = checkPolicy(raw, 'HKLM');
    expect(reading.problem).toBeUndefined();
    expect(reading.policy).toEqual({
      maxLinkExpiry: '3d',
      defaultLinkExpiry: '1d',
      forceV4Signatures: true,
      requireIpRestrictedLinks: false,
      disableTrial: true,
      connections: [
        { ...ACME, name: 'Acme 共享 (Shanghai)', prefixTemplate: 'shared/{user}/{yyyy}-{mm}/' },
        { id: 'archive', locked: false, name: 'Archive', endpoint: 'https://oss-cn-hangzhou.aliyuncs.com', bucket: 'acme-archive', signatureVersion: 'v4' },
      ],
    });
  });

  it('a value or subkey Ferry does not know, or a DWORD where a word belongs, makes the whole policy malformed', () => {
    const unknownValue = fixture('reg-query.txt').replace('    DisableTrial', '    AccessKeySecret    REG_SZ    abc\r\n    DisableTrial');
    expect(checkPolicy(parseRegQuery(unknownValue), 'HKLM').problem).toMatch(/unknown accessKeySecret/);
    const unknownKey = fixture('reg-query.txt') + 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Ferry\\Proxy\r\n    Mode    REG_SZ    pac\r\n';
    const reading = checkPolicy(parseRegQuery(unknownKey), 'HKLM');
    expect(reading.problem).toMatch(/unknown proxy/);
    expect(reading.policy).toEqual({});
    const wrongType = fixture('reg-query.txt').replace('MaxLinkExpiry    REG_SZ    3d', 'MaxLinkExpiry    REG_DWORD    0x3');
    expect(checkPolicy(parseRegQuery(wrongType), 'HKLM').problem).toMatch(/^maxLinkExpiry:/);
    const notABoolean = fixture('reg-query.txt').replace('DisableTrial    REG_DWORD    0x1', 'DisableTrial    REG_DWORD    0x2');
    expect(checkPolicy(parseRegQuery(notABoolean), 'HKLM').problem).toMatch(/^disableTrial:/);
  });

  it('an absent key is no policy; the key present is read as UTF-8', async () => {
    const absent = recorded(1, '');
    expect(await readWindowsPolicy(absent)).toEqual({ policy: {} });
    expect(absent.calls[0]!.join(' ')).toContain('chcp 65001 >nul & reg query "HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Ferry" /s');
    const present = await readWindowsPolicy(recorded(0, fixture('reg-query.txt')));
    expect(present.source).toBe('HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Ferry');
    expect(present.policy.connections?.[0]?.name).toBe('Acme 共享 (Shanghai)');
  });
});

describe('macOS: managed preferences for app.ferry.desktop', () => {
  it('reads the plist an MDM profile installs (plutil -convert xml1 output)', async () => {
    const raw = await parsePlistXml(fixture('managed-preferences.plist'));
    const reading = checkPolicy(raw, 'plist');
    expect(reading.problem).toBeUndefined();
    expect(reading.policy).toEqual({
      connections: [{ ...ACME, name: 'Acme 共享 & Co' }],
      defaultLinkExpiry: '1d',
      disableTrial: true,
      forceV4Signatures: true,
      maxLinkExpiry: '3d',
      requireIpRestrictedLinks: false,
    });
  });

  it('looks machine-wide first, then per user; none → no policy; a broken plist is reported, not half-read', async () => {
    expect(managedPreferencesFiles('app.ferry.desktop', 'alice')).toEqual([
      '/Library/Managed Preferences/app.ferry.desktop.plist',
      '/Library/Managed Preferences/alice/app.ferry.desktop.plist',
    ]);
    expect(await readMacPolicy(recorded(0, ''), 'app.ferry.desktop', 'alice', () => false)).toEqual({ policy: {} });
    const run = recorded(0, fixture('managed-preferences.plist'));
    const userOnly = await readMacPolicy(run, 'app.ferry.desktop', 'alice', (f) => f.includes('/alice/'));
    expect(userOnly.source).toBe('/Library/Managed Preferences/alice/app.ferry.desktop.plist');
    expect(run.calls[0]).toEqual(['/usr/bin/plutil', '-convert', 'xml1', '-o', '-', '/Library/Managed Preferences/alice/app.ferry.desktop.plist']);
    expect(userOnly.policy.maxLinkExpiry).toBe('3d');
    const truncated = await readMacPolicy(recorded(0, fixture('managed-preferences.plist').slice(0, 300)), 'app.ferry.desktop', 'alice', () => true);
    expect(truncated).toMatchObject({ policy: {}, problem: 'is not a valid property list' });
    const withDate = fixture('managed-preferences.plist').replace('<string>3d</string>', '<date>2026-01-01T00:00:00Z</date>');
    const reading = await readMacPolicy(recorded(0, withDate), 'app.ferry.desktop', 'alice', () => true);
    expect(reading.policy).toEqual({});
    expect(reading.problem).toMatch(/^maxLinkExpiry:/);
  });
});
