import { describe, expect, it } from 'vitest';
import { accountsMessages } from '../../../src-main/accounts/messages.ts';
import { classifyStsError } from '../../../src-main/credentials/classifyStsError.ts';
import { credentialsMessages } from '../../../src-main/credentials/messages.ts';
import { StsServiceError, noPermissionVariant } from '../../../src-main/credentials/stsErrors.ts';
import { hasMessage } from '../../../src-main/errors/catalog.ts';
import { classifyOssError } from '../../../src-main/oss/classifyError.ts';
import { ossMessages } from '../../../src-main/oss/messages.ts';
import { templateParams } from '../../../src-main/i18n/fillTemplate.ts';

const placeholders = templateParams;

describe('accounts / credentials / oss messages', () => {
  it('exist in English and Chinese with the same placeholders, and never mention secrets by value', () => {
    for (const [code, message] of Object.entries({ ...accountsMessages, ...credentialsMessages, ...ossMessages })) {
      expect(message.en.length, code).toBeGreaterThan(20);
      expect(message['zh-CN'].length, code).toBeGreaterThan(8);
      expect(placeholders(message['zh-CN']), code).toEqual(placeholders(message.en));
      expect(hasMessage(code), code).toBe(true);
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
