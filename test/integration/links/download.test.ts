import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noKeyringReason } from '../../support/integrationHarness.ts';
import { browserDownload, fetchLink, launchChromium, linksHarness, utf8FileName } from './linksHarness.ts';

const NAMES = ['Q3 报告 (final) + notes.pdf', '🎉 party 100% #1.txt', "it's a+b=c & d~e.bin"];

describe.skipIf(noKeyringReason)('share links open in a plain HTTP client and in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const signatureVersion of ['v4', 'v1'] as const) {
    it(`${signatureVersion}: bytes match and the file keeps its original name`, async () => {
      const h = await linksHarness({ profile: { signatureVersion } });
      for (const name of NAMES) {
        const bytes = randomBytes(20_000 + name.length);
        const key = await h.put(name, bytes);
        const result = await h.services.links.service.copy({ objectKey: key, expiry: '1h' }, 'en');
        expect(h.ports.clipboard.text).toBe(result.url);
        expect(result.url).not.toMatch(/[^\x21-\x7e]/);
        expect(result.url).toContain(signatureVersion === 'v4' ? 'x-oss-signature=' : 'Signature=');

        const plain = await fetchLink(result.url);
        expect(plain.status, plain.body.toString()).toBe(200);
        expect(plain.body.equals(bytes)).toBe(true);
        expect(utf8FileName(plain.headers.get('content-disposition'))).toBe(name);
        expect(plain.headers.get('content-disposition')).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);

        const downloaded = await browserDownload(browser, result.url);
        expect(downloaded.body.equals(bytes)).toBe(true);
        expect(downloaded.name).toBe(name);
      }
    });
  }

  it('an inline link opens images in the browser instead of downloading', async () => {
    const h = await linksHarness();
    const key = await h.put('截图 1.png', Buffer.from('89504e470d0a1a0a', 'hex'));
    const result = await h.services.links.service.copy({ objectKey: key, inline: true }, 'en');
    const plain = await fetchLink(result.url);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toBe('image/png');
    expect(plain.headers.get('content-disposition')).toMatch(/^inline; /);
    expect(utf8FileName(plain.headers.get('content-disposition'))).toBe('截图 1.png');
  });
});
