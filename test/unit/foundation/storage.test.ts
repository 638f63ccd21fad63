import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readJson, writeJsonAtomic } from '../../../src-main/storage/atomicJson.ts';
import { dataHome } from '../../../src-main/storage/dataHome.ts';

describe('data folder', () => {
  it('honours FERRY_HOME, otherwise follows each OS convention for "Ferry"', () => {
    expect(dataHome({ FERRY_HOME: '/x/ferry' }, 'linux')).toBe(path.resolve('/x/ferry'));
    expect(dataHome({ XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe(path.join('/cfg', 'Ferry'));
    expect(dataHome({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toContain('Ferry');
    expect(dataHome({}, 'darwin')).toContain(path.join('Library', 'Application Support', 'Ferry'));
  });
});

describe('atomic JSON', () => {
  const schema = z.object({ version: z.literal(1), names: z.array(z.string()) });

  it('writes, reads back, leaves no temp files and keeps the file private', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ferry-json-'));
    const file = path.join(dir, 'nested', 'state.json');
    await writeJsonAtomic(file, { version: 1, names: ['报告.pdf'] });
    await writeJsonAtomic(file, { version: 1, names: ['a', 'b'] });
    expect(await readJson(file, schema)).toEqual({ version: 1, names: ['a', 'b'] });
    expect(readdirSync(path.dirname(file))).toEqual(['state.json']);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('returns undefined for a missing file and throws on invalid content', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ferry-json-'));
    expect(await readJson(path.join(dir, 'none.json'), schema)).toBeUndefined();
    writeFileSync(path.join(dir, 'bad.json'), '{"version":2}');
    await expect(readJson(path.join(dir, 'bad.json'), schema)).rejects.toThrow();
    expect(readFileSync(path.join(dir, 'bad.json'), 'utf8')).toBe('{"version":2}');
  });
});
