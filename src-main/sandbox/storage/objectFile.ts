import type { FileHandle } from 'node:fs/promises';

/** Everything OSS keeps about an object besides its bytes. */
export interface ObjectMeta {
  key: string;
  size: number;
  /** Quoted, as sent in the ETag header: `"5EB6…"` or `"…-3"` for multipart. */
  etag: string;
  crc64: string;
  type: 'Normal' | 'Multipart';
  lastModified: number;
  contentType: string;
  /** Stored response headers: cache-control, content-disposition, content-encoding, expires, x-oss-meta-*. */
  headers: Record<string, string>;
}

/** A stored part: like an object, plus its number. */
export interface PartMeta {
  partNumber: number;
  size: number;
  etag: string;
  crc64: string;
  lastModified: number;
}

/**
 * On disk an object is one file: data, then the JSON meta, then an 8-byte trailer
 * (uint32 meta length + "FRY1"). One file means one atomic rename publishes data and meta together.
 */
const MAGIC = Buffer.from('FRY1');

export function encodeTrailer(meta: object): Buffer {
  const json = Buffer.from(JSON.stringify(meta));
  const tail = Buffer.alloc(8);
  tail.writeUInt32BE(json.length, 0);
  MAGIC.copy(tail, 4);
  return Buffer.concat([json, tail]);
}

export async function readTrailer<T>(handle: FileHandle): Promise<{ meta: T; dataLength: number }> {
  const { size } = await handle.stat();
  if (size < 8) throw new Error('object file too short');
  const tail = Buffer.alloc(8);
  await handle.read(tail, 0, 8, size - 8);
  if (!tail.subarray(4).equals(MAGIC)) throw new Error('object file has no trailer');
  const metaLength = tail.readUInt32BE(0);
  const dataLength = size - 8 - metaLength;
  if (dataLength < 0) throw new Error('object file trailer is corrupt');
  const json = Buffer.alloc(metaLength);
  await handle.read(json, 0, metaLength, dataLength);
  return { meta: JSON.parse(json.toString('utf8')) as T, dataLength };
}
