import { open } from 'node:fs/promises';
import type { FileIdentity } from './checkpointStore.ts';
import { FileChangedError, fileError, sameIdentity } from './fileIdentity.ts';
import { FerryError } from '../errors/ferryError.ts';

/**
 * Files up to this size are read whole and sent as one buffer: for a folder of small files the
 * per-file cost of a read stream, a CRC transform and two extra stats outweighs the transfer itself.
 */
export const BUFFERED_MAX_BYTES = 1024 * 1024;

export interface SmallFileSnapshot {
  data: Buffer;
  identity: FileIdentity;
}

/**
 * Reads `file` in one go through a single handle and checks, with fstat before and after, that what
 * was read is one consistent version of it — so the buffer is exactly a version of the file that
 * existed, and the CRC of the buffer is the CRC of what is sent.
 */
export async function readSmallFile(file: string, name: string): Promise<SmallFileSnapshot> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw fileError(error, name);
  }
  try {
    const before = await handle.stat();
    if (!before.isFile()) throw new FerryError('uploads.fileGone', { name });
    const identity: FileIdentity = { size: before.size, mtimeMs: before.mtimeMs, ino: before.ino, dev: before.dev };
    const data = Buffer.allocUnsafe(before.size);
    let filled = 0;
    while (filled < data.length) {
      const { bytesRead } = await handle.read(data, filled, data.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    const after = await handle.stat();
    const now: FileIdentity = { size: after.size, mtimeMs: after.mtimeMs, ino: after.ino, dev: after.dev };
    if (filled !== data.length || !sameIdentity(identity, now)) throw new FileChangedError(`read ${filled} of ${data.length} bytes`);
    return { data, identity };
  } catch (error) {
    throw error instanceof FileChangedError || error instanceof FerryError ? error : fileError(error, name);
  } finally {
    await handle.close().catch(() => undefined);
  }
}
