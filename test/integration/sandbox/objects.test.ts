import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc64 } from '../../../src-main/crc64/crc64.ts';
import OSS from 'ali-oss';
import { assumeRole, BUCKET, expectOssError, KEYS, longTerm, ossClient, rawOss, SHANGHAI_BUCKET, startTestSandbox, type Creds, type TestSandbox } from './harness.ts';

let t: TestSandbox;
let sts: Creds;

beforeAll(async () => {
  t = await startTestSandbox();
  sts = await assumeRole(t.sb, KEYS.assumer, 'uploader');
});
afterAll(() => t.stop());

const modes = [
  { name: 'V1 long-term', v4: false, sts: false },
  { name: 'V4 long-term', v4: true, sts: false },
  { name: 'V1 STS', v4: false, sts: true },
  { name: 'V4 STS', v4: true, sts: true },
];

describe.each(modes)('objects with ali-oss ($name)', (mode) => {
  const client = () => ossClient(t.sb, mode.sts ? sts : longTerm(KEYS.admin), { v4: mode.v4 });
  const prefix = `${mode.name.replace(/ /g, '-')}/`;

  it('puts, heads, gets (whole and ranged) with the headers clients rely on', async () => {
    const body = Buffer.from('hello, sandbox — 你好');
    const key = `${prefix}dir/hello world+1.txt`;
    const put = await client().put(key, body, { headers: { 'x-oss-meta-owner': 'ferry', 'Cache-Control': 'no-cache' } });
    const md5 = createHash('md5').update(body).digest('hex').toUpperCase();
    expect(put.res.status).toBe(200);
    expect(put.res.headers['etag']).toBe(`"${md5}"`);
    expect(put.res.headers['x-oss-hash-crc64ecma']).toBe(crc64(body).toString());
    expect(put.res.headers['x-oss-request-id']).toMatch(/^[0-9A-F]{24}$/);

    const head = await client().head(key);
    const h = head.res.headers as Record<string, string>;
    expect(h['content-length']).toBe(String(body.length));
    expect(h['x-oss-object-type']).toBe('Normal');
    expect(h['accept-ranges']).toBe('bytes');
    expect(h['last-modified']).toMatch(/GMT$/);
    expect(h['cache-control']).toBe('no-cache');
    expect(head.meta).toEqual({ owner: 'ferry' });

    const get = await client().get(key);
    expect(Buffer.compare(get.content as Buffer, body)).toBe(0);
    const ranged = await client().get(key, { headers: { Range: 'bytes=7-13' } });
    expect(ranged.res.status).toBe(206);
    expect((ranged.content as Buffer).toString()).toBe('sandbox');
    expect((ranged.res.headers as Record<string, string>)['content-range']).toBe(`bytes 7-13/${body.length}`);
  });

  it('lists with prefix, delimiter and markers (V1 and V2), copies and deletes', async () => {
    const c = client();
    for (const name of ['a/1', 'a/2', 'b/1', 'c']) await c.put(`${prefix}list/${name}`, Buffer.from(name));
    const v1 = await c.list({ prefix: `${prefix}list/`, delimiter: '/', 'max-keys': 2 }, {});
    expect(v1.prefixes).toEqual([`${prefix}list/a/`, `${prefix}list/b/`]);
    expect(v1.isTruncated).toBe(true);
    const v1next = await c.list({ prefix: `${prefix}list/`, delimiter: '/', marker: v1.nextMarker!, 'max-keys': 2 }, {});
    expect(v1next.objects.map((o: { name: string }) => o.name)).toEqual([`${prefix}list/c`]);
    expect(v1next.isTruncated).toBe(false);

    const v2 = await c.listV2({ prefix: `${prefix}list/`, 'max-keys': '3' }, {});
    expect(v2.objects.map((o: { name: string }) => o.name)).toEqual([`${prefix}list/a/1`, `${prefix}list/a/2`, `${prefix}list/b/1`]);
    expect(v2.keyCount).toBe(3);
    const v2next = await c.listV2({ prefix: `${prefix}list/`, 'continuation-token': v2.nextContinuationToken!, 'max-keys': '3' }, {});
    expect(v2next.objects.map((o: { name: string }) => o.name)).toEqual([`${prefix}list/c`]);
    const after = await c.listV2({ prefix: `${prefix}list/`, 'start-after': `${prefix}list/b/1` }, {});
    expect(after.objects.map((o: { name: string }) => o.name)).toEqual([`${prefix}list/c`]);

    await c.copy(`${prefix}list/copied`, `${prefix}list/c`);
    expect(((await c.get(`${prefix}list/copied`)).content as Buffer).toString()).toBe('c');
    await c.delete(`${prefix}list/copied`);
    await expectOssError(c.get(`${prefix}list/copied`), 'NoSuchKey', 404, 'The specified key does not exist.');
    await expectOssError(c.head(`${prefix}list/copied`), 'NoSuchKey', 404);
    expect((await c.delete(`${prefix}list/never-existed`)).res.status).toBe(204);
  });

  it('signs URLs that a plain HTTP client can fetch, with response-header overrides', async () => {
    const c = client();
    const key = `${prefix}shared/report 2024.pdf`;
    await c.put(key, Buffer.from('%PDF-1.4 test'));
    const url = mode.v4
      ? await c.signatureUrlV4('GET', 60, { queries: { 'response-content-disposition': 'attachment; filename="r.pdf"' } }, key)
      : c.signatureUrl(key, { expires: 60, response: { 'content-disposition': 'attachment; filename="r.pdf"', 'content-type': 'application/pdf' } });
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="r.pdf"');
    if (!mode.v4) expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(await res.text()).toBe('%PDF-1.4 test');
    const tampered = await fetch(url.replace('report', 'rep0rt'));
    expect(tampered.status).toBe(403);
    expect(await tampered.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  it('checks Content-MD5 and x-oss-forbid-overwrite', async () => {
    const c = client();
    await expectOssError(
      c.put(`${prefix}md5`, Buffer.from('abc'), { headers: { 'Content-MD5': createHash('md5').update('abd').digest('base64') } }),
      'InvalidDigest',
      400,
    );
    await c.put(`${prefix}once`, Buffer.from('1'));
    await expectOssError(c.put(`${prefix}once`, Buffer.from('2'), { headers: { 'x-oss-forbid-overwrite': 'true' } }), 'FileAlreadyExists', 409);
    expect(((await c.get(`${prefix}once`)).content as Buffer).toString()).toBe('1');
  });
});

describe('bucket operations', () => {
  it('GetBucketInfo / GetBucketLocation report the sandbox region; unknown buckets are NoSuchBucket', async () => {
    const c = ossClient(t.sb, longTerm(KEYS.admin));
    const info = await c.getBucketInfo(BUCKET);
    expect(info.bucket.Location).toBe('oss-cn-hangzhou');
    expect(info.bucket.Name).toBe(BUCKET);
    const loc = await c.getBucketLocation(BUCKET);
    expect(loc.location).toBe('oss-cn-hangzhou');
    await expectOssError(ossClient(t.sb, longTerm(KEYS.admin), { bucket: 'no-such-bucket' }).get('x'), 'NoSuchBucket', 404, 'The specified bucket does not exist.');
  });

  it('a bucket in another region answers only at its own endpoint (AccessDenied naming it); GetBucketLocation still tells', async () => {
    const wrongEndpoint = 'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.';
    const admin = longTerm(KEYS.admin);
    // V1, and V4 signed for the bucket's region: both went to the cn-hangzhou endpoint.
    await expectOssError(ossClient(t.sb, admin, { bucket: SHANGHAI_BUCKET }).get('x.txt'), 'AccessDenied', 403, wrongEndpoint);
    const v4 = ossClient(t.sb, admin, { bucket: SHANGHAI_BUCKET, v4: true });
    (v4 as unknown as { options: { region: string } }).options.region = 'oss-cn-shanghai';
    await expectOssError(v4.put('x.txt', Buffer.from('x')), 'AccessDenied', 403, wrongEndpoint);
    const anonymous = await fetch(`${t.sb.ossEndpoint}/${SHANGHAI_BUCKET}/x.txt`);
    const xml = await anonymous.text();
    expect(anonymous.status).toBe(403);
    expect(xml).toContain('<Code>AccessDenied</Code>');
    expect(xml).toContain(`<Bucket>${SHANGHAI_BUCKET}</Bucket><Endpoint>oss-cn-shanghai.aliyuncs.com</Endpoint>`);
    expect(xml).toContain(`<HostId>${SHANGHAI_BUCKET}.oss-cn-hangzhou.aliyuncs.com</HostId>`);
    expect((await ossClient(t.sb, admin).getBucketLocation(SHANGHAI_BUCKET)).location).toBe('oss-cn-shanghai');
    expect((await ossClient(t.sb, admin).listBuckets({})).buckets.find((b: { name: string }) => b.name === SHANGHAI_BUCKET)?.region).toBe('oss-cn-shanghai');
  });

  it('ListBuckets needs oss:ListBuckets and lists the configured buckets', async () => {
    const all = await ossClient(t.sb, longTerm(KEYS.admin)).listBuckets({});
    expect(all.buckets.map((b: { name: string }) => b.name).sort()).toEqual([BUCKET, 'other-bucket', 'public-bucket', SHANGHAI_BUCKET]);
    await expectOssError(ossClient(t.sb, sts).listBuckets({}), 'AccessDenied', 403);
  });

  it('honours conditional headers', async () => {
    const c = ossClient(t.sb, longTerm(KEYS.admin));
    const put = await c.put('cond.txt', Buffer.from('v1'));
    const etag = String(put.res.headers['etag']);
    const notModified = await c.get('cond.txt', { headers: { 'If-None-Match': etag } });
    expect(notModified.res.status).toBe(304);
    await expectOssError(c.get('cond.txt', { headers: { 'If-Match': '"0000"' } }), 'PreconditionFailed', 412);
    const res = await fetch(`${t.sb.ossEndpoint}/public-bucket/missing`);
    expect(res.status).toBe(404);
  });
});

describe('fidelity details', () => {
  const admin = () => ossClient(t.sb, longTerm(KEYS.admin));

  it.each([false, true])('works with ali-oss pointed at the 127.0.0.1 endpoint too (V4: %s)', async (v4) => {
    const c = new OSS({
      endpoint: t.sb.ossEndpoint,
      region: t.sb.region,
      bucket: BUCKET,
      sldEnable: true,
      authorizationV4: v4,
      accessKeyId: KEYS.admin.id,
      accessKeySecret: KEYS.admin.secret,
    } as OSS.Options);
    await c.put('ip/x.txt', Buffer.from('ip'));
    expect(((await c.get('ip/x.txt')).content as Buffer).toString()).toBe('ip');
  });

  it.each([false, true])('round-trips keys with spaces, plus signs, unicode and URL metacharacters (V4: %s)', async (v4) => {
    const c = ossClient(t.sb, longTerm(KEYS.admin), { v4 });
    const key = `odd/报告 2024 ü+ü&a=b#c?d%20e~!'()*.txt`;
    await c.put(key, Buffer.from('odd'));
    expect(((await c.get(key)).content as Buffer).toString()).toBe('odd');
    const listed = await c.list({ prefix: 'odd/' }, {});
    expect(listed.objects.map((o: { name: string }) => o.name)).toContain(key);
    const url = v4 ? await c.signatureUrlV4('GET', 60, {}, key) : c.signatureUrl(key, { expires: 60 });
    expect(await (await fetch(url)).text()).toBe('odd');
  });

  it('DeleteMultipleObjects deletes every listed key and needs oss:DeleteObject on each', async () => {
    for (const k of ['dm/a.txt', 'dm/b & c.txt']) await admin().put(k, Buffer.from(k));
    const res = await ossClient(t.sb, sts).deleteMulti(['dm/a.txt', 'dm/b & c.txt', 'dm/never.txt']);
    expect(res.deleted.map((d: { Key: string }) => d.Key).sort()).toEqual(['dm/a.txt', 'dm/b & c.txt', 'dm/never.txt']);
    expect((await admin().list({ prefix: 'dm/' }, {})).objects ?? []).toEqual([]);
    await expectOssError(ossClient(t.sb, longTerm(KEYS.reader)).deleteMulti(['dm/x']), 'AccessDenied', 403);
  });

  it('GetObjectMeta (HEAD ?objectMeta) returns size, ETag and CRC without the body', async () => {
    await admin().put('meta.bin', Buffer.alloc(1234, 5));
    const meta = await admin().getObjectMeta('meta.bin');
    expect(meta.status).toBe(200);
    expect(meta.res.headers['content-length']).toBe('1234');
    expect(meta.res.headers['x-oss-hash-crc64ecma']).toBe(crc64(Buffer.alloc(1234, 5)).toString());
  });

  it('accepts chunked uploads (ali-oss putStream without a length)', async () => {
    const chunks = [Buffer.alloc(70_000, 1), Buffer.alloc(70_000, 2)];
    const res = await admin().putStream('chunked.bin', Readable.from(chunks));
    expect(res.res.status).toBe(200);
    const got = (await admin().get('chunked.bin')).content as Buffer;
    expect(Buffer.compare(got, Buffer.concat(chunks))).toBe(0);
  });

  it('V4 presigned URLs may sign extra headers (x-oss-additional-headers=host)', async () => {
    const c = ossClient(t.sb, longTerm(KEYS.admin), { v4: true });
    await c.put('addl.txt', Buffer.from('addl'));
    const host = new URL(t.sb.ossEndpoint.replace('127.0.0.1', 'localhost')).host;
    const url = await c.signatureUrlV4('GET', 60, { headers: { host } }, 'addl.txt', ['host']);
    expect(url).toContain('x-oss-additional-headers=host');
    expect(await (await fetch(url)).text()).toBe('addl');
    const otherHost = url.replace('localhost', '127.0.0.1');
    expect((await fetch(otherHost)).status).toBe(403);
  });

  it('HEAD errors carry no body and put the error XML, base64-encoded, in x-oss-err', async () => {
    const res = await rawOss(t.sb, KEYS.admin, 'HEAD', `/${BUCKET}/nothing-here`);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('');
    const xml = Buffer.from(res.headers.get('x-oss-err')!, 'base64').toString('utf8');
    expect(xml).toContain('<Code>NoSuchKey</Code>');
    expect(res.headers.get('x-oss-ec')).toBe('0026-00000001');
  });

  it('accepts uploads through a presigned PUT URL and throttles x-oss-traffic-limit uploads', async () => {
    const c = admin();
    const url = c.signatureUrl('presigned/upload.txt', { method: 'PUT', expires: 60, 'Content-Type': 'text/plain' });
    const put = await fetch(url, { method: 'PUT', headers: { 'Content-Type': 'text/plain' }, body: 'via url' });
    expect(put.status).toBe(200);
    expect(((await c.get('presigned/upload.txt')).content as Buffer).toString()).toBe('via url');
    const wrongType = await fetch(url, { method: 'PUT', headers: { 'Content-Type': 'image/png' }, body: 'x' });
    expect(wrongType.status).toBe(403);

    const started = Date.now();
    await c.put('throttled.bin', Buffer.alloc(150 * 1024, 7), { headers: { 'x-oss-traffic-limit': '819200' } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1300);
  });

  it('concurrent writers to one key: the last complete write wins, never a mix', async () => {
    const c = admin();
    const a = Buffer.alloc(512 * 1024, 0x61);
    const b = Buffer.alloc(512 * 1024, 0x62);
    await Promise.all([c.put('race.bin', a), c.put('race.bin', b), c.put('race.bin', a)]);
    const got = (await c.get('race.bin')).content as Buffer;
    expect([a, b].some((x) => Buffer.compare(x, got) === 0)).toBe(true);
    const head = await c.head('race.bin');
    expect(head.res.headers['x-oss-hash-crc64ecma']).toBe(crc64(got).toString());
  });
});
