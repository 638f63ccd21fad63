import { promises as fs } from 'node:fs';
import path from 'node:path';

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * Writes bytes Ferry was handed (a clipboard picture, a file dropped from a browser) to a new file only
 * this user can read: 0600 in a 0700 folder, never overwriting (`nameFor(n)` gives the n-th candidate).
 */
export async function writePrivateFile(dir: string, nameFor: (n: number) => string, bytes: Uint8Array): Promise<string> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  for (let n = 1; ; n++) {
    const file = path.join(dir, nameFor(n));
    try {
      await fs.writeFile(file, bytes, { flag: 'wx', mode: 0o600 });
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Saves clipboard image bytes as `<home>/clipboard/clipboard-YYYYMMDD-HHMMSS.png` (never overwriting). */
export async function saveClipboardImage(home: string, png: Uint8Array, now: number): Promise<string> {
  const d = new Date(now);
  const stamp = `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
  return writePrivateFile(path.join(home, 'clipboard'), (n) => (n === 1 ? `clipboard-${stamp}.png` : `clipboard-${stamp}-${n}.png`), png);
}
