import { constants } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream';
import type { Readable, Transform } from 'node:stream';
import { closeFd, fsyncFd, openFd, removeFile, writeAllFd } from './fd.ts';
import { encodeTrailer } from './objectFile.ts';

/** Bytes of a body held in memory before they are written: a small object takes a single write with its trailer. */
const HOLD_BYTES = 256 * 1024;
/** Create + write-only + O_SYNC: each write completes as fsync would. Windows has no O_SYNC flag: fsync there. */
const SYNC_WRITE_FLAGS =
  constants.O_SYNC === undefined ? undefined : constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_SYNC;

function tempName(tempDir: string): string {
  return path.join(tempDir, `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}.part`);
}

/** Writes `data` to a new fsynced temp file (a manifest: a few KB) and returns its path. */
export async function writeTempFile(tempDir: string, data: Buffer): Promise<string> {
  const tempPath = tempName(tempDir);
  const fd = await openFd(tempPath, 'w');
  try {
    await writeAllFd(fd, [data], 0);
    await fsyncFd(fd);
  } catch (error) {
    await closeFd(fd).catch(() => undefined);
    await removeFile(tempPath);
    throw error;
  }
  await closeFd(fd);
  return tempPath;
}

/**
 * Streams `source` (through `stages`) into a new temp file, showing each chunk to `observe`, then lets
 * `finish` inspect what was written and return the meta to append (or throw to discard). The file is
 * fsynced before it is returned; the caller renames it. At most HOLD_BYTES of the body are in memory:
 * a body that fits is written with its trailer in one write, on a file opened O_SYNC (so that write is
 * the fsync, one call fewer), and no file is created for a body that fails before its end.
 */
export async function writeTempObject<M extends object>(
  tempDir: string,
  source: Readable,
  stages: Transform[],
  finish: () => M | Promise<M>,
  observe?: (chunk: Buffer) => void,
): Promise<{ tempPath: string; meta: M }> {
  const tempPath = tempName(tempDir);
  let fd: number | undefined;
  let closed = false;
  try {
    const input = stages.length === 0 ? source : (pipeline as (...streams: unknown[]) => Transform)(source, ...stages, () => undefined);
    const held: Buffer[] = [];
    let heldBytes = 0;
    let position = 0;
    await eachChunk(input, (chunk) => {
      observe?.(chunk);
      held.push(chunk);
      heldBytes += chunk.length;
      if (heldBytes < HOLD_BYTES) return undefined;
      const batch = held.splice(0);
      const at = position;
      position += heldBytes;
      heldBytes = 0;
      return (async () => {
        fd ??= await openFd(tempPath, 'w');
        await writeAllFd(fd, batch, at);
      })();
    });
    const meta = await finish();
    held.push(encodeTrailer(meta));
    if (fd === undefined && SYNC_WRITE_FLAGS !== undefined) {
      fd = await openFd(tempPath, SYNC_WRITE_FLAGS);
      await writeAllFd(fd, held, 0);
    } else {
      fd ??= await openFd(tempPath, 'w');
      await writeAllFd(fd, held, position);
      await fsyncFd(fd);
    }
    closed = true;
    await closeFd(fd);
    return { tempPath, meta };
  } catch (error) {
    if (fd !== undefined && !closed) await closeFd(fd).catch(() => undefined);
    await removeFile(tempPath).catch(() => undefined);
    throw error;
  }
}

/**
 * Calls `onChunk` for every chunk of `stream`, pausing the stream while a promise it returns is
 * pending; resolves after the last chunk's work, rejects on the first error (the stream's or the
 * work's) or when the stream closes before its end — always after any work in flight has settled,
 * so the caller's cleanup sees every file that work opened. Cheaper per request than `for await`.
 */
function eachChunk(stream: Readable, onChunk: (chunk: Buffer) => Promise<void> | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let pending: Promise<void> | undefined;
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      stream.off('data', onData).off('end', onEnd).off('error', finish).off('close', onClose);
      if (error) stream.destroy();
      const done = (): void => (error ? reject(error) : resolve());
      if (pending) pending.then(done, done);
      else done();
    };
    const onData = (chunk: Buffer): void => {
      let work: Promise<void> | undefined;
      try {
        work = onChunk(chunk);
      } catch (error) {
        finish(error as Error);
        return;
      }
      if (!work) return;
      stream.pause();
      pending = work;
      work.then(
        () => {
          pending = undefined;
          if (!settled) stream.resume();
        },
        (error: Error) => {
          pending = undefined;
          finish(error);
        },
      );
    };
    const onEnd = (): void => finish();
    const onClose = (): void => finish(new Error('the body ended early'));
    stream.on('data', onData).on('end', onEnd).on('error', finish).on('close', onClose);
  });
}
