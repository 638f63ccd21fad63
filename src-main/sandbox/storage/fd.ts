import fs from 'node:fs';

// Callback fs on plain file descriptors, as promises. fs/promises' FileHandle objects cost measurably
// more CPU per call, and a small PutObject makes about six calls. A number fd, unlike a FileHandle, is
// not guarded against a second close (which could close a reused fd): each owner closes exactly once.

const settle =
  <T>(resolve: (value: T) => void, reject: (error: Error) => void) =>
  (error: Error | null, value: T): void => {
    if (error) reject(error);
    else resolve(value);
  };

export function openFd(file: string, flags: 'r' | 'w' | number, mode = 0o600): Promise<number> {
  return new Promise((resolve, reject) => fs.open(file, flags, mode, settle(resolve, reject)));
}

/**
 * Closes at once, on this thread: closing a local file (written ones are fsynced first) does no I/O,
 * and a round trip through the thread pool costs two thread wake-ups.
 */
export function closeFd(fd: number): Promise<void> {
  try {
    fs.closeSync(fd);
    return Promise.resolve();
  } catch (error) {
    return Promise.reject(error as Error);
  }
}

export function fsyncFd(fd: number): Promise<void> {
  return new Promise((resolve, reject) => fs.fsync(fd, (error) => (error ? reject(error) : resolve())));
}

export function sizeOfFd(fd: number): Promise<number> {
  return new Promise((resolve, reject) => fs.fstat(fd, (error, stats) => (error ? reject(error) : resolve(stats.size))));
}

/** Reads up to `length` bytes at `position` into the start of `buffer`; fewer only at the end of the file. */
export function readFd(fd: number, buffer: Buffer, length: number, position: number): Promise<number> {
  return new Promise((resolve, reject) => fs.read(fd, buffer, 0, length, position, settle(resolve, reject)));
}

/** Writes all of `buffers` at `position` (one writev unless the kernel takes less). */
export async function writeAllFd(fd: number, buffers: Buffer[], position: number): Promise<void> {
  let rest = buffers;
  let at = position;
  while (rest.length > 0) {
    const written = await new Promise<number>((resolve, reject) => fs.writev(fd, rest, at, settle(resolve, reject)));
    at += written;
    rest = skipBytes(rest, written);
  }
}

function skipBytes(buffers: Buffer[], count: number): Buffer[] {
  let left = count;
  let i = 0;
  while (i < buffers.length && left >= buffers[i]!.length) left -= buffers[i++]!.length;
  const rest = buffers.slice(i);
  if (left > 0 && rest.length > 0) rest[0] = rest[0]!.subarray(left);
  return rest;
}

export function renameFile(from: string, to: string): Promise<void> {
  return new Promise((resolve, reject) => fs.rename(from, to, (error) => (error ? reject(error) : resolve())));
}

/** Removes a file; a missing one is fine. */
export function removeFile(file: string): Promise<void> {
  return new Promise((resolve, reject) =>
    fs.unlink(file, (error) => (error && error.code !== 'ENOENT' ? reject(error) : resolve())),
  );
}
