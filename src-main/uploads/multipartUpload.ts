import type OSS from 'ali-oss';
import { FerryError } from '../errors/ferryError.ts';
import { crc64Combine } from '../crc64/crc64.ts';
import { logger } from '../log/logger.ts';
import { StoppedError, throwIfAborted } from './abort.ts';
import type { Checkpoint, DonePart, FileIdentity } from './checkpointStore.ts';
import { FileChangedError, fileError, readIdentity, sameIdentity } from './fileIdentity.ts';
import { keepBothKey } from './objectKey.ts';
import { choosePartSize, partRanges } from './partPlan.ts';
import { sendPart } from './partSender.ts';
import { CrcMismatchError, failureKind } from './retryPolicy.ts';
import { MAX_NAME_TRIES, MAX_RESTARTS, type TransferContext, type TransferResult } from './transferContext.ts';

const log = logger('uploads');

/** Start this upload over from the first byte, telling the user why. */
class RestartError extends Error {
  override name = 'RestartError';
  constructor(readonly notice: string) {
    super(notice);
  }
}

interface NameState {
  n: number;
  /** A key this upload already wrote (a Complete whose reply was lost): replace it, don't rename. */
  ownKey?: string;
}

/**
 * Multipart upload on ali-oss's primitives: initiate (or resume a checkpoint, reconciled with
 * ListParts), stream parts in parallel with a CRC-64 each, checkpoint after every part, complete and
 * compare the combined CRC-64. Parts of two versions of a file are never combined.
 */
export async function multipartFile(ctx: TransferContext): Promise<TransferResult> {
  const names: NameState = { n: 1 };
  for (let restart = 0; ; restart++) {
    try {
      return await runOnce(ctx, names);
    } catch (error) {
      if (!(error instanceof RestartError)) throw error;
      if (restart + 1 >= MAX_RESTARTS) throw new FerryError('uploads.fileKeepsChanging', { name: ctx.name });
      log.info('multipart upload starting over', { id: ctx.id, why: error.notice });
      ctx.progress.set(0);
      ctx.progress.notice(error.notice);
    }
  }
}

async function runOnce(ctx: TransferContext, names: NameState): Promise<TransferResult> {
  const identity = await readIdentity(ctx.path, ctx.name);
  ctx.progress.total(identity.size);
  let checkpoint = ctx.checkpoint;
  if (checkpoint) checkpoint = await reconcile(ctx, checkpoint, identity);
  checkpoint ??= await initiate(ctx, identity, names);
  ctx.checkpoint = checkpoint;
  await ctx.checkpoints.save(checkpoint);
  await uploadParts(ctx, checkpoint);
  return complete(ctx, checkpoint, names);
}

/** Drops the server-side upload and the checkpoint (best effort: a failure here must not hide the cause). */
export async function discardUpload(ctx: Pick<TransferContext, 'session' | 'checkpoints' | 'id'>, checkpoint: Checkpoint): Promise<void> {
  try {
    const client = await ctx.session.client();
    await client.abortMultipartUpload(checkpoint.key, checkpoint.uploadId);
  } catch (error) {
    if (failureKind(error) !== 'noSuchUpload') log.warn('could not abort multipart upload', { id: ctx.id, error: String((error as Error).name) });
  }
  await ctx.checkpoints.remove(checkpoint.id);
}

async function restartFresh(ctx: TransferContext, checkpoint: Checkpoint, notice: string): Promise<never> {
  await discardUpload(ctx, checkpoint);
  ctx.checkpoint = undefined;
  throw new RestartError(notice);
}

