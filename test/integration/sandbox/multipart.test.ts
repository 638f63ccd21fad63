import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc64 } from '../../../src-main/crc64/crc64.ts';
import { assumeRole, BUCKET, expectOssError, rawOss, KEYS, longTerm, ossClient, startTestSandbox, type Creds, type TestSandbox } from './harness.ts';

let t: TestSandbox;
let sts: Creds;
beforeAll(async () => {
  t = await startTestSandbox();
  sts = await assumeRole(t.sb, KEYS.assumer, 'uploader');
});
afterAll(() => t.stop());

const KB = 1024;
interface Part {
  PartNumber: string;
  Size: string;
  ETag: string;
}

describe.each([
  { name: 'V1 long-term', v4: false, sts: false },
  { name: 'V4 STS', v4: true, sts: true },
])('multipart ($name)', (mode) => {
  const client = () => ossClient(t.sb, mode.sts ? sts : longTerm(KEYS.admin), { v4: mode.v4 });

  it('uploads several parts, resumes via ListParts, and combines CRC-64 and ETag', async () => {
    const c = client();
    const key = `${mode.name}/video.mp4`;
    const data = randomBytes(350 * KB);
    const parts = [data.subarray(0, 100 * KB), data.subarray(100 * KB, 200 * KB), data.subarray(200 * KB, 300 * KB), data.subarray(300 * KB)];
    const { uploadId } = await c.initMultipartUpload(key);
    const first = await c.uploadPart(key, uploadId, 1, parts[0]!, 0, parts[0]!.length);
    expect(first.etag).toMatch(/^"[0-9A-F]{32}"$/);
    expect(first.res.headers['x-oss-hash-crc64ecma']).toBe(crc64(parts[0]!).toString());
    await c.uploadPart(key, uploadId, 2, parts[1]!, 0, parts[1]!.length);

    // "Crash": a new client learns what is already there and continues.
    const listed = await client().listParts(key, uploadId, {}, {});
    expect(listed.parts.map((p: Part) => Number(p.PartNumber))).toEqual([1, 2]);
    expect(listed.parts.map((p: Part) => Number(p.Size))).toEqual([100 * KB, 100 * KB]);
    const uploads = await client().listUploads({ prefix: mode.name }, {});
    expect(uploads.uploads.map((u: { uploadId: string }) => u.uploadId)).toContain(uploadId);
    const done = [...listed.parts.map((p: Part) => ({ number: Number(p.PartNumber), etag: p.ETag }))];
    for (const n of [3, 4]) {
      const r = await c.uploadPart(key, uploadId, n, parts[n - 1]!, 0, parts[n - 1]!.length);
      done.push({ number: n, etag: r.etag });
    }
    const complete = await c.completeMultipartUpload(key, uploadId, done);
    expect(complete.res.status).toBe(200);
    expect(complete.res.headers['x-oss-hash-crc64ecma']).toBe(crc64(data).toString());
    const head = await c.head(key);
    expect((head.res.headers as Record<string, string>)['x-oss-object-type']).toBe('Multipart');
    expect((head.res.headers as Record<string, string>)['etag']).toMatch(/^"[0-9A-F]{32}-4"$/);
    expect((head.res.headers as Record<string, string>)['x-oss-hash-crc64ecma']).toBe(crc64(data).toString());
    expect(Buffer.compare((await c.get(key)).content as Buffer, data)).toBe(0);
    await expectOssError(c.listParts(key, uploadId, {}, {}), 'NoSuchUpload', 404);
  });

  it('ali-oss multipartUpload (its own part loop and checkpoint) round-trips', async () => {
    const data = randomBytes(260 * KB);
    const res = await client().multipartUpload(`${mode.name}/auto.bin`, data, { partSize: 100 * KB, parallel: 2 });
    expect(res.res.status).toBe(200);
    expect(Buffer.compare((await client().get(`${mode.name}/auto.bin`)).content as Buffer, data)).toBe(0);
  });
});

