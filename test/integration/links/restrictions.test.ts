import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { noKeyringReason } from '../../support/integrationHarness.ts';
import { fetchLink, linksHarness } from './linksHarness.ts';

describe.skipIf(noKeyringReason)('advanced link options are enforced by the sandbox', () => {
  for (const signatureVersion of ['v4', 'v1'] as const) {
    it(`${signatureVersion}: a link limited to a network works from inside it and fails from outside`, async () => {
      const h = await linksHarness({ profile: { signatureVersion } });
      const key = await h.put('payroll.pdf', Buffer.from('secret-ish'));
      const inside = await h.services.links.service.copy({ objectKey: key, sourceIp: '127.0.0.0/8' }, 'en');
      expect(new URL(inside.url).searchParams.get('x-oss-ac-subnet-mask')).toBe('8');
      expect((await fetchLink(inside.url)).status).toBe(200);

      const outside = await h.services.links.service.copy({ objectKey: key, sourceIp: '203.0.113.0/24' }, 'en');
      const refused = await fetchLink(outside.url);
      expect(refused.status).toBe(403);
      expect(refused.body.toString()).toContain('<Code>SignatureDoesNotMatch</Code>');

      // The restriction is signed: editing it out of the URL breaks the signature.
      const tampered = new URL(outside.url);
      tampered.searchParams.set('x-oss-ac-source-ip', '127.0.0.1');
      tampered.searchParams.set('x-oss-ac-subnet-mask', '32');
      expect((await fetchLink(tampered.toString())).status).toBe(403);

      const entry = (await h.services.links.service.list()).entries.find((e) => e.id === outside.linkId);
      expect(entry?.sourceIp).toBe('203.0.113.0/24');
    });
  }

  it('a download limit of 100 KB/s is signed in bits per second and slows the download', async () => {
    const h = await linksHarness();
    const bytes = randomBytes(150 * 1024);
    const key = await h.put('video.mp4', bytes);
    const limited = await h.services.links.service.copy({ objectKey: key, limitKBps: 100 }, 'en');
    expect(new URL(limited.url).searchParams.get('x-oss-traffic-limit')).toBe('819200');
    const started = performance.now();
    const fetched = await fetchLink(limited.url);
    const seconds = (performance.now() - started) / 1000;
    expect(fetched.status).toBe(200);
    expect(fetched.body.equals(bytes)).toBe(true);
    // 150 KB at 100 KB/s cannot arrive in under ~1.4 s however fast the machine is.
    expect(seconds).toBeGreaterThan(1);

    const tampered = new URL(limited.url);
    tampered.searchParams.set('x-oss-traffic-limit', '838860800');
    expect((await fetchLink(tampered.toString())).status).toBe(403);
  });
});
