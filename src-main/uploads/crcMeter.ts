import { READ_CHUNK_BYTES } from './readChunk.ts';
import { Transform, type TransformCallback } from 'node:stream';
import { Crc64 } from '../crc64/crc64.ts';
import { FileChangedError } from './fileIdentity.ts';

/**
 * Passes bytes through on their way to the socket, computing CRC-64 and counting them — the only read
 * of the file, so the checksum covers exactly what was sent. Fails if fewer bytes than expected arrive
 * (otherwise the request would hang waiting for the promised Content-Length).
 */
export class CrcMeter extends Transform {
  readonly crc = new Crc64();
  /** Why the stream failed, if it did (ali-oss replaces stream errors with its own). */
  failure: Error | undefined;

  constructor(
    private readonly expected: number,
    private readonly onBytes: (n: number) => void,
  ) {
    super({ highWaterMark: READ_CHUNK_BYTES, readableHighWaterMark: READ_CHUNK_BYTES });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.crc.update(chunk);
    this.onBytes(chunk.length);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.crc.length !== this.expected) {
      this.failure = new FileChangedError(`read ${this.crc.length} of ${this.expected} bytes`);
      done(this.failure);
      return;
    }
    done();
  }

  /** Stops the transfer (pause, cancel): the HTTP request is torn down with it. */
  stop(reason: Error): void {
    this.failure ??= reason;
    this.destroy(reason);
  }
}
