import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, describe, expect, it } from 'vitest';
import { crc64, crc64Combine } from '../../../src-main/crc64/crc64.ts';
import { writeTempFile, writeTempObject } from '../../../src-main/sandbox/storage/tempFile.ts';
import { MultipartStore } from '../../../src-main/sandbox/storage/multipartStore.ts';
import { encodeManifest, encodeTrailer, type ObjectMeta, type PartsData } from '../../../src-main/sandbox/storage/objectFile.ts';
import { ObjectStore } from '../../../src-main/sandbox/storage/objectStore.ts';

// A crash can stop CompleteMultipartUpload between any two steps. These tests leave the data folder
// as each such crash would, start the stores again, and check what a client would then see.
const BUCKET = 'b';
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

async function start(root?: string): Promise<{ root: string; objects: ObjectStore; uploads: MultipartStore }> {
  const dir = root ?? mkdtempSync(path.join(os.tmpdir(), 'ferry-sandbox-recovery-'));
  if (!root) roots.push(dir);
  const objects = new ObjectStore(dir);
  const uploads = new MultipartStore(objects.layout);
  await objects.load([BUCKET]);
  await uploads.load([BUCKET]);
  return { root: dir, objects, uploads };
}

/** An upload of `key` with these parts stored (1…n); returns it and the meta Complete would publish for `listed`. */
async function uploadWithParts(s: Awaited<ReturnType<typeof start>>, key: string, parts: Buffer[], listed: number[]) {
  const record = await s.uploads.initiate({ bucket: BUCKET, key, initiated: 0, contentType: 'application/octet-stream', headers: {} });
  for (const [i, data] of parts.entries()) {
    const meta = { partNumber: i + 1, size: data.length, etag: `"P${i + 1}"`, crc64: crc64(data).toString(), lastModified: 0 };
    const { tempPath } = await writeTempObject(s.objects.tempDir, Readable.from([data]), [], () => meta);
    expect(await s.uploads.commitPart(record, meta, tempPath)).toBe(true);
  }
  const chosen = (await s.uploads.parts(record)).filter((p) => listed.includes(p.partNumber));
  const meta: ObjectMeta & { parts: PartsData } = {
    key,
    size: chosen.reduce((n, p) => n + p.size, 0),
    etag: '"X-2"',
    crc64: chosen.reduce((acc, p) => crc64Combine(acc, BigInt(p.crc64), p.size), 0n).toString(),
    type: 'Multipart',
    lastModified: 0,
    contentType: 'application/octet-stream',
    headers: {},
    parts: { uploadId: record.uploadId, pieces: chosen.map((p) => ({ partNumber: p.partNumber, size: p.size })) },
  };
  return { record, meta };
}

async function readAll(objects: ObjectStore, key: string): Promise<string | undefined> {
  const opened = await objects.open(BUCKET, key);
  if (!opened) return undefined;
  try {
    return await text(opened.read(0, opened.meta.size - 1));
  } finally {
    await opened.close();
  }
}

describe('multipart storage after a crash', () => {
  it('before the manifest is in place: no object, the upload and its parts are as they were', async () => {
    const s = await start();
    const { record, meta } = await uploadWithParts(s, 'k', [Buffer.from('a'.repeat(200)), Buffer.from('tail')], [1, 2]);
    await writeTempFile(s.objects.tempDir, encodeManifest(meta));
    const again = await start(s.root);
    expect(again.objects.head(BUCKET, 'k')).toBeUndefined();
    expect(again.uploads.get(BUCKET, 'k', record.uploadId)).toEqual(record);
    expect((await again.uploads.parts(record)).map((p) => p.partNumber)).toEqual([1, 2]);
    expect(readdirSync(again.objects.tempDir)).toEqual([]);
  });

  it('after the manifest, before the parts moved: the object is whole and the upload is gone', async () => {
    const s = await start();
    const { record, meta } = await uploadWithParts(s, 'k', [Buffer.from('a'.repeat(200)), Buffer.from('skipped'), Buffer.from('tail')], [1, 3]);
    renameSync(await writeTempFile(s.objects.tempDir, encodeManifest(meta)), s.objects.layout.objectFile(BUCKET, 'k'));
    const again = await start(s.root);
    expect(again.objects.head(BUCKET, 'k')).toMatchObject({ size: 204, crc64: crc64(Buffer.from('a'.repeat(200) + 'tail')).toString() });
    expect(await readAll(again.objects, 'k')).toBe('a'.repeat(200) + 'tail');
    expect(again.uploads.get(BUCKET, 'k', record.uploadId)).toBeUndefined();
    expect(existsSync(again.objects.layout.uploadDir(BUCKET, record.uploadId))).toBe(false);
    expect(readdirSync(again.objects.layout.multipartDataDir(BUCKET, record.uploadId)).sort()).toEqual(['part-00001', 'part-00003']);
  });

  it('after an overwrite, before the old parts were removed: the new object, and the old parts go', async () => {
    const s = await start();
    const { record, meta } = await uploadWithParts(s, 'k', [Buffer.from('old')], [1]);
    await s.objects.commitParts(BUCKET, meta, false);
    s.uploads.forget(record);
    const inline: ObjectMeta = { ...meta, size: 3, type: 'Normal' };
    delete inline.parts;
    const { tempPath } = await writeTempObject(s.objects.tempDir, Readable.from([Buffer.from('new')]), [], () => inline);
    renameSync(tempPath, s.objects.layout.objectFile(BUCKET, 'k'));
    const again = await start(s.root);
    expect(await readAll(again.objects, 'k')).toBe('new');
    expect(readdirSync(again.objects.layout.multipartDir(BUCKET))).toEqual([]);
  });

  it('never lists a manifest whose parts are gone, nor a file that is not one of ours', async () => {
    const s = await start();
    const { meta } = await uploadWithParts(s, 'k', [Buffer.from('x')], [1]);
    await s.objects.commitParts(BUCKET, meta, false);
    rmSync(s.objects.layout.multipartDir(BUCKET), { recursive: true });
    mkdirSync(s.objects.layout.multipartDir(BUCKET));
    const torn = Buffer.concat([randomBytes(10), encodeTrailer({ key: 'torn' }).subarray(0, 5)]);
    renameSync(await writeTempFile(s.objects.tempDir, torn), s.objects.layout.objectFile(BUCKET, 'torn'));
    const again = await start(s.root);
    expect(again.objects.sortedKeys(BUCKET)).toEqual([]);
  });
});
