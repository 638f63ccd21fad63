import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { crc64 } from '../../../src-main/crc64/crc64.ts';
import { BUCKET, expectOssError, KEYS, longTerm, ossClient, startTestSandbox, type Oss, type TestSandbox } from './harness.ts';

// A completed multipart object keeps its parts as they were uploaded (no copy at Complete); these
// tests read such objects back every way OSS allows and check the parts' folder follows the object.
let t: TestSandbox;
let c: Oss;
beforeAll(async () => {
  t = await startTestSandbox();
  c = ossClient(t.sb, longTerm(KEYS.admin));
});
afterAll(() => t.stop());

const KB = 1024;
const multipartDir = (): string => path.join(t.dir, 'oss', 'buckets', BUCKET, 'multipart');

/** Uploads `parts` as parts 1…n, completes with those numbered in `listed` (default all); returns the upload id. */
async function multipart(key: string, parts: Buffer[], listed?: number[]): Promise<string> {
  const { uploadId } = await c.initMultipartUpload(key);
  const etags: string[] = [];
  for (const [i, part] of parts.entries()) etags.push((await c.uploadPart(key, uploadId, i + 1, part, 0, part.length)).etag);
  const numbers = listed ?? parts.map((_, i) => i + 1);
  await c.completeMultipartUpload(key, uploadId, numbers.map((n) => ({ number: n, etag: etags[n - 1]! })));
  return uploadId;
}

describe('multipart objects', () => {
  it('hold only the parts listed in Complete, with the combined CRC-64 and size everywhere', async () => {
    const parts = [randomBytes(100 * KB + 1), randomBytes(120 * KB), randomBytes(17)];
    const uploadId = await multipart('mp/subset.bin', parts, [1, 3]);
    const data = Buffer.concat([parts[0]!, parts[2]!]);
    const get = await c.get('mp/subset.bin');
    expect(Buffer.compare(get.content as Buffer, data)).toBe(0);
    expect(get.res.headers['x-oss-hash-crc64ecma']).toBe(crc64(data).toString());
    expect(get.res.headers['content-length']).toBe(String(data.length));
    const listed = await c.list({ prefix: 'mp/subset' }, {});
    expect(listed.objects.map((o: { size: number; etag: string }) => [o.size, o.etag])).toEqual([[data.length, get.res.headers['etag']]]);
    expect(readdirSync(path.join(multipartDir(), uploadId)).sort()).toEqual(['part-00001', 'part-00003']);
  });

  it('serve ranges within and across part boundaries', async () => {
    const parts = [randomBytes(100 * KB + 1), randomBytes(100 * KB), randomBytes(17)];
    await multipart('mp/ranges.bin', parts);
    const data = Buffer.concat(parts);
    const b1 = parts[0]!.length;
    const b2 = b1 + parts[1]!.length;
    const cases: [string, number, number][] = [
      ['bytes=0-0', 0, 0],
      [`bytes=${b1 - 5}-${b1 + 5}`, b1 - 5, b1 + 5],
      [`bytes=${b1}-${b2 - 1}`, b1, b2 - 1],
      [`bytes=${b2 - 3}-`, b2 - 3, data.length - 1],
      ['bytes=-10', data.length - 10, data.length - 1],
      [`bytes=5-${b2 + 2}`, 5, b2 + 2],
    ];
    for (const [range, first, last] of cases) {
      const res = await c.get('mp/ranges.bin', { headers: { Range: range } });
      expect({ range, status: res.res.status, contentRange: res.res.headers['content-range'] }).toEqual({ range, status: 206, contentRange: `bytes ${first}-${last}/${data.length}` });
      expect(Buffer.compare(res.content as Buffer, data.subarray(first, last + 1))).toBe(0);
    }
  });

  it('are copied (CopyObject, UploadPartCopy) byte for byte, and the copy outlives the source', async () => {
    const parts = [randomBytes(100 * KB), randomBytes(150 * KB + 7)];
    await multipart('mp/source.bin', parts);
    const data = Buffer.concat(parts);
    const copy = await c.copy('mp/copy.bin', 'mp/source.bin');
    expect(copy.res.status).toBe(200);
    const byParts = await c.multipartUploadCopy('mp/copy-by-parts.bin', { sourceKey: 'mp/source.bin', sourceBucketName: BUCKET }, { partSize: 100 * KB });
    expect(byParts.res.status).toBe(200);
    await c.delete('mp/source.bin');
    for (const key of ['mp/copy.bin', 'mp/copy-by-parts.bin']) {
      const back = await c.get(key);
      expect(Buffer.compare(back.content as Buffer, data)).toBe(0);
      expect(back.res.headers['x-oss-hash-crc64ecma']).toBe(crc64(data).toString());
    }
  });

  it('give their parts folder up when overwritten or deleted', async () => {
    const first = await multipart('mp/replaced.bin', [randomBytes(100 * KB), randomBytes(10)]);
    await c.put('mp/replaced.bin', Buffer.from('now small'));
    expect(existsSync(path.join(multipartDir(), first))).toBe(false);
    expect(((await c.get('mp/replaced.bin')).content as Buffer).toString()).toBe('now small');
    const second = await multipart('mp/replaced.bin', [randomBytes(100 * KB), randomBytes(20)]);
    const third = await multipart('mp/replaced.bin', [randomBytes(30)]);
    expect(existsSync(path.join(multipartDir(), second))).toBe(false);
    expect(((await c.get('mp/replaced.bin')).content as Buffer).length).toBe(30);
    await c.delete('mp/replaced.bin');
    expect(existsSync(path.join(multipartDir(), third))).toBe(false);
    await expectOssError(c.head('mp/replaced.bin'), 'NoSuchKey', 404);
  });

  it('stay readable to a GET that began before they were deleted', async () => {
    const parts = Array.from({ length: 24 }, () => randomBytes(1024 * KB));
    const uploadId = await multipart('mp/long-read.bin', parts);
    const res = await fetch(c.signatureUrl('mp/long-read.bin', { expires: 60 }));
    const reader = res.body!.getReader();
    const chunks: Uint8Array[] = [(await reader.read()).value!];
    // 24 MB is more than loopback buffers hold: the server is still reading part files now.
    await c.delete('mp/long-read.bin');
    await expectOssError(c.head('mp/long-read.bin'), 'NoSuchKey', 404);
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
    expect(Buffer.compare(Buffer.concat(chunks), Buffer.concat(parts))).toBe(0);
    await vi.waitFor(() => expect(existsSync(path.join(multipartDir(), uploadId))).toBe(false));
  });
});

