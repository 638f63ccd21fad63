import { describe, expect, it } from 'vitest';
import type { FerryError } from '../../../src-main/errors/ferryError.ts';
import { verifyLink } from '../../../src-main/links/verifyLink.ts';
import { signatureHashOf } from '../../../src-main/links/signatureHash.ts';
import { NetworkFailure } from '../../../src-main/oss/classifyError.ts';

const target = { url: 'http://127.0.0.1:1/b/k?x-oss-signature=abc', name: 'k.pdf', bucket: 'b' };
const replying = (status: number, body = '', headers: Record<string, string> = {}) => ({
  fetch: async () => new Response(status === 206 || status === 200 ? 'x' : body, { status, headers }),
});
const failing = (error: unknown) => ({
  fetch: async () => {
    throw error;
  },
});
const code = (c: string) => `<Error><Code>${c}</Code><Message>m</Message></Error>`;

async function failure(network: Parameters<typeof verifyLink>[0], t = target): Promise<FerryError> {
  return verifyLink(network, t).then(
    () => {
      throw new Error('expected a failure');
    },
    (e: FerryError) => e,
  );
}

describe('verifyLink (what the first byte says)', () => {
  it('a 206 opens, with the size from Content-Range', async () => {
    expect(await verifyLink(replying(206, '', { 'content-range': 'bytes 0-0/1234' }), target)).toEqual({ opens: true, size: 1234 });
  });

  it('names each cause', async () => {
    expect((await failure(replying(403, code('RequestTimeTooSkewed')))).code).toBe('links.unverified.clock');
    expect((await failure(replying(403, '<Error><Code>AccessDenied</Code><Message>Request has expired.</Message></Error>'))).code).toBe('links.unverified.clock');
    expect((await failure(replying(403, code('SecurityTokenExpired')))).code).toBe('links.unverified.session');
    expect((await failure(replying(403, code('InvalidAccessKeyId')))).code).toBe('links.unverified.session');
    expect((await failure(replying(404, code('NoSuchKey')))).params).toEqual({ name: 'k.pdf' });
    expect((await failure(replying(403, code('AccessDenied')))).code).toBe('links.unverified.denied');
    expect((await failure(replying(418, 'teapot'))).params).toEqual({ code: 'HTTP418' });
    const tls = Object.assign(new Error('self-signed certificate in certificate chain'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' });
    expect((await failure(failing(new NetworkFailure('oss.example.com', new TypeError('fetch failed', { cause: tls }))))).code).toBe('oss.tlsFailed');
  });

  it('a refusal of a link limited to other addresses is "not checked", not a failure', async () => {
    const restricted = { ...target, sourceIp: '203.0.113.0/24' };
    expect(await verifyLink(replying(403, code('SignatureDoesNotMatch')), restricted)).toEqual({ opens: false, unchecked: 'ipRestricted' });
    // Other causes are still named for such a link.
    expect((await failure(replying(404, code('NoSuchKey')), restricted)).code).toBe('links.objectMissing');
  });
});

describe('signatureHashOf', () => {
  it('hashes the V4 or V1 signature of a URL or a logged request URI alike, and nothing else', () => {
    const url = 'https://b.oss-cn-hangzhou.aliyuncs.com/a%20b.pdf?x-oss-date=1&x-oss-signature=deadbeef';
    expect(signatureHashOf(url)).toMatch(/^[0-9a-f]{64}$/);
    expect(signatureHashOf('/b/a%20b.pdf?x-oss-date=1&x-oss-signature=deadbeef')).toBe(signatureHashOf(url));
    expect(signatureHashOf('/b/k?Expires=1&Signature=ab%2Bc%3D')).toBe(signatureHashOf('http://h/b/k?OSSAccessKeyId=x&Signature=ab%2Bc%3D'));
    expect(signatureHashOf('/b/k?Expires=1&Signature=ab%2Bc%3D')).not.toBe(signatureHashOf('/b/k?Signature=abc'));
    expect(signatureHashOf('/b/k')).toBeUndefined();
    expect(signatureHashOf(url)).not.toContain('deadbeef');
  });
});
