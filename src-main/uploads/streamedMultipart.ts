import { Readable } from 'node:stream';
import type OSS from 'ali-oss';
import { FerryError } from '../errors/ferryError.ts';
import { logger } from '../log/logger.ts';
import { StoppedError, throwIfAborted } from './abort.ts';
import type { DonePart } from './checkpointStore.ts';
import { CrcMeter } from './crcMeter.ts';
import { combinedCrc } from './multipartUpload.ts';
import { keepBothKey } from './objectKey.ts';
import type { OssSession } from './ossSession.ts';
import { choosePartSize, MAX_PARTS } from './partPlan.ts';
import type { PartResult, StreamingPartClient } from './partSender.ts';
import { CrcMismatchError, failureKind } from './retryPolicy.ts';
import { MAX_NAME_TRIES, requestTimeout, type TransferResult } from './transferContext.ts';

const log = logger('uploads');

/**
 * What the part buffers (the one being filled and those in flight) may add up to, whatever the part
 * size: memory stays flat for a zip of any size, within the uploads' memory target (≤ 150 MB RSS).
 */
export const STREAM_BUFFER_BYTES = 12 * 1024 ** 2;
/** Parts held in memory are smaller than the engine's 8 MiB ones streamed from disk (grown only past 20 GB). */
export const STREAM_PART_BYTES = 2 * 1024 ** 2;

export interface StreamUpload {
  session: OssSession;
  /** The key before any "keep both" suffix. */
  baseKey: string;
  /**
   * Opened once per attempt (a taken name found at Complete means starting over under the next name),
   * with the stream's exact length (a stored zip's length is known before its first byte).
   */
  open(): { stream: Readable; size: number };
  partSize: number;
  partConcurrency: number;
  signal: AbortSignal;
  /** Bytes sent (positive) or taken back after a failed attempt (negative). */
  onBytes(n: number): void;
  /** Called when an attempt starts over (progress back to zero). */
  onRestart?(): void;
  random?: () => number;
}

/** The name was taken between Initiate and Complete: the stream is spent, so the caller's loop starts over. */
class NameTakenLate extends Error {
  override name = 'NameTakenLate';
}

/**
 * A multipart upload from a stream that can be read only once (a zip made while it is sent): parts are
 * cut from the stream in order and held in memory until the server has them, in at most
 * `STREAM_BUFFER_BYTES` of reused buffers, so reading waits (backpressure) while the network is slower. Each part
 * is verified by its CRC-64 and retried from memory; the whole object by the combined CRC-64 that
 * Complete reports. New keys only: `x-oss-forbid-overwrite`, and " (2)" when the name is taken.
 */
export async function uploadStream(upload: StreamUpload): Promise<TransferResult> {
  let n = 1;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (attempt > 0) upload.onRestart?.();
    try {
      return await uploadOnce(upload, n);
    } catch (error) {
      if (!(error instanceof NameTakenLate)) throw error;
      n = Number(error.message) + 1;
    }
  }
  throw new FerryError('uploads.fileKeepsChanging', { name: keepBothKey(upload.baseKey, n).split('/').pop()! });
}

async function initiate(upload: StreamUpload, from: number): Promise<{ key: string; uploadId: string; n: number }> {
  for (let n = from; ; n++) {
    const key = keepBothKey(upload.baseKey, n);
    try {
      const result = await upload.session.call((client) => client.initMultipartUpload(key, { headers: { 'x-oss-forbid-overwrite': 'true' } }), { signal: upload.signal });
      return { key, uploadId: result.uploadId, n };
    } catch (error) {
      if (failureKind(error) !== 'exists' || n >= MAX_NAME_TRIES) throw error;
    }
  }
}