describe('multipart validation', () => {
  const c = () => ossClient(t.sb, longTerm(KEYS.admin));

  it('InvalidPartOrder, InvalidPart, EntityTooSmall, NoSuchUpload, bad part numbers', async () => {
    const key = 'checks.bin';
    const { uploadId } = await c().initMultipartUpload(key);
    const p1 = await c().uploadPart(key, uploadId, 1, Buffer.alloc(50 * KB, 1), 0, 50 * KB);
    const p2 = await c().uploadPart(key, uploadId, 2, Buffer.alloc(10, 2), 0, 10);
    // ali-oss sorts the list itself, so send the out-of-order XML by hand.
    const xml = `<?xml version="1.0" encoding="UTF-8"?><CompleteMultipartUpload><Part><PartNumber>2</PartNumber><ETag>${p2.etag}</ETag></Part><Part><PartNumber>1</PartNumber><ETag>${p1.etag}</ETag></Part></CompleteMultipartUpload>`;
    const res = await rawOss(t.sb, KEYS.admin, 'POST', `/ferry-test/${key}`, { query: { uploadId }, body: xml, contentType: 'application/xml' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<Code>InvalidPartOrder</Code>');
    await expectOssError(
      c().completeMultipartUpload(key, uploadId, [{ number: 1, etag: p1.etag }, { number: 2, etag: '"00000000000000000000000000000000"' }]),
      'InvalidPart',
      400,
    );
    await expectOssError(c().completeMultipartUpload(key, uploadId, [{ number: 1, etag: p1.etag }, { number: 3, etag: p2.etag }]), 'InvalidPart', 400);
    await expectOssError(
      c().completeMultipartUpload(key, uploadId, [{ number: 1, etag: p1.etag }, { number: 2, etag: p2.etag }]),
      'EntityTooSmall',
      400,
    );
    // A small last part alone is fine.
    const badNumber = await expectOssError(c().uploadPart(key, uploadId, 10001, Buffer.from('x'), 0, 1), 'InvalidArgument', 400, 'Part number must be an integer between 1 and 10000, inclusive.');
    expect(badNumber.ecCode).toBe('0017-00000220');
    await expectOssError(c().uploadPart(key, 'NOSUCHUPLOAD', 1, Buffer.from('x'), 0, 1), 'NoSuchUpload', 404);
    const ok = await c().completeMultipartUpload(key, uploadId, [{ number: 2, etag: p2.etag }]);
    expect(ok.res.status).toBe(200);
    expect(((await c().get(key)).content as Buffer).length).toBe(10);
  });

  it('AbortMultipartUpload removes the upload and its parts', async () => {
    const { uploadId } = await c().initMultipartUpload('aborted.bin');
    await c().uploadPart('aborted.bin', uploadId, 1, Buffer.alloc(100), 0, 100);
    const abort = await c().abortMultipartUpload('aborted.bin', uploadId);
    expect(abort.res.status).toBe(204);
    await expectOssError(c().listParts('aborted.bin', uploadId, {}, {}), 'NoSuchUpload', 404);
    await expectOssError(c().head('aborted.bin'), 'NoSuchKey', 404);
  });
});

describe('UploadPartCopy (parts copied on the server)', () => {
  it.each([
    { name: 'V1 long-term', v4: false, sts: false },
    { name: 'V4 STS', v4: true, sts: true },
  ])('multipartUploadCopy builds the object from ranges of the source ($name)', async (mode) => {
    const c = ossClient(t.sb, mode.sts ? sts : longTerm(KEYS.admin), { v4: mode.v4 });
    const data = randomBytes(250 * KB + 3);
    await c.put(`${mode.name}/copy-src.bin`, data);
    const result = await c.multipartUploadCopy(`${mode.name}/copy-dst.bin`, { sourceKey: `${mode.name}/copy-src.bin`, sourceBucketName: BUCKET }, { partSize: 100 * KB });
    expect(result.res.status).toBe(200);
    const copied = await c.get(`${mode.name}/copy-dst.bin`);
    expect(Buffer.compare(copied.content as Buffer, data)).toBe(0);
    expect(copied.res.headers['x-oss-hash-crc64ecma']).toBe(crc64(data).toString());
    expect(copied.res.headers['x-oss-object-type']).toBe('Multipart');
  });

  it('answers CopyPartResult, refuses a range outside the source, and needs GetObject on the source', async () => {
    const admin = ossClient(t.sb, longTerm(KEYS.admin));
    await admin.put('upc/src.bin', randomBytes(1000));
    const { uploadId } = await admin.initMultipartUpload('upc/dst.bin');
    const source = { sourceKey: 'upc/src.bin', sourceBucketName: BUCKET };
    const part = await admin.uploadPartCopy('upc/dst.bin', uploadId, 1, '0-499', source, {});
    expect(part.etag).toMatch(/^"[0-9A-F]{32}"$/);
    await expectOssError(admin.uploadPartCopy('upc/dst.bin', uploadId, 2, '500-1000', source, {}), 'InvalidArgument', 400);
    await expectOssError(admin.uploadPartCopy('upc/dst.bin', uploadId, 2, '0-9', { sourceKey: 'upc/none.bin', sourceBucketName: BUCKET }, {}), 'NoSuchKey', 404);
    const writeOnly = await assumeRole(t.sb, KEYS.assumer, 'uploader', {
      policy: { Version: '1', Statement: [{ Effect: 'Allow', Action: 'oss:PutObject', Resource: `acs:oss:*:*:${BUCKET}/upc/*` }] },
    });
    const denied = ossClient(t.sb, writeOnly);
    const { uploadId: second } = await denied.initMultipartUpload('upc/dst2.bin');
    await expectOssError(denied.uploadPartCopy('upc/dst2.bin', second, 1, '0-9', source, {}), 'AccessDenied', 403, "Access denied by authorizer's policy.");
    const listed = await admin.listParts('upc/dst.bin', uploadId, {}, {});
    expect([listed.parts].flat().map((p: Part) => [Number(p.PartNumber), Number(p.Size)])).toEqual([[1, 500]]); // one part: ali-oss gives an object
  });
});
