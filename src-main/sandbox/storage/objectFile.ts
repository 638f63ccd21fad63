import { readFd, sizeOfFd } from './fd.ts';

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
  /** Set on a manifest object: its bytes are these part files of its completed upload, in order. */
  parts?: PartsData;
}

/** Where a manifest object's bytes live: `multipart/<uploadId>/part-NNNNN`, concatenated. */
export interface PartsData {
  uploadId: string;
  pieces: { partNumber: number; size: number }[];
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
 * On disk an object (or a part) is one file: data, then the JSON meta, then an 8-byte trailer
 * (uint32 meta length + magic). One file means one atomic rename publishes data and meta together.
 *
 * Magic "FRY1": the data is inline. "FRY2": a manifest, no data; the meta's `parts` says where the
 * bytes are. A sandbox from before manifests skips a FRY2 file (not one of its own) instead of serving
 * it empty.
 */
const INLINE = Buffer.from('FRY1');
const MANIFEST = Buffer.from('FRY2');

function encode(meta: object, magic: Buffer): Buffer {
  const json = Buffer.from(JSON.stringify(meta));
  const tail = Buffer.alloc(8);
  tail.writeUInt32BE(json.length, 0);
  magic.copy(tail, 4);
  return Buffer.concat([json, tail]);
}

/** What follows the data of an inline object or a part. */
export function encodeTrailer(meta: object): Buffer {
  return encode(meta, INLINE);
}

/** The whole file of a manifest object. */
export function encodeManifest(meta: ObjectMeta & { parts: PartsData }): Buffer {
  return encode(meta, MANIFEST);
}

interface Tail {
  metaLength: number;
  dataLength: number;
  manifest: boolean;
}

/** The last 8 bytes of a file of `size` bytes: where its meta starts, and which kind it is. */
function decodeTail(tail: Buffer, size: number): Tail {
  const magic = tail.subarray(4, 8);
  const manifest = magic.equals(MANIFEST);
  if (!manifest && !magic.equals(INLINE)) throw new Error('object file has no trailer');
  const metaLength = tail.readUInt32BE(0);
  const dataLength = size - 8 - metaLength;
  if (dataLength < 0 || (manifest && dataLength !== 0)) throw new Error('object file trailer is corrupt');
  return { metaLength, dataLength, manifest };
}

function decodeMeta<T>(json: Buffer, tail: Tail): T {
  const meta = JSON.parse(json.toString('utf8')) as T & { parts?: unknown };
  if (tail.manifest !== (meta.parts !== undefined)) throw new Error('object file trailer is corrupt');
  return meta;
}

export async function readTrailer<T>(fd: number): Promise<{ meta: T; dataLength: number }> {
  const size = await sizeOfFd(fd);
  if (size < 8) throw new Error('object file too short');
  const tailBytes = Buffer.alloc(8);
  await readFd(fd, tailBytes, 8, size - 8);
  const tail = decodeTail(tailBytes, size);
  const json = Buffer.alloc(tail.metaLength);
  await readFd(fd, json, tail.metaLength, tail.dataLength);
  return { meta: decodeMeta<T>(json, tail), dataLength: tail.dataLength };
}

/** The same for a whole file already in memory; `data` is a view of its bytes (none for a manifest). */
export function decodeObjectFile<T>(file: Buffer): { meta: T; data: Buffer } {
  if (file.length < 8) throw new Error('object file too short');
  const tail = decodeTail(file.subarray(file.length - 8), file.length);
  const meta = decodeMeta<T>(file.subarray(tail.dataLength, tail.dataLength + tail.metaLength), tail);
  return { meta, data: file.subarray(0, tail.dataLength) };
}
