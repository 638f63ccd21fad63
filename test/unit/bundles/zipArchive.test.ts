import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { zipArchive } from '../../../src-main/bundles/zipArchive.ts';
import { uniqueZipNames } from '../../../src-main/bundles/zipSources.ts';
import { zipFileName } from '../../../src-main/bundles/zipName.ts';

const source = (name: string, size: number, bytes: Buffer) => ({ name, size, mtime: new Date(0), open: async () => Readable.from([bytes]) });

describe('zips made while they are read', () => {
  it('knows its exact length before the first byte, and flags every name as UTF-8 (bit 11)', async () => {
    const zip = zipArchive([source('报告.pdf', 5, Buffer.from('hello')), source('a/b.txt', 0, Buffer.alloc(0))]);
    const bytes = await buffer(zip.stream);
    expect(bytes.length).toBe(zip.size);
    // Local file header: signature, version, then the general purpose flags.
    expect(bytes.readUInt32LE(0)).toBe(0x04034b50);
    expect(bytes.readUInt16LE(6) & 0x0800).toBe(0x0800);
    expect(bytes.includes(Buffer.from('报告.pdf'))).toBe(true);
  });

  it('a file that gives fewer bytes than it had when chosen fails the zip with its name instead of hanging', async () => {
    const zip = zipArchive([source('ok.txt', 2, Buffer.from('ok')), source('shrunk.bin', 1000, Buffer.alloc(10))]);
    await expect(buffer(zip.stream)).rejects.toMatchObject({ code: 'bundles.fileChanged', params: { name: 'shrunk.bin' } });
  });

  it('a file that cannot be opened fails the zip with its name', async () => {
    const zip = zipArchive([{ name: 'gone.txt', size: 3, mtime: new Date(0), open: () => Promise.reject(Object.assign(new Error('x'), { code: 'ENOENT' })) }]);
    await expect(buffer(zip.stream)).rejects.toMatchObject({ code: 'bundles.fileChanged', params: { name: 'gone.txt' } });
  });
});

describe('names', () => {
  it('reads "3 files from Alice — date.zip" in English and "Alice 的 3 个文件 — date.zip" in Chinese', () => {
    const at = Date.UTC(2026, 11, 4, 12);
    expect(zipFileName('en', 3, 'Alice', at, 'Asia/Shanghai')).toBe('3 files from Alice — 2026-12-04.zip');
    expect(zipFileName('en', 1, 'Alice', at, 'Asia/Shanghai')).toBe('1 file from Alice — 2026-12-04.zip');
    expect(zipFileName('zh-CN', 3, 'Alice', at, 'Asia/Shanghai')).toBe('Alice 的 3 个文件 — 2026-12-04.zip');
  });

  it('entries never share a name inside the zip, and hidden characters are left out', () => {
    expect(uniqueZipNames(['a.txt', 'A.txt', 'a.txt', 'x/\u202Eb.txt', '..'])).toEqual(['a.txt', 'A (2).txt', 'a (3).txt', 'x/b.txt', 'file']);
  });
});
