import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Crc64, crc64 } from '../../../src-main/crc64/crc64.ts';
import { StoppedError } from '../../../src-main/uploads/abort.ts';
import type { OssSession } from '../../../src-main/uploads/ossSession.ts';
import { uploadStream } from '../../../src-main/uploads/streamedMultipart.ts';

const PART = 100 * 1024;
const CHUNK = 16 * 1024;

/**
 * The part requests of a stand-in OSS that holds every part until `release()`; it answers with the
 * CRC-64 of what it received, as OSS does. Only the multipart calls uploadStream makes.
 */
function heldServer() {
  const waiting: (() => void)[] = [];
  const parts = new Map<number, Buffer>();
  let inFlight = 0;
  let maxInFlight = 0;
  let aborted = 0;
  const client = {
    initMultipartUpload: async () => ({ uploadId: 'u1' }),
    async _uploadPart(_key: string, _id: string, n: number, data: { stream: Readable }) {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const chunks: Buffer[] = [];
      for await (const chunk of data.stream) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      await new Promise<void>((resolve) => waiting.push(resolve));
      inFlight--;
      parts.set(n, body);
      return { etag: `"e${n}"`, res: { headers: { 'x-oss-hash-crc64ecma': crc64(body).toString() } } };
    },
    async completeMultipartUpload() {
      const all = Buffer.concat([...parts.entries()].sort(([a], [b]) => a - b).map(([, b]) => b));
      return { res: { headers: { 'x-oss-hash-crc64ecma': crc64(all).toString() } } };
    },
    abortMultipartUpload: async () => {
      aborted++;
      return {};
    },
  };
  const session = { client: async () => client, call: (operation: (c: typeof client) => Promise<unknown>) => operation(client) } as unknown as OssSession;
  return {
    session,
    parts,
    held: () => waiting.length,
    release: () => waiting.splice(0).forEach((resolve) => resolve()),
    maxInFlight: () => maxInFlight,
    aborted: () => aborted,
  };
}

describe('a multipart upload from a stream read once (a zip made while it uploads)', () => {
  it('reads no further than the parts it may hold while the server is slow, then sends every byte verified', async () => {
    const size = 3 * 1024 * 1024 + 123;
    const whole = Buffer.alloc(size);
    for (let i = 0; i < size; i++) whole[i] = (i * 31) & 0xff;
    let read = 0;
    const source = () =>
      Readable.from(
        (function* () {
          for (let at = 0; at < size; at += CHUNK) {
            read += Math.min(CHUNK, size - at);
            yield whole.subarray(at, Math.min(size, at + CHUNK));
          }
        })(),
      );
    const server = heldServer();
    let sent = 0;
    const done = uploadStream({
      session: server.session,
      baseKey: 'shared/a.zip',
      open: () => ({ stream: source(), size }),
      partSize: PART,
      partConcurrency: 4,
      signal: new AbortController().signal,
      onBytes: (n) => (sent += n),
    });
    await expect.poll(() => server.held()).toBe(4);
    await new Promise((r) => setTimeout(r, 50));
    // 4 parts in flight, one being filled, and what the stream itself buffers (16 chunks): not the whole stream.
    expect(read).toBeLessThanOrEqual(5 * PART + 17 * CHUNK);
    expect(server.held()).toBe(4);
    const pump = setInterval(() => server.release(), 1);
    const result = await done.finally(() => clearInterval(pump));
    expect(server.maxInFlight()).toBe(4);
    expect(result).toEqual({ key: 'shared/a.zip', size, crc: new Crc64().update(whole).digest().toString() });
    expect(Buffer.concat([...server.parts.entries()].sort(([a], [b]) => a - b).map(([, b]) => b)).equals(whole)).toBe(true);
    expect(sent).toBe(size);
  });

  it('Stop (the signal) ends it at once and aborts the upload, so no parts are left behind', async () => {
    const server = heldServer();
    const controller = new AbortController();
    const size = 1024 * 1024;
    const done = uploadStream({
      session: server.session,
      baseKey: 'shared/b.zip',
      open: () => ({ stream: Readable.from([Buffer.alloc(size)]), size }),
      partSize: PART,
      partConcurrency: 2,
      signal: controller.signal,
      onBytes: () => undefined,
    });
    await expect.poll(() => server.held()).toBe(2);
    controller.abort(new StoppedError('cancel'));
    await expect(done).rejects.toBeInstanceOf(StoppedError);
    expect(server.aborted()).toBe(1);
    server.release();
  });
});
