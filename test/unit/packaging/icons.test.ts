import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Alpha of every pixel is not readable without a decoder; a template image must at least be RGBA. */
function colourType(bytes: Buffer): number {
  return bytes.readUInt8(25);
}

describe('tray images in assets/tray (committed, read at run time)', () => {
  const dir = path.join(root, 'assets/tray');
  for (const state of ['idle', 'uploading', 'error']) {
    it(`${state}: macOS template 16/32 px and coloured 16/32 px`, () => {
      const sizes: [string, number][] = [
        [`tray-${state}Template.png`, 16],
        [`tray-${state}Template@2x.png`, 32],
        [`tray-${state}.png`, 16],
        [`tray-${state}@2x.png`, 32],
        [`tray-${state}-linux.png`, 32],
      ];
      for (const [name, size] of sizes) {
        const bytes = readFileSync(path.join(dir, name));
        expect(pngSize(bytes), name).toEqual({ width: size, height: size });
        expect(colourType(bytes), name).toBe(6); // RGBA: transparent background
      }
    });
  }
});

describe('build/icons/generate.mjs', () => {
  let out: string;
  let tray: string;
  beforeAll(() => {
    out = mkdtempSync(path.join(os.tmpdir(), 'ferry-icons-'));
    tray = path.join(out, 'tray');
    const run = spawnSync(process.execPath, [path.join(root, 'build/icons/generate.mjs'), '--out', out, '--tray-out', tray], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('renders the app icon at 1024 and 512 and the Linux icon set', () => {
    expect(pngSize(readFileSync(path.join(out, 'icon.png')))).toEqual({ width: 1024, height: 1024 });
    expect(pngSize(readFileSync(path.join(out, 'icon-512.png')))).toEqual({ width: 512, height: 512 });
    for (const file of readdirSync(path.join(out, 'png'))) {
      const n = Number(/^(\d+)x\1\.png$/.exec(file)?.[1]);
      expect(pngSize(readFileSync(path.join(out, 'png', file)))).toEqual({ width: n, height: n });
    }
  });

  it('writes a Windows .ico with 16…256 px PNG images', () => {
    const ico = readFileSync(path.join(out, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const at = 6 + 16 * i;
      const size = ico.readUInt8(at) || 256;
      const length = ico.readUInt32LE(at + 8);
      const offset = ico.readUInt32LE(at + 12);
      expect(pngSize(ico.subarray(offset, offset + length))).toEqual({ width: size, height: size });
      sizes.push(size);
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('writes a macOS .icns whose entries are PNGs of the declared sizes', () => {
    const icns = readFileSync(path.join(out, 'icon.icns'));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const expected: Record<string, number> = { icp4: 16, icp5: 32, icp6: 64, ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic11: 32, ic12: 64, ic13: 256, ic14: 512 };
    const seen: string[] = [];
    for (let at = 8; at < icns.length; ) {
      const type = icns.subarray(at, at + 4).toString('ascii');
      const length = icns.readUInt32BE(at + 4);
      const size = expected[type];
      expect(size, type).toBeDefined();
      expect(pngSize(icns.subarray(at + 8, at + length))).toEqual({ width: size, height: size });
      seen.push(type);
      at += length;
    }
    expect(seen.sort()).toEqual(Object.keys(expected).sort());
  });

  it('makes the same tray images as the committed ones', () => {
    for (const file of readdirSync(tray)) {
      expect(readFileSync(path.join(tray, file)).equals(readFileSync(path.join(root, 'assets/tray', file))), file).toBe(true);
    }
    expect(readdirSync(tray).sort()).toEqual(readdirSync(path.join(root, 'assets/tray')).sort());
  });
});
