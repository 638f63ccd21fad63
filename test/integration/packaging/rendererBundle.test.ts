import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'electron-vite';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

/** The renderer as `npm run build` ships it: electron-vite's own build, not the e2e harness's plain vite. */
describe('the shipped renderer bundle', () => {
  it('is minified (electron-vite leaves it readable unless told otherwise)', async () => {
    await build({ configFile: path.join(root, 'electron.config.ts'), root, logLevel: 'silent' });
    const assets = path.join(root, 'out/renderer/assets');
    const js = readdirSync(assets).filter((name) => name.endsWith('.js'));
    expect(js.length).toBeGreaterThan(0);
    for (const name of js) {
      const code = readFileSync(path.join(assets, name), 'utf8');
      const lines = code.split('\n').length;
      // Readable output runs ~35 characters a line and ~70 KB gzipped; minified, a few long lines.
      expect(code.length / lines, name).toBeGreaterThan(500);
      expect(gzipSync(code, { level: 9 }).length / 1024, name).toBeLessThan(60);
    }
  }, 120_000);
});
