import { createHash, type Hash } from 'node:crypto';
import { crc64 } from '../../crc64/crc64.ts';

/** Measures what a body holds as it passes: byte count, MD5 and CRC-64 (OSS's two checksums). */
export class BodyDigest {
  bytes = 0;
  private readonly md5: Hash = createHash('md5');
  private crc = 0n;
  private md5Digest: Buffer | undefined;

  /** Bound, so it can be handed over as a callback. */
  readonly update = (chunk: Buffer): void => {
    this.bytes += chunk.length;
    this.md5.update(chunk);
    this.crc = crc64(chunk, this.crc);
  };

  md5Bytes(): Buffer {
    this.md5Digest ??= this.md5.digest();
    return this.md5Digest;
  }

  crc64(): bigint {
    return this.crc;
  }
}
