import { READ_CHUNK_BYTES } from './readChunk.ts';
import { createReadStream } from 'node:fs';
import type OSS from 'ali-oss';
import { FerryError } from '../errors/ferryError.ts';
import { CrcMeter } from './crcMeter.ts';
import { FileChangedError, fileError, readIdentity, sameIdentity } from './fileIdentity.ts';
import { keepBothKey } from './objectKey.ts';
import { CrcMismatchError, failureKind } from './retryPolicy.ts';
import { MAX_NAME_TRIES, MAX_RESTARTS, requestTimeout, type TransferContext, type TransferResult } from './transferContext.ts';
import { StoppedError } from './abort.ts';

type Headers = Record<string, string>;

/** One streamed PUT, CRC-64 computed on the way out and compared with the server's. */
export async function putFile(ctx: TransferContext): Promise<TransferResult> {
  let n = 1;
  let ownKey: string | undefined; // once a PUT succeeded under a name, that object is ours to replace
  for (let restart = 0; ; restart++) {
    const before = (restart === 0 && ctx.walkedIdentity) || (await readIdentity(ctx.path, ctx.name));
    ctx.progress.total(before.size);
    for (;;) {
      const key = ownKey ?? keepBothKey(ctx.baseKey, n);
      const headers: Headers = ctx.collision === 'keepBoth' && !ownKey ? { 'x-oss-forbid-overwrite': 'true' } : {};
      try {
        const crc = await sendOnce(ctx, key, before.size, headers);
        ownKey = key;
        const after = await readIdentity(ctx.path, ctx.name).catch(() => undefined);
        // Deleted after a complete read: the object is a faithful copy of the file as it was.
        if (after && !sameIdentity(before, after)) throw new FileChangedError();
        return { key, size: before.size, crc };
      } catch (error) {
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

async function sendOnce(ctx: TransferContext, key: string, size: number, headers: Headers): Promise<string> {
  let sent = 0;
  return ctx.session.call(
    async (client: OSS) => {
      sent = 0;
      const { res, crc } = size === 0 ? await putEmpty(client, key, headers) : await putStreamed(ctx, client, key, size, headers, (b) => {
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

async function putEmpty(client: OSS, key: string, headers: Headers): Promise<PutOutcome> {
  const result = await client.put(key, Buffer.alloc(0), { headers });
  return { res: result.res as unknown as PutOutcome['res'], crc: 0n };
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
