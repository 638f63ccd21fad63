import { describe, expect, it } from 'vitest';
import { hasHiddenChars } from '../../../src-main/names/inertName.ts';
import { noKeyringReason } from '../../support/integrationHarness.ts';
import { fetchLink, linksHarness, utf8FileName } from './linksHarness.ts';

describe.skipIf(noKeyringReason)('sharing an object whose key another tool filled with bidi and control characters', () => {
  it('the share message, the ledger name and the download name show them as codes', async () => {
    const h = await linksHarness();
    const key = await h.put('invoice\u202Efdp\u0007.exe', Buffer.from('payload'));
    const result = await h.services.links.service.copyMessage({ objectKey: key }, 'en');
    const message = h.ports.clipboard.text;
    expect(message.split('\n')[0]).toBe('invoice[U+202E]fdp[U+0007].exe (7 B)');
    expect(hasHiddenChars(message.replace(/\n/g, ''))).toBe(false);
    expect(result.name).toBe('invoice[U+202E]fdp[U+0007].exe');
    expect(hasHiddenChars(result.summary)).toBe(false);
    const fetched = await fetchLink(result.url);
    expect(fetched.status).toBe(200);
    expect(utf8FileName(fetched.headers.get('content-disposition'))).toBe('invoice[U+202E]fdp[U+0007].exe');
  });
});
