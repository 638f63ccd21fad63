import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc64 } from '../../../src-main/oss/crc64.ts';
import { assumeRole, expectOssError, rawOss, KEYS, longTerm, ossClient, startTestSandbox, type Creds, type TestSandbox } from './harness.ts';

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
