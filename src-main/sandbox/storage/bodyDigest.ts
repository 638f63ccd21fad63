import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { crc64 } from '../../oss/crc64.ts';

/** Pass-through that measures what flows: byte count, MD5 and CRC-64 (OSS's two checksums). */
export class BodyDigest extends Transform {
  bytes = 0;
  private readonly md5: Hash = createHash('md5');
  private crc = 0n;
  private md5Digest: Buffer | undefined;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    this.md5.update(chunk);
    this.crc = crc64(chunk, this.crc);
    done(null, chunk);
  }

  md5Bytes(): Buffer {
    this.md5Digest ??= this.md5.digest();
    return this.md5Digest;
  }

  crc64(): bigint {
    return this.crc;
  }
}