async function uploadOnce(upload: StreamUpload, from: number): Promise<TransferResult> {
  throwIfAborted(upload.signal);
  const { stream: source, size } = upload.open();
  let initiated: { key: string; uploadId: string; n: number };
  try {
    initiated = await initiate(upload, from);
  } catch (error) {
    source.destroy();
    throw error;
  }
  const { key, uploadId, n } = initiated;
  const partSize = choosePartSize(size, Math.min(upload.partSize, STREAM_PART_BYTES));
  if (Math.ceil(size / partSize) > MAX_PARTS) throw new RangeError('stream too large for multipart upload');
  const inFlightMax = Math.max(1, Math.min(upload.partConcurrency, Math.floor(STREAM_BUFFER_BYTES / partSize) - 1));
  const inner = new AbortController();
  const relay = (): void => inner.abort(upload.signal.reason);
  upload.signal.addEventListener('abort', relay, { once: true });
  // Stop, or a part that failed for good, ends the upload at once: parts still in flight are not waited for.
  const stopped = new Promise<void>((resolve) => inner.signal.addEventListener('abort', () => resolve(), { once: true }));
  const done: DonePart[] = [];
  const running = new Set<Promise<void>>();
  let failure: unknown;
  // A fixed set of part buffers, reused: allocating a fresh one per part lets freed ones pile up in the
  // allocator (RSS grows with the zip instead of staying flat).
  const spare: Buffer[] = [];
  const buffer = (): Buffer => spare.pop() ?? Buffer.allocUnsafe(partSize);
  const launch = (number: number, whole: Buffer, length: number): void => {
    const job = sendBufferedPart(upload, key, uploadId, number, whole.subarray(0, length), inner.signal).then(
      (part) => void done.push(part),
      (error: unknown) => {
        failure ??= error;
        inner.abort(new StoppedError('cancel'));
      },
    );
    running.add(job);
    void job.finally(() => {
      running.delete(job);
      spare.push(whole);
    });
  };
  try {
    let number = 1;
    let part = buffer();
    let filled = 0;
    for await (const chunk of source as AsyncIterable<Buffer>) {
      for (let at = 0; at < chunk.length; ) {
        const take = Math.min(chunk.length - at, part.length - filled);
        chunk.copy(part, filled, at, at + take);
        filled += take;
        at += take;
        if (filled < part.length) continue;
        // Backpressure: no more of the stream is read until a part in flight has landed.
        while (running.size >= inFlightMax && !inner.signal.aborted) await Promise.race([...running, stopped]);
        if (failure !== undefined || inner.signal.aborted) break;
        launch(number++, part, filled);
        part = buffer();
        filled = 0;
      }
      if (failure !== undefined || inner.signal.aborted) break;
    }
    if (failure === undefined && !inner.signal.aborted && filled > 0) launch(number++, part, filled);
    await Promise.race([Promise.all(running), stopped]);
    if (upload.signal.aborted) throw upload.signal.reason;
    if (failure !== undefined) throw failure;
    const total = done.reduce((sum, p) => sum + p.size, 0);
    if (total !== size) throw new Error(`stream gave ${total} of ${size} bytes`);
    return await complete(upload, key, uploadId, n, done, size);
  } catch (error) {
    source.destroy();
    await abort(upload, key, uploadId);
    throw error;
  } finally {
    upload.signal.removeEventListener('abort', relay);
  }
}

async function abort(upload: StreamUpload, key: string, uploadId: string): Promise<void> {
  try {
    const client = await upload.session.client();
    await client.abortMultipartUpload(key, uploadId);
  } catch (error) {
    if (failureKind(error) !== 'noSuchUpload') log.warn('could not abort streamed multipart upload', { error: String((error as Error).name) });
  }
}

/** One part from memory, retried as a whole; its CRC-64 is computed as it is sent and compared with the server's. */
async function sendBufferedPart(upload: StreamUpload, key: string, uploadId: string, number: number, data: Buffer, signal: AbortSignal): Promise<DonePart> {
  let sent = 0;
  const undo = (): void => {
    upload.onBytes(-sent);
    sent = 0;
  };
  try {
    return await upload.session.call(
      async (client) => {
        sent = 0;
        const meter = new CrcMeter(data.length, (bytes) => {
          sent += bytes;
          upload.onBytes(bytes);
        });
        const onAbort = (): void => meter.stop(signal.reason instanceof StoppedError ? signal.reason : new StoppedError('cancel'));
        signal.addEventListener('abort', onAbort, { once: true });
        Readable.from(slices(data), { objectMode: false }).pipe(meter);
        let result: PartResult;
        try {
          result = await (client as StreamingPartClient)._uploadPart(key, uploadId, number, { stream: meter, size: data.length }, { timeout: requestTimeout(data.length) });
        } catch (error) {
          throw meter.failure ?? error;
        } finally {
          signal.removeEventListener('abort', onAbort);
        }
        const crc = meter.crc.digest();
        const reported = result.res.headers['x-oss-hash-crc64ecma'];
        if (reported !== crc.toString()) throw new CrcMismatchError(crc, reported);
        return { number, etag: result.etag, crc: reported, size: data.length };
      },
      { signal, ...(upload.random ? { random: upload.random } : {}), onRetry: undo },
    );
  } catch (error) {
    undo();
    throw error;
  }
}

/** The part in meter-sized views (no copies), so progress moves smoothly. */
function* slices(data: Buffer): Generator<Buffer> {
  const step = 256 * 1024;
  for (let at = 0; at < data.length; at += step) yield data.subarray(at, Math.min(data.length, at + step));
}

async function complete(upload: StreamUpload, key: string, uploadId: string, n: number, done: DonePart[], size: number): Promise<TransferResult> {
  const parts = [...done].sort((a, b) => a.number - b.number);
  const expected = combinedCrc(parts);
  let result;
  try {
    result = await upload.session.call(
      (client) =>
        client.completeMultipartUpload(key, uploadId, parts.map((p) => ({ number: p.number, etag: p.etag })), {
          headers: { 'x-oss-forbid-overwrite': 'true' },
          timeout: 300_000,
        } as OSS.CompleteMultipartUploadOptions),
      { signal: upload.signal },
    );
  } catch (error) {
    if (failureKind(error) === 'exists') throw new NameTakenLate(String(n));
    throw error;
  }
  const reported = (result.res.headers as Record<string, string | undefined>)['x-oss-hash-crc64ecma'];
  if (reported !== undefined && reported !== expected.toString()) {
    // The stored object is not what was sent: it must not be shared.
    await upload.session.call((client) => client.delete(key), { signal: upload.signal }).catch(() => undefined);
    throw new CrcMismatchError(expected, reported);
  }
  return { key, size, crc: expected.toString() };
}