describe('x-oss-forbid-overwrite', () => {
  const forbid = { headers: { 'x-oss-forbid-overwrite': 'true' } };

  it('is checked at InitiateMultipartUpload', async () => {
    await c.put('fo/taken.bin', Buffer.from('here first'));
    await expectOssError(c.initMultipartUpload('fo/taken.bin', forbid), 'FileAlreadyExists', 409, 'The object you specified already exists and can not be overwritten.');
    expect((await c.initMultipartUpload('fo/free.bin', forbid)).uploadId).toMatch(/^[0-9A-F]{32}$/);
  });

  it('is checked again at CompleteMultipartUpload, and the refused upload can still complete', async () => {
    const part = randomBytes(50 * KB);
    const { uploadId } = await c.initMultipartUpload('fo/race.bin', forbid);
    const { etag } = await c.uploadPart('fo/race.bin', uploadId, 1, part, 0, part.length);
    await c.put('fo/race.bin', Buffer.from('someone else'));
    const refused = await expectOssError(c.completeMultipartUpload('fo/race.bin', uploadId, [{ number: 1, etag }], forbid), 'FileAlreadyExists', 409);
    expect(refused.ecCode).toBe('0042-00000214');
    expect(((await c.get('fo/race.bin')).content as Buffer).toString()).toBe('someone else');
    expect([(await c.listParts('fo/race.bin', uploadId, {}, {})).parts].flat()).toHaveLength(1);
    await c.completeMultipartUpload('fo/race.bin', uploadId, [{ number: 1, etag }]);
    expect(Buffer.compare((await c.get('fo/race.bin')).content as Buffer, part)).toBe(0);

    const { uploadId: free } = await c.initMultipartUpload('fo/nobody.bin', forbid);
    const p = await c.uploadPart('fo/nobody.bin', free, 1, part, 0, part.length);
    expect((await c.completeMultipartUpload('fo/nobody.bin', free, [{ number: 1, etag: p.etag }], forbid)).res.status).toBe(200);
  });

  it('is honoured by CopyObject and PutObject', async () => {
    await c.put('fo/copy-src.txt', Buffer.from('source'));
    await c.put('fo/copy-dst.txt', Buffer.from('target'));
    const copy = await expectOssError(c.copy('fo/copy-dst.txt', 'fo/copy-src.txt', forbid), 'FileAlreadyExists', 409);
    expect(copy.ecCode).toBe('0026-00000002');
    expect(((await c.get('fo/copy-dst.txt')).content as Buffer).toString()).toBe('target');
    expect((await c.copy('fo/copy-new.txt', 'fo/copy-src.txt', forbid)).res.status).toBe(200);
    const put = await expectOssError(c.put('fo/copy-dst.txt', Buffer.from('again'), forbid), 'FileAlreadyExists', 409);
    expect(put.ecCode).toBe('0026-00000002');
  });
});
