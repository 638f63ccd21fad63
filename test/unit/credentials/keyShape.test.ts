import { describe, expect, it } from 'vitest';
import { checkAccessKey, checkTemporaryCredentials, cleanPasted, maskKeyId } from '../../../src-main/credentials/keyShape.ts';

const code = (fn: () => unknown): string => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('pasted keys', () => {
  it('trims spaces, tabs, line breaks and no-break spaces anywhere', () => {
    expect(cleanPasted(' \tFake5tAbCd\u00a0EfGh1234\r\n')).toBe('Fake5tAbCdEfGh1234');
    expect(checkAccessKey({ accessKeyId: ' Fake5tAbCdEfGh12345678\n', accessKeySecret: '\tabcdefghijklmnopqrstuvwxyz0123 ' })).toEqual({
      accessKeyId: 'Fake5tAbCdEfGh12345678',
      accessKeySecret: 'abcdefghijklmnopqrstuvwxyz0123',
    });
  });

  it('refuses keys of the wrong shape', () => {
    expect(code(() => checkAccessKey({ accessKeyId: 'LTAI', accessKeySecret: 'abcdefghijklmnopqrstuvwxyz0123' }))).toBe('credentials.keyIdShape');
    expect(code(() => checkAccessKey({ accessKeyId: 'Fake5tAbCdEfGh123456', accessKeySecret: 'short' }))).toBe('credentials.keySecretShape');
    expect(code(() => checkAccessKey({ accessKeyId: 'Fake5tAbCdEfGh123456', accessKeySecret: 'has-dash-and-symbols!!!!!!!!!!' }))).toBe('credentials.keySecretShape');
    expect(code(() => checkAccessKey({ accessKeyId: 'STS.NTxyz1234567890', accessKeySecret: 'abcdefghijklmnopqrstuvwxyz0123' }))).toBe('credentials.keyIsTemporary');
  });

  it('checks pasted temporary credentials, including the expiry format', () => {
    const ok = checkTemporaryCredentials({
      accessKeyId: 'STS.NTabc1234567890',
      accessKeySecret: 'abcdefghijklmnopqrstuvwxyz0123',
      securityToken: 'CAISabcdefghijklmnop+/=',
      expiration: ' 2026-05-26T12:00:00Z ',
    });
    expect(ok.expiresAt).toBe(Date.parse('2026-05-26T12:00:00Z'));
    const bad = { accessKeyId: 'STS.NTabc1234567890', accessKeySecret: 'abcdefghijklmnopqrstuvwxyz0123', securityToken: 'CAISabcdefghijklmnop' };
    expect(code(() => checkTemporaryCredentials({ ...bad, expiration: '2026-05-26 T12:00:00Z' }))).toBe('credentials.expirationShape');
    expect(code(() => checkTemporaryCredentials({ ...bad, accessKeyId: 'Fake5tAbCdEfGh123456', expiration: '2026-05-26T12:00:00Z' }))).toBe('credentials.temporaryIdShape');
  });

  it('masks ids to the first and last four characters', () => {
    expect(maskKeyId('Fake5tAbCdEfGh12341234')).toBe('Fake••••1234');
    expect(maskKeyId('short')).toBe('••••');
  });
});
