import { promises as fs } from 'node:fs';
import { FerryError } from '../errors/ferryError.ts';
import type { FileIdentity } from './checkpointStore.ts';

/** The file changed (size, time or identity) while Ferry was uploading it. */
export class FileChangedError extends Error {
  override name = 'FileChangedError';
}

/** Size, modification time and inode of `file`; a missing or unreadable file becomes a FerryError. */
export async function readIdentity(file: string, name: string): Promise<FileIdentity> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new FerryError('uploads.fileGone', { name });
    return { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino, dev: stat.dev };
  } catch (error) {
    throw fileError(error, name);
  }
}

/** Turns an fs error about the file being uploaded into the message the user sees. */
export function fileError(error: unknown, name: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new FerryError('uploads.fileGone', { name }, { cause: error });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EISDIR') return new FerryError('uploads.unreadable', { name }, { cause: error });
  if (code === 'EIO' || code === 'EBUSY') return new FerryError('uploads.readFailed', { name }, { cause: error });
  return error;
}

export function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino && a.dev === b.dev;
}
