import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FerryError } from '../../../src-main/errors/ferryError.ts';
import { FileChangedError } from '../../../src-main/uploads/fileIdentity.ts';
import { BUFFERED_MAX_BYTES, readSmallFile } from '../../../src-main/uploads/smallFileRead.ts';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

async function tmp(): Promise<string> {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ferry-small-read-'));
  return dir;
}

describe('readSmallFile (whole-file read for small uploads)', () => {
  it('returns the bytes and the identity of the version it read', async () => {
    const d = await tmp();
    const file = path.join(d, 'a.txt');
    await writeFile(file, 'hello, 世界');
    const { data, identity } = await readSmallFile(file, 'a.txt');
    expect(data.toString('utf8')).toBe('hello, 世界');
    expect(identity.size).toBe(Buffer.byteLength('hello, 世界'));
    expect(identity.ino).toBeGreaterThan(0);
  });

  it('reads an empty file as an empty buffer', async () => {
    const d = await tmp();
    await writeFile(path.join(d, 'empty'), '');
    expect((await readSmallFile(path.join(d, 'empty'), 'empty')).data.length).toBe(0);
  });

  it('refuses a file that has grown past the in-memory limit (it is streamed instead)', async () => {
    const d = await tmp();
    await writeFile(path.join(d, 'big.bin'), Buffer.alloc(BUFFERED_MAX_BYTES + 1));
    const error = await readSmallFile(path.join(d, 'big.bin'), 'big.bin').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileChangedError);
  });

  it('a missing file or a folder becomes the plain "file is gone" error', async () => {
    const d = await tmp();
    await mkdir(path.join(d, 'folder'));
    for (const name of ['missing.txt', 'folder']) {
      const error = await readSmallFile(path.join(d, name), name).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FerryError);
      expect((error as FerryError).code).toBe('uploads.fileGone');
    }
  });
});
