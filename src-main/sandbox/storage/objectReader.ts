import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { partFileName } from './layout.ts';
import type { ObjectMeta, PartsData } from './objectFile.ts';

const CHUNK = 256 * 1024;

/** An object opened for reading: its meta and its bytes, as they were when it was opened. */
export interface OpenObject {
  meta: ObjectMeta;
  /** Bytes `start`..`end` inclusive (the caller keeps them within the object). */
  read(start: number, end: number): Readable;
  close(): Promise<void>;
}

export function inlineObject(handle: FileHandle, meta: ObjectMeta): OpenObject {
  return {
    meta,
    read: (start, end) => (end < start ? Readable.from([]) : handle.createReadStream({ start, end, autoClose: false, highWaterMark: CHUNK })),
    close: () => handle.close(),
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
