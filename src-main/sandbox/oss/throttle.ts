import { Transform, type TransformCallback } from 'node:stream';

/** Paces bytes to `bytesPerSecond` in real time (x-oss-traffic-limit), in slices of ~1/20 s. */
export class Throttle extends Transform {
  private sent = 0;
  private readonly started = performance.now();
  private readonly slice: number;

  constructor(private readonly bytesPerSecond: number) {
    super();
    this.slice = Math.max(1024, Math.floor(bytesPerSecond / 20));
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    let offset = 0;
    const step = (): void => {
      if (offset >= chunk.length) {
        done();
        return;
      }
      const piece = chunk.subarray(offset, offset + this.slice);
      offset += piece.length;
      this.sent += piece.length;
      this.push(piece);
      const due = (this.sent / this.bytesPerSecond) * 1000 - (performance.now() - this.started);
      if (due > 0) setTimeout(step, due);
      else step();
    };
    step();
  }
}

/** OSS accepts 819200–838860800 bit/s (100 KB/s – 100 MB/s). */
export const TRAFFIC_LIMIT_MIN = 819_200;
export const TRAFFIC_LIMIT_MAX = 838_860_800;
