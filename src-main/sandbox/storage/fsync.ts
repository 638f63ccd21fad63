import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable, Transform } from 'node:stream';
import { encodeTrailer } from './objectFile.ts';

export async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function tempName(tempDir: string): string {
  return path.join(tempDir, `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}.part`);
}

/** Writes `data` to a new fsynced temp file (a manifest: a few KB) and returns its path. */
export async function writeTempFile(tempDir: string, data: Buffer): Promise<string> {
  const tempPath = tempName(tempDir);
  const handle = await fs.open(tempPath, 'w', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.rm(tempPath, { force: true });
    throw error;
  }
  await handle.close();
  return tempPath;
}

/**
 * Streams `source` into a new temp file, then lets `finish` inspect what was written and return the
 * meta to append (or throw to discard). The file is fsynced before it is returned; the caller renames it.
 */
export async function writeTempObject<M extends object>(
  tempDir: string,
  source: Readable,
  stages: Transform[],
  finish: () => M | Promise<M>,
): Promise<{ tempPath: string; meta: M }> {
  const tempPath = tempName(tempDir);
  const handle = await fs.open(tempPath, 'w', 0o600);
  try {
    let position = 0;
    const sink = async (chunks: AsyncIterable<Buffer>): Promise<void> => {
      for await (const chunk of chunks) {
        await handle.write(chunk, 0, chunk.length, position);
        position += chunk.length;
      }
    };
    // FileHandle write streams with autoClose:false never signal the end to pipeline(); write by hand.
    await (pipeline as (...streams: unknown[]) => Promise<void>)(source, ...stages, sink);
    const meta = await finish();
    const trailer = encodeTrailer(meta);
    await handle.write(trailer, 0, trailer.length, position);
    await handle.sync();
    await handle.close();
    return { tempPath, meta };
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.rm(tempPath, { force: true });
    throw error;
  }
}
