import { READ_CHUNK_BYTES } from './readChunk.ts';
import { createReadStream } from 'node:fs';
import type OSS from 'ali-oss';
import { StoppedError } from './abort.ts';
import type { Checkpoint, DonePart } from './checkpointStore.ts';
import { CrcMeter } from './crcMeter.ts';
import type { PartRange } from './partPlan.ts';
import { CrcMismatchError } from './retryPolicy.ts';
import { requestTimeout, type TransferContext } from './transferContext.ts';

export interface PartResult {
  etag: string;
  res: { headers: Record<string, string | undefined> };
}

/** ali-oss's part upload from a stream (its public `uploadPart` opens the file itself, which would mean a second read). */
export type StreamingPartClient = OSS & {
  _uploadPart(name: string, uploadId: string, partNo: number, data: { stream: NodeJS.ReadableStream; size: number }, options?: { timeout?: number }): Promise<PartResult>;
};

/** Streams one part from the file with its CRC-64, retried as a whole; returns it verified. */
export async function sendPart(ctx: TransferContext, checkpoint: Checkpoint, range: PartRange, signal: AbortSignal): Promise<DonePart> {
  const size = range.end - range.start;
  let sent = 0;
  const undo = (): void => {
    ctx.progress.add(-sent);
    sent = 0;
  };
  try {
    return await ctx.session.call(
      async (client) => {
        sent = 0;
        const meter = new CrcMeter(size, (n) => {
          sent += n;
          ctx.progress.add(n);
        });
        const source = createReadStream(ctx.path, { start: range.start, end: range.end - 1, highWaterMark: READ_CHUNK_BYTES });
        source.on('error', (error) => meter.stop(error));
        const onAbort = (): void => meter.stop(signal.reason instanceof StoppedError ? signal.reason : new StoppedError('cancel'));
        signal.addEventListener('abort', onAbort, { once: true });
        source.pipe(meter);
        let result: PartResult;
        try {
          result = await (client as StreamingPartClient)._uploadPart(checkpoint.key, checkpoint.uploadId, range.number, { stream: meter, size }, { timeout: requestTimeout(size) });
        } catch (error) {
          throw meter.failure ?? error;
        } finally {
          signal.removeEventListener('abort', onAbort);
          source.destroy();
        }
        const crc = meter.crc.digest();
        const reported = result.res.headers['x-oss-hash-crc64ecma'];
        if (reported !== crc.toString()) throw new CrcMismatchError(crc, reported);
        return { number: range.number, etag: result.etag, crc: reported, size };
      },
      { signal, ...(ctx.random ? { random: ctx.random } : {}), onRetry: undo },
    );
  } catch (error) {
    undo();
    throw error;
  }
}
