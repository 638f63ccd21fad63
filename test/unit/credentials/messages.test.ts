import { describe, expect, it } from 'vitest';
import { classifyStsError } from '../../../src-main/credentials/classifyStsError.ts';
import { StsServiceError, noPermissionVariant } from '../../../src-main/credentials/stsErrors.ts';
import { classifyOssError } from '../../../src-main/oss/classifyError.ts';
import { catalogs } from '../../../src-main/i18n/text.ts';

describe('accounts / credentials / oss messages', () => {
  it('are whole sentences in English and Chinese (buttons and titles aside)', () => {
    const codes = Object.keys(catalogs.en).filter((code) => /^(accounts|credentials|oss)\./.test(code) && !/(Button|Title|Filter)$/.test(code));
    expect(codes.length).toBeGreaterThan(60);
    for (const code of codes) {
      expect(catalogs.en[code]!.length, code).toBeGreaterThan(20);
      expect(catalogs['zh-CN'][code]!.length, code).toBeGreaterThan(8);
    }
  });

  // The sandbox cannot produce these two replies yet (no root account, no cross-region redirect), so
  // their mapping is checked here on the documented shapes; everything else is produced for real.
  it('maps a root-account NoPermission and a wrong-endpoint AccessDenied', () => {
    const root = new StsServiceError(403, 'NoPermission', undefined, noPermissionVariant('Roles may not be assumed by root accounts.'), 'R');
    expect(classifyStsError(root)?.code).toBe('credentials.rootAccountKey');
    const redirect = { status: 403, code: 'AccessDenied', message: 'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.' };
    expect(classifyOssError(redirect)?.code).toBe('oss.wrongEndpoint');
    expect(classifyOssError({ status: 301, code: 'PermanentRedirect', message: '' })?.code).toBe('oss.wrongEndpoint');
  });
});
