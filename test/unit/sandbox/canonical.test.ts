import { createRequire } from 'node:module';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { stringToSignV1 } from '../../../src-main/sandbox/oss/auth/canonicalV1.ts';
import { canonicalRequestV4, signatureV4 } from '../../../src-main/sandbox/oss/auth/canonicalV4.ts';
import { parseRoute } from '../../../src-main/sandbox/oss/route.ts';

// ali-oss's own signing helpers: what the server computes must equal what the client signs.
const require = createRequire(import.meta.url);
const signUtils = require('ali-oss/lib/common/signUtils.js') as {
  buildCanonicalString(method: string, resource: string, request: { headers: Record<string, string>; parameters?: unknown }, expires?: string): string;
  getCanonicalRequest(method: string, request: { headers: Record<string, string>; queries: Record<string, unknown> }, bucket?: string, object?: string, additional?: string[]): string;
  getSignatureV4(secret: string, date: string, region: string, stringToSign: string, product?: string): string;
};

function fakeRequest(method: string, url: string, headers: Record<string, string>): IncomingMessage {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { method, url, headers: { host: '127.0.0.1:9000', ...lower } } as unknown as IncomingMessage;
}

describe('V1 string to sign matches ali-oss', () => {
  it.each([
    ['GET', '/b/dir/a%20b%2B1.txt', {}, '/b/dir/a b+1.txt', undefined],
    ['PUT', '/b/k?partNumber=3&uploadId=ABC', { 'Content-Type': 'text/plain', 'x-oss-meta-a': ' v ' }, '/b/k', { partNumber: 3, uploadId: 'ABC' }],
    ['POST', '/b/k?uploads=', {}, '/b/k', { uploads: '' }],
    ['GET', '/b/?bucketInfo=', {}, '/b/', { bucketInfo: '' }],
    ['GET', '/b/?prefix=x&max-keys=10&continuation-token=abc%3D', {}, '/b/', { 'continuation-token': 'abc=' }],
    ['GET', '/b/k?response-content-disposition=attachment%3B%20filename%3D%22a.pdf%22', {}, '/b/k', { 'response-content-disposition': 'attachment; filename="a.pdf"' }],
  ] as const)('%s %s', (method, url, extra, resource, subres) => {
    const headers: Record<string, string> = { 'x-oss-date': 'Wed, 28 Dec 2022 10:27:41 GMT', ...extra };
    const expected = signUtils.buildCanonicalString(method, resource, { headers, parameters: subres });
    const req = fakeRequest(method, url, headers);
    expect(stringToSignV1(req, parseRoute(req), 'Wed, 28 Dec 2022 10:27:41 GMT')).toBe(expected);
  });
});

describe('V4 canonical request matches ali-oss', () => {
  it.each([
    ['GET', '/b/dir/%E6%8A%A5%E5%91%8A%20(1).txt', {}, 'dir/报告 (1).txt', {}, false],
    ['PUT', '/b/k?partNumber=2&uploadId=X', { 'content-md5': 'abc==' }, 'k', { partNumber: 2, uploadId: 'X' }, false],
    ['POST', '/b/k?uploads=', {}, 'k', { uploads: null }, false],
    ['GET', '/b/?prefix=&max-keys=5', {}, undefined, { prefix: '', 'max-keys': 5 }, true],
  ] as const)('%s %s', (method, url, extra, object, queries, emptyAsEquals) => {
    const headers: Record<string, string> = { 'x-oss-date': '20231216T162057Z', 'x-oss-content-sha256': 'UNSIGNED-PAYLOAD', ...extra };
    const expected = signUtils.getCanonicalRequest(method, { headers, queries: { ...queries } }, 'b', object, []);
    const req = fakeRequest(method, url, headers);
    expect(canonicalRequestV4(req, parseRoute(req), [], emptyAsEquals, 'UNSIGNED-PAYLOAD')).toBe(expected);
  });
});

describe('routes', () => {
  it('reads path style, and virtual-hosted style when the Host names the bucket', () => {
    expect(parseRoute(fakeRequest('GET', '/b/a/b%2Fc', {}))).toMatchObject({ bucket: 'b', key: 'a/b/c' });
    expect(parseRoute(fakeRequest('GET', '/b/', {}))).toMatchObject({ bucket: 'b', key: undefined });
    expect(parseRoute(fakeRequest('GET', '/', {}))).toMatchObject({ bucket: undefined, key: undefined });
    const hosted = fakeRequest('GET', '/k.txt', { host: 'b.oss-cn-hangzhou.aliyuncs.com' });
    expect(parseRoute(hosted)).toMatchObject({ bucket: 'b', key: 'k.txt' });
    const both = fakeRequest('GET', '/b/k.txt', { host: 'b.oss-cn-hangzhou.aliyuncs.com' });
    expect(parseRoute(both)).toMatchObject({ bucket: 'b', key: 'k.txt' });
    expect(parseRoute(fakeRequest('GET', '/b/k?a=1&a=2&x+y=%2B', {})).query).toEqual(new Map([['a', '1'], ['x y', '+']]));
  });
});

describe('V4 signatures match ali-oss', () => {
  it('for every secret, day and region, however often each signing key is reused', () => {
    const cases = [
      ['secret-a', '20231216', 'cn-hangzhou'],
      ['secret-b', '20231216', 'cn-hangzhou'],
      ['secret-a', '20231217', 'cn-hangzhou'],
      ['secret-a', '20231216', 'cn-shanghai'],
    ] as const;
    for (let round = 0; round < 2; round++) {
      for (const [secret, day, region] of cases) {
        const sts = `OSS4-HMAC-SHA256\n${day}T000000Z\n${day}/${region}/oss/aliyun_v4_request\n${round}`;
        expect(signatureV4(secret, day, region, 'oss', sts)).toBe(signUtils.getSignatureV4(secret, day, region, sts, 'oss'));
      }
    }
  });
});
