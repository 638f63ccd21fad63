import { READ_CHUNK_BYTES } from './readChunk.ts';
import { createReadStream } from 'node:fs';
import type OSS from 'ali-oss';
import { FerryError } from '../errors/ferryError.ts';
import { CrcMeter } from './crcMeter.ts';
import { FileChangedError, fileError, readIdentity, sameIdentity } from './fileIdentity.ts';
import type { FileIdentity } from './checkpointStore.ts';
import { crc64 } from '../crc64/crc64.ts';
import { BUFFERED_MAX_BYTES, readSmallFile } from './smallFileRead.ts';
import { keepBothKey } from './objectKey.ts';
import { CrcMismatchError, failureKind } from './retryPolicy.ts';
import { MAX_NAME_TRIES, MAX_RESTARTS, requestTimeout, type TransferContext, type TransferResult } from './transferContext.ts';
import { StoppedError } from './abort.ts';
import { landedBefore } from './interruptedRun.ts';

type Headers = Record<string, string>;

/** What one attempt sends: a whole small file already in memory, or a stream from the file. */
interface PutSource {
  size: number;
  send(client: OSS, key: string, headers: Headers, onBytes: (n: number) => void): Promise<PutOutcome>;
  /** After a successful PUT: was the file still the version that was sent? */
  unchanged(): Promise<boolean>;
}

/** One PUT (a buffer for small files, a stream otherwise), CRC-64 computed locally and compared with the server's. */
export async function putFile(ctx: TransferContext): Promise<TransferResult> {
  let n = 1;
  let ownKey: string | undefined; // once a PUT succeeded under a name, that object is ours to replace
  for (let restart = 0; ; restart++) {
    let source: PutSource | undefined;
    try {
      source = await openSource(ctx, restart === 0 ? ctx.walkedSize : undefined);
    } catch (error) {
      if (!(error instanceof FileChangedError)) throw error;
    }
    if (source) ctx.progress.total(source.size);
    while (source) {
      const key = ownKey ?? keepBothKey(ctx.baseKey, n);
      const headers: Headers = ctx.collision === 'keepBoth' && !ownKey ? { 'x-oss-forbid-overwrite': 'true' } : {};
      try {
        const crc = await sendOnce(ctx, source, key, headers);
        ownKey = key;
        // Deleted after a complete read: the object is a faithful copy of the file as it was.
        if (!(await source.unchanged())) throw new FileChangedError();
        return { key, size: source.size, crc };
      } catch (error) {
        if (failureKind(error) === 'exists' && ctx.recovered && !ownKey) {
          // The interrupted run may have sent this very file here before it could record it.
          const crc = await landedBefore(ctx, key, source.size);
          if (crc !== undefined) {
            ctx.progress.notice('uploads.notice.alreadyUploaded');
            return { key, size: source.size, crc };
          }
        }
        if (failureKind(error) === 'exists' && n < MAX_NAME_TRIES) {
          n++;
          continue;
        }
        if (error instanceof FileChangedError) break;
        throw fileError(error, ctx.name);
      }
    }
    if (restart + 1 >= MAX_RESTARTS) throw new FerryError('uploads.fileKeepsChanging', { name: ctx.name });
    ctx.progress.set(0);
    ctx.progress.notice('uploads.notice.changedRestarted');
  }
}

async function openSource(ctx: TransferContext, walkedSize: number | undefined): Promise<PutSource> {
  // readSmallFile stats through its descriptor and reports a file grown past the limit as changed.
  const small = walkedSize !== undefined && walkedSize <= BUFFERED_MAX_BYTES;
  if (!small) {
    const before = await readIdentity(ctx.path, ctx.name);
    if (before.size > BUFFERED_MAX_BYTES) return streamedSource(ctx, before);
  }
  const { data } = await readSmallFile(ctx.path, ctx.name);
  return {
    size: data.length,
    send: (client, key, headers, onBytes) => putBuffer(client, key, data, headers, onBytes, ctx.signal),
    unchanged: async () => true, // the buffer is one consistent version of the file
  };
}

function streamedSource(ctx: TransferContext, before: FileIdentity): PutSource {
  return {
    size: before.size,
    send: (client, key, headers, onBytes) => putStreamed(ctx, client, key, before.size, headers, onBytes),
    unchanged: async () => {
      const after = await readIdentity(ctx.path, ctx.name).catch(() => undefined);
      return !after || sameIdentity(before, after);
    },
  };
}

async function sendOnce(ctx: TransferContext, source: PutSource, key: string, headers: Headers): Promise<string> {
  let sent = 0;
  return ctx.session.call(
    async (client: OSS) => {
      sent = 0;
      const { res, crc } = await source.send(client, key, headers, (b) => {
        sent += b;
        ctx.progress.add(b);
      });
      const reported = res.headers['x-oss-hash-crc64ecma'] as string | undefined;
      if (reported !== crc.toString()) throw new CrcMismatchError(crc, reported);
      return reported;
    },
    {
      signal: ctx.signal,
      ...(ctx.random ? { random: ctx.random } : {}),
      onRetry: () => {
        ctx.progress.add(-sent);
        sent = 0;
      },
    },
  ).catch((error: unknown) => {
    ctx.progress.add(-sent);
    throw error;
  });
}

interface PutOutcome {
  res: { headers: Record<string, unknown> };
  crc: bigint;
}

/** A small file sent from memory (ali-oss adds Content-MD5, so the server checks the body too). */
async function putBuffer(client: OSS, key: string, data: Buffer, headers: Headers, onBytes: (n: number) => void, signal: AbortSignal): Promise<PutOutcome> {
  const crc = crc64(data);
  // ali-oss hands `ctx` to its HTTP client, which createOssClient made abortable: pause and cancel stop the PUT.
  const result = await client.put(key, data, { headers, timeout: requestTimeout(data.length), ctx: { signal } } as OSS.PutObjectOptions);
  onBytes(data.length);
  return { res: result.res as unknown as PutOutcome['res'], crc };
}

async function putStreamed(ctx: TransferContext, client: OSS, key: string, size: number, headers: Headers, onBytes: (n: number) => void): Promise<PutOutcome> {
  const meter = new CrcMeter(size, onBytes);
  const source = createReadStream(ctx.path, { start: 0, end: size - 1, highWaterMark: READ_CHUNK_BYTES });
  source.on('error', (error) => meter.stop(error));
  const onAbort = (): void => meter.stop(ctx.signal.reason instanceof StoppedError ? ctx.signal.reason : new StoppedError('cancel'));
  ctx.signal.addEventListener('abort', onAbort, { once: true });
  source.pipe(meter);
  try {
    const result = await client.putStream(key, meter, { contentLength: size, headers, timeout: requestTimeout(size) } as OSS.PutStreamOptions);
    return { res: result.res as unknown as PutOutcome['res'], crc: meter.crc.digest() };
  } catch (error) {
    throw meter.failure ?? error;
  } finally {
    ctx.signal.removeEventListener('abort', onAbort);
    source.destroy();
  }
}
