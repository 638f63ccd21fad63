import { close as closeFd, fstat, open, read } from 'node:fs';
import { promisify } from 'node:util';
import type { FileIdentity } from './checkpointStore.ts';
import { FileChangedError, fileError } from './fileIdentity.ts';
import { FerryError } from '../errors/ferryError.ts';

/**
 * Files up to this size are read whole and sent as one buffer: for a folder of small files the
 * per-file cost of a read stream, a CRC transform and two extra stats outweighs the transfer itself.
 */
export const BUFFERED_MAX_BYTES = 1024 * 1024;

const openFd = promisify(open);
const fstatFd = promisify(fstat);
const readFd = (fd: number, buffer: Buffer, offset: number, length: number, position: number): Promise<number> =>
  new Promise((resolve, reject) => read(fd, buffer, offset, length, position, (error, n) => (error ? reject(error) : resolve(n))));

export interface SmallFileSnapshot {
  data: Buffer;
  identity: FileIdentity;
}

/**
 * Reads `file` through one descriptor: fstat, then read until end of file. Reading one byte past the
 * size it reported (and getting nothing) proves the buffer is the whole file as it was at that moment;
 * a file that grows or shrinks while being read is reported as changed. Plain fd calls: for thousands
 * of small files, FileHandle objects cost noticeably more CPU.
 */
export async function readSmallFile(file: string, name: string): Promise<SmallFileSnapshot> {
  let fd: number;
  try {
    fd = await openFd(file, 'r');
  } catch (error) {
    throw fileError(error, name);
  }
  try {
    const stat = await fstatFd(fd);
    if (!stat.isFile()) throw new FerryError('uploads.fileGone', { name });
    // Grown past the limit since it was walked: the caller starts over and streams it instead.
    if (stat.size > BUFFERED_MAX_BYTES) throw new FileChangedError(`grew to ${stat.size} bytes`);
    const identity: FileIdentity = { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino, dev: stat.dev };
    const data = Buffer.allocUnsafe(stat.size + 1);
    let filled = 0;
    for (;;) {
      const bytesRead = await readFd(fd, data, filled, data.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled === data.length) break;
    }
    if (filled !== stat.size) throw new FileChangedError(`read ${filled} bytes of a file of ${stat.size}`);
    return { data: data.subarray(0, filled), identity };
  } catch (error) {
    throw error instanceof FileChangedError || error instanceof FerryError ? error : fileError(error, name);
  } finally {
    closeFd(fd, () => undefined);
  }
}
