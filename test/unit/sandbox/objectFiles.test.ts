import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readdir } from 'node:fs/promises';
import { PassThrough, Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterEach, describe, expect, it } from 'vitest';
import type { ObjectMeta } from '../../../src-main/sandbox/storage/objectFile.ts';
import { ObjectStore } from '../../../src-main/sandbox/storage/objectStore.ts';
import { writeTempObject } from '../../../src-main/sandbox/storage/tempFile.ts';

// Object files written and read with plain fds: small ones in one write (O_SYNC) and one read, big
// ones streamed. Whatever the path, the bytes and meta that come back are the ones written.
const BUCKET = 'b';
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

async function store(): Promise<ObjectStore> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ferry-sandbox-files-'));
  roots.push(root);
  const objects = new ObjectStore(root);
  await objects.load([BUCKET]);
  return objects;
}

function bytes(size: number, seed: number): Buffer {
  const data = Buffer.alloc(size);
  for (let i = 0; i < size; i++) data[i] = (i * 31 + seed) & 0xff;
  return data;
}

function metaFor(key: string, size: number): ObjectMeta {
  return { key, size, etag: '"E"', crc64: '0', type: 'Normal', lastModified: 0, contentType: 'application/octet-stream', headers: { 'x-oss-meta-a': 'b' } };
}

/** Writes `data` (in chunks of `chunk` bytes) as a temp object; returns its path. */
async function writeTemp(objects: ObjectStore, key: string, data: Buffer, chunk = 64 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < data.length; i += chunk) chunks.push(data.subarray(i, i + chunk));
  let seen = 0;
  const { tempPath, meta } = await writeTempObject(objects.tempDir, Readable.from(chunks), [], () => metaFor(key, seen), (c) => (seen += c.length));
  expect(meta.size).toBe(data.length);
  return tempPath;
}

async function readBack(objects: ObjectStore, key: string): Promise<{ meta: ObjectMeta; data: Buffer; inMemory: boolean }> {
  const opened = await objects.open(BUCKET, key);
  if (!opened) throw new Error(`no ${key}`);
  try {
    return { meta: opened.meta, data: await buffer(opened.read(0, opened.meta.size - 1)), inMemory: opened.bytes !== undefined };
  } finally {
    await opened.close();
  }
}

describe('object files', () => {
  it.each([
    ['empty', 0, true],
    ['10 KB', 10 * 1024, true],
    ['just under the hold size', 256 * 1024 - 1, true],
    ['1 MB (written in pieces, streamed back)', 1024 * 1024 + 7, false],
  ])('%s: stored and read back byte-exact with its meta', async (_name, size, inMemory) => {
    const objects = await store();
    const data = bytes(size, 3);
    await objects.commit(BUCKET, await writeTemp(objects, 'k', data), metaFor('k', size));
    const back = await readBack(objects, 'k');
    expect(back.data.equals(data)).toBe(true);
    expect(back.meta).toEqual(metaFor('k', size));
    expect(back.inMemory).toBe(inMemory);
    expect(readdirSync(objects.tempDir)).toEqual([]);
  });

  it.each([
    ['small', 4 * 1024],
    ['large', 600 * 1024],
  ])('a %s body that fails part way leaves no temp file', async (_name, before) => {
    const objects = await store();
    const failing = Readable.from(
      (async function* () {
        yield bytes(before, 1);
        throw new Error('connection reset');
      })(),
    );
    await expect(writeTempObject(objects.tempDir, failing, [], () => metaFor('k', 0))).rejects.toThrow('connection reset');
    expect(readdirSync(objects.tempDir)).toEqual([]);
  });

  it('a body that breaks while its first batch is being written: the write is waited for, its file closed and removed', async () => {
    const objects = await store();
    const openFds = (): number => (process.platform === 'linux' ? readdirSync('/proc/self/fd').length : 0);
    const before = openFds();
    const body = new PassThrough();
    const written = writeTempObject(objects.tempDir, body, [], () => metaFor('k', 0), () => {
      // Breaks the connection while the batch this chunk completes is opening its file.
      body.destroy(new Error('connection reset'));
    });
    body.write(bytes(300 * 1024, 4));
    await expect(written).rejects.toThrow('connection reset');
    // Work still in flight would open (and keep) the file after the rejection: give it thread-pool turns to show.
    for (let turn = 0; turn < 20; turn++) expect(await readdir(objects.tempDir)).toEqual([]);
    expect(openFds()).toBe(before);
  });

  it('reads the file as it is when it is bigger than the index expects (no whole read then)', async () => {
    const objects = await store();
    await objects.commit(BUCKET, await writeTemp(objects, 'k', bytes(10, 1)), metaFor('k', 10));
    // Replaced behind the index's back, as a commit between index lookup and open would.
    const big = bytes(300 * 1024, 2);
    renameSync(await writeTemp(objects, 'k', big), objects.layout.objectFile(BUCKET, 'k'));
    const back = await readBack(objects, 'k');
    expect(back.meta.size).toBe(big.length);
    expect(back.data.equals(big)).toBe(true);
  });

  it('closing a big object after a reader stopped part way closes its file once', async () => {
    const objects = await store();
    const data = bytes(2 * 1024 * 1024, 5);
    await objects.commit(BUCKET, await writeTemp(objects, 'k', data), metaFor('k', data.length));
    const opened = (await objects.open(BUCKET, 'k'))!;
    const stream = opened.read(0, data.length - 1);
    await new Promise<void>((resolve) => stream.once('data', () => resolve()));
    stream.destroy();
    await expect(opened.close()).resolves.toBeUndefined();
    await expect(opened.close()).resolves.toBeUndefined();
    expect((await readBack(objects, 'k')).data.equals(data)).toBe(true);
    expect(existsSync(objects.layout.objectFile(BUCKET, 'k'))).toBe(true);
  });
});