async function reconcile(ctx: TransferContext, checkpoint: Checkpoint, identity: FileIdentity): Promise<Checkpoint> {
  if (!sameIdentity(checkpoint.file, identity)) return restartFresh(ctx, checkpoint, 'uploads.notice.changedSinceStart');
  let server: Map<number, { etag: string; size: number }>;
  try {
    server = await listAllParts(ctx, checkpoint);
  } catch (error) {
    if (failureKind(error) === 'noSuchUpload') return restartFresh(ctx, checkpoint, 'uploads.notice.serverForgot');
    throw error;
  }
  const norm = (etag: string): string => etag.replace(/"/g, '').toUpperCase();
  const parts = checkpoint.parts.filter((p) => {
    const there = server.get(p.number);
    return there !== undefined && norm(there.etag) === norm(p.etag) && there.size === p.size;
  });
  return { ...checkpoint, parts, paused: false };
}

async function listAllParts(ctx: TransferContext, checkpoint: Checkpoint): Promise<Map<number, { etag: string; size: number }>> {
  const found = new Map<number, { etag: string; size: number }>();
  let marker: string | undefined;
  for (let page = 0; page < 20; page++) {
    const query: Record<string, string> = { 'max-parts': '1000', ...(marker ? { 'part-number-marker': marker } : {}) };
    const result = await ctx.session.call((client) => client.listParts(checkpoint.key, checkpoint.uploadId, query as unknown as OSS.ListPartsQuery), {
      signal: ctx.signal,
    });
    const parts = (Array.isArray(result.parts) ? result.parts : [result.parts]) as unknown as { PartNumber: string; ETag: string; Size: string }[];
    for (const p of parts) if (p) found.set(Number(p.PartNumber), { etag: p.ETag, size: Number(p.Size) });
    const truncated = String(result.isTruncated) === 'true';
    if (!truncated || !result.nextPartNumberMarker) break;
    marker = String(result.nextPartNumberMarker);
  }
  return found;
}

async function initiate(ctx: TransferContext, identity: FileIdentity, names: NameState): Promise<Checkpoint> {
  for (;;) {
    const key = names.ownKey ?? keepBothKey(ctx.baseKey, names.n);
    const headers: Record<string, string> = ctx.collision === 'keepBoth' && !names.ownKey ? { 'x-oss-forbid-overwrite': 'true' } : {};
    try {
      const result = await ctx.session.call((client) => client.initMultipartUpload(key, { headers }), { signal: ctx.signal });
      return {
        v: 1,
        id: ctx.id,
        profileId: ctx.session.profile.id,
        bucket: ctx.session.profile.bucket,
        path: ctx.path,
        name: ctx.name,
        key,
        file: identity,
        uploadId: result.uploadId,
        partSize: choosePartSize(identity.size, ctx.tuning.partSize),
        parts: [],
        createdAt: ctx.clock.now(),
        collision: ctx.collision,
      };
    } catch (error) {
      if (failureKind(error) === 'exists' && names.n < MAX_NAME_TRIES) {
        names.n++;
        continue;
      }
      throw error;
    }
  }
}

async function uploadParts(ctx: TransferContext, checkpoint: Checkpoint): Promise<void> {
  throwIfAborted(ctx.signal);
  const done = new Set(checkpoint.parts.map((p) => p.number));
  ctx.progress.set(checkpoint.parts.reduce((sum, p) => sum + p.size, 0));
  const todo = partRanges(checkpoint.file.size, checkpoint.partSize).filter((r) => !done.has(r.number));
  const inner = new AbortController();
  const relay = (): void => inner.abort(ctx.signal.reason);
  ctx.signal.addEventListener('abort', relay, { once: true });
  let failure: unknown;
  const worker = async (): Promise<void> => {
    for (let range = todo.shift(); range && !inner.signal.aborted; range = todo.shift()) {
      try {
        const part = await sendPart(ctx, checkpoint, range, inner.signal);
        checkpoint.parts.push(part);
        await ctx.checkpoints.save(checkpoint);
        const now = await readIdentity(ctx.path, ctx.name);
        if (!sameIdentity(checkpoint.file, now)) throw new FileChangedError();
      } catch (error) {
        failure ??= error;
        inner.abort(new StoppedError('cancel'));
        return;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(ctx.partConcurrency, todo.length)) }, worker));
  } finally {
    ctx.signal.removeEventListener('abort', relay);
  }
  if (ctx.signal.aborted) throw ctx.signal.reason;
  if (failure instanceof FileChangedError) await restartFresh(ctx, checkpoint, 'uploads.notice.changedRestarted');
  if (failure !== undefined) {
    const shown = fileError(failure, ctx.name);
    if (shown instanceof FerryError && shown.code === 'uploads.fileGone') await discardUpload(ctx, checkpoint);
    throw shown;
  }
}

async function complete(ctx: TransferContext, checkpoint: Checkpoint, names: NameState): Promise<TransferResult> {
  ctx.progress.verifying();
  let identity: FileIdentity;
  try {
    identity = await readIdentity(ctx.path, ctx.name);
  } catch (error) {
    await discardUpload(ctx, checkpoint);
    throw error;
  }
  if (!sameIdentity(checkpoint.file, identity)) return restartFresh(ctx, checkpoint, 'uploads.notice.changedRestarted');
  const parts = [...checkpoint.parts].sort((a, b) => a.number - b.number);
  const expected = combinedCrc(parts);
  const headers: Record<string, string> = ctx.collision === 'keepBoth' && !names.ownKey ? { 'x-oss-forbid-overwrite': 'true' } : {};
  let result;
  try {
    result = await ctx.session.call(
      (client) => client.completeMultipartUpload(checkpoint.key, checkpoint.uploadId, parts.map((p) => ({ number: p.number, etag: p.etag })), { headers, timeout: 300_000 } as OSS.CompleteMultipartUploadOptions),
      { signal: ctx.signal },
    );
  } catch (error) {
    const kind = failureKind(error);
    if (kind === 'exists') {
      // Someone else took the name between initiate and complete: upload again under the next name.
      names.n++;
      return restartFresh(ctx, checkpoint, 'uploads.notice.nameTaken');
    }
    if (kind === 'noSuchUpload') {
      // An earlier Complete may have landed with its reply lost: we cannot read it back, so send again.
      names.ownKey = checkpoint.key;
      await ctx.checkpoints.remove(checkpoint.id);
      ctx.checkpoint = undefined;
      throw new RestartError('uploads.notice.serverForgot');
    }
    throw error;
  }
  const reported = (result.res.headers as Record<string, string | undefined>)['x-oss-hash-crc64ecma'];
  await ctx.checkpoints.remove(checkpoint.id);
  ctx.checkpoint = undefined;
  if (reported !== undefined && reported !== expected.toString()) {
    log.error('combined CRC-64 mismatch after complete', { id: ctx.id, error: new CrcMismatchError(expected, reported).message });
    names.ownKey = checkpoint.key;
    throw new RestartError('uploads.notice.verifyFailed');
  }
  return { key: checkpoint.key, size: checkpoint.file.size, crc: expected.toString() };
}

export function combinedCrc(parts: readonly DonePart[]): bigint {
  return parts.reduce((acc, p, i) => (i === 0 ? BigInt(p.crc) : crc64Combine(acc, BigInt(p.crc), p.size)), 0n);
}
