import { createReadStream, promises as fs } from 'node:fs';
import { Readable } from 'node:stream';
import type OSS from 'ali-oss';
import { FerryError } from '../errors/ferryError.ts';
import { fileError } from '../uploads/fileIdentity.ts';
import { keepBothKey, sanitizeRelativePath } from '../uploads/objectKey.ts';
import { READ_CHUNK_BYTES } from '../uploads/readChunk.ts';
import type { ZipSource } from './zipArchive.ts';

/**
 * A local file, read when its turn in the zip comes. Never more than the size seen at selection time is
 * read, so a file that grew is cut off there and one that shrank fails the zip (zipArchive.ts).
 */
export async function localSource(file: string, name: string): Promise<ZipSource> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (error) {
    throw fileError(error, name);
  }
  if (!stat.isFile()) throw new FerryError('uploads.fileGone', { name });
  const size = stat.size;
  return {
    name,
    size,
    mtime: stat.mtime,
    open: async () => (size === 0 ? Readable.from([]) : createReadStream(file, { start: 0, end: size - 1, highWaterMark: READ_CHUNK_BYTES })),
  };
}

/** An object already in the bucket whose file is not on this computer any more: streamed from OSS into the zip. */
export function remoteSource(name: string, size: number, client: () => Promise<OSS>, key: string): ZipSource {
  return {
    name,
    size,
    mtime: new Date(),
    open: async () => {
      const result = await (await client()).getStream(key, { timeout: 3_600_000 } as OSS.GetStreamOptions);
      return result.stream as Readable;
    },
  };
}

/** Names inside the zip: cleaned like object keys, and never twice the same ("a.txt", "a (2).txt"). */
export function uniqueZipNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((raw) => {
    const clean = sanitizeRelativePath(raw) || 'file';
    let name = clean;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = keepBothKey(clean, n);
    taken.add(name.toLowerCase());
    return name;
  });
}
