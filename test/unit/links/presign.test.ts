import OSS from 'ali-oss';
import { describe, expect, it } from 'vitest';
import { presignV1 } from '../../../src-main/links/presignV1.ts';
import { presignV4 } from '../../../src-main/links/presignV4.ts';
import { linkQuery } from '../../../src-main/links/linkQuery.ts';
import { objectBaseUrl } from '../../../src-main/links/objectUrl.ts';

const KEYS = [
  'plain.txt',
  'a+b c.txt',
  '100% real#1?.txt',
  '报告/季度 Q3.pdf',
  'emoji 🎉 party.png',
  "it's (1)*!.txt",
  'dir/sub/x~y=z&w.txt',
];
const creds = { accessKeyId: 'STS.NUgYrLnoC37mZZCNnAbez2', accessKeySecret: 'Sg7Bf1xq/DpG+uX2vR9e3w==abc', securityToken: 'CAIS+token/with+plus==' };

function aliClient(): OSS {
  return new OSS({
    region: 'oss-cn-hangzhou',
    bucket: 'ferry-test',
    accessKeyId: creds.accessKeyId,
    accessKeySecret: creds.accessKeySecret,
    stsToken: creds.securityToken,
  });
}

function params(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams.entries());
}

describe('presignV4 matches ali-oss signatureUrlV4', () => {
  for (const key of KEYS) {
    it(`signs ${JSON.stringify(key)} like ali-oss`, async () => {
      const query = linkQuery({ name: key.split('/').pop()!, sourceIp: '203.0.113.0/24', limitKBps: 200 });
      const theirs = await aliClient().signatureUrlV4('GET', 3600, { headers: {}, queries: { ...query } }, key);
      const p = params(theirs);
      const signedAt = Date.UTC(+p['x-oss-date']!.slice(0, 4), +p['x-oss-date']!.slice(4, 6) - 1, +p['x-oss-date']!.slice(6, 8), +p['x-oss-date']!.slice(9, 11), +p['x-oss-date']!.slice(11, 13), +p['x-oss-date']!.slice(13, 15));
      const ours = presignV4({
        endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
        bucket: 'ferry-test',
        region: 'cn-hangzhou',
        key,
        credentials: creds,
        signedAt,
        expiresAt: signedAt + 3_600_000,
        query,
      });
      expect(params(ours.url)).toEqual(p);
      expect(p['x-oss-signature']).toMatch(/^[0-9a-f]{64}$/);
      expect(decodeURIComponent(new URL(ours.url).pathname)).toBe(`/${key}`);
      expect(ours.expiresAt).toBe(signedAt + 3_600_000);
    });
  }
});

describe('presignV1 matches ali-oss signatureUrl', () => {
  for (const key of KEYS) {
    it(`signs ${JSON.stringify(key)} like ali-oss`, () => {
      const { 'response-content-disposition': disposition, ...sub } = linkQuery({ name: 'x.pdf', sourceIp: '198.51.100.7', limitKBps: 1000 });
      const theirs = aliClient().signatureUrl(key, { expires: 600, response: { 'content-disposition': disposition }, subResource: { ...sub } } as never);
      const p = params(theirs);
      const ours = presignV1({
        endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
        bucket: 'ferry-test',
        region: 'cn-hangzhou',
        key,
        credentials: creds,
        signedAt: Number(p.Expires) * 1000 - 600_000,
        expiresAt: Number(p.Expires) * 1000,
        query: { 'response-content-disposition': disposition!, ...sub },
      });
      expect(params(ours.url)).toEqual(p);
      expect(decodeURIComponent(new URL(ours.url).pathname)).toBe(`/${key}`);
    });
  }
});

describe('link URLs survive a browser', () => {
  const base = { endpoint: 'https://oss-cn-hangzhou.aliyuncs.com', bucket: 'b-1', region: 'cn-hangzhou', credentials: creds, signedAt: 1_700_000_000_000, expiresAt: 1_700_003_600_000 };

  it('never carries a raw + or an unencoded # or ? outside the query separator', () => {
    for (const key of KEYS) {
      for (const url of [presignV4({ ...base, key }).url, presignV1({ ...base, key }).url]) {
        expect(url).not.toContain('+');
        expect(url).not.toContain('#');
        expect(url.split('?')).toHaveLength(2);
        expect(url).not.toMatch(/[^\x21-\x7e]/);
      }
    }
  });

  it('keeps folder slashes readable and encodes dot segments so browsers cannot collapse them', () => {
    expect(new URL(presignV4({ ...base, key: 'a/b c/d.txt' }).url).pathname).toBe('/a/b%20c/d.txt');
    const dotted = new URL(presignV4({ ...base, key: 'a/../b.txt' }).url);
    expect(dotted.pathname).toBe('/a%2F..%2Fb.txt');
  });

  it('uses path style for IP endpoints (the sandbox) and virtual-hosted style otherwise', () => {
    expect(presignV4({ ...base, endpoint: 'http://127.0.0.1:9000', key: 'k' }).url).toMatch(/^http:\/\/127\.0\.0\.1:9000\/b-1\/k\?/);
    expect(presignV1({ ...base, key: 'k' }).url).toMatch(/^https:\/\/b-1\.oss-cn-hangzhou\.aliyuncs\.com\/k\?/);
  });

  it('refuses a V4 lifetime above 7 days instead of making a link OSS would reject', () => {
    expect(() => presignV4({ ...base, key: 'k', expiresAt: base.signedAt + 604_801_000 })).toThrow(RangeError);
    expect(new URL(presignV4({ ...base, key: 'k', expiresAt: base.signedAt + 604_800_000 }).url).searchParams.get('x-oss-expires')).toBe('604800');
  });

  it('rounds the lifetime down to whole seconds, never up', () => {
    const r = presignV4({ ...base, key: 'k', signedAt: 1_700_000_000_900, expiresAt: 1_700_000_060_500 });
    expect(new URL(r.url).searchParams.get('x-oss-expires')).toBe('60');
    expect(r.expiresAt).toBe(1_700_000_060_000);
    expect(r.expiresAt).toBeLessThanOrEqual(1_700_000_060_500);
  });
});

describe('object URLs follow the OSS client\u2019s addressing rule', () => {
  it('uses path style off Alibaba Cloud endpoints', async () => {
    expect(objectBaseUrl('https://oss-cn-shanghai.aliyuncs.com', 'b-1', 'a b.txt')).toBe('https://b-1.oss-cn-shanghai.aliyuncs.com/a%20b.txt');
    expect(objectBaseUrl('oss-cn-shanghai.aliyuncs.com', 'b-1', 'k')).toBe('https://b-1.oss-cn-shanghai.aliyuncs.com/k');
    expect(objectBaseUrl('http://localhost:9000', 'b-1', 'k')).toBe('http://localhost:9000/b-1/k');
    expect(objectBaseUrl('https://storage.example.com', 'b-1', 'k')).toBe('https://storage.example.com/b-1/k');
  });
});
