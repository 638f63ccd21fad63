import fs, { createReadStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { closeFd } from './fd.ts';
import { partFileName } from './layout.ts';
import type { ObjectMeta, PartsData } from './objectFile.ts';

const CHUNK = 256 * 1024;
/** A ReadStream closes its fd when destroyed, even with autoClose off; the fd is the OpenObject's to close. */
const KEEP_FD = { open: fs.open, read: fs.read, close: (_fd: number, done: (error: null) => void) => done(null) };

/** An object opened for reading: its meta and its bytes, as they were when it was opened. */
export interface OpenObject {
  meta: ObjectMeta;
  /** Bytes `start`..`end` inclusive (the caller keeps them within the object). */
  read(start: number, end: number): Readable;
  /** All of the object's bytes, when it was small enough to be read whole at open. */
  bytes?: Buffer;
  close(): Promise<void>;
}

/**
 * An inline object read from its open file. `close` closes the fd once, after every stream reading it
 * has stopped (a plain fd, unlike a FileHandle, does not wait for reads in flight).
 */
export function inlineObject(fd: number, meta: ObjectMeta): OpenObject {
  const streams: Readable[] = [];
  let closing: Promise<void> | undefined;
  const stopped = (stream: Readable): Promise<void> =>
    stream.closed ? Promise.resolve() : new Promise((resolve) => stream.destroy().once('close', () => resolve()));
  return {
    meta,
    read: (start, end) => {
      if (end < start) return Readable.from([]);
      const stream = createReadStream('', { fd, fs: KEEP_FD, start, end, autoClose: false, highWaterMark: CHUNK });
      streams.push(stream);
      return stream;
    },
    close: () => (closing ??= Promise.all(streams.map(stopped)).then(() => closeFd(fd))),
  };
}

/** A small inline object already read into memory (its file is closed). */
export function bufferedObject(meta: ObjectMeta, bytes: Buffer): OpenObject {
  return {
    meta,
    bytes,
    read: (start, end) => Readable.from(end < start ? [] : [bytes.subarray(start, end + 1)]),
    close: async () => undefined,
  };
}

/**
 * A manifest object read across its part files. `release` runs once on close: until then the store
 * keeps the part files even if the object is overwritten or deleted meanwhile.
 */
export function manifestObject(meta: ObjectMeta, parts: PartsData, dataDir: string, release: () => void): OpenObject {
  let released = false;
  return {
    meta,
    read: (start, end) => Readable.from(readPieces(parts, dataDir, start, end), { objectMode: false, highWaterMark: CHUNK }),
    close: async () => {
      if (!released) release();
      released = true;
    },
  };
}

async function* readPieces(parts: PartsData, dataDir: string, start: number, end: number): AsyncGenerator<Buffer> {
  let offset = 0;
  for (const piece of parts.pieces) {
    const first = Math.max(start, offset);
    const last = Math.min(end, offset + piece.size - 1);
    if (first <= last) {
      const file = path.join(dataDir, partFileName(piece.partNumber));
      yield* createReadStream(file, { start: first - offset, end: last - offset, highWaterMark: CHUNK }) as AsyncIterable<Buffer>;
    }
    offset += piece.size;
    if (offset > end) return;
  }
}
