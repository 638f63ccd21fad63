import { promises as fs } from 'node:fs';
import path from 'node:path';

const pad = (n: number): string => String(n).padStart(2, '0');

/** Saves clipboard image bytes as `<home>/clipboard/clipboard-YYYYMMDD-HHMMSS.png` (never overwriting). */
export async function saveClipboardImage(home: string, png: Uint8Array, now: number): Promise<string> {
  const dir = path.join(home, 'clipboard');
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const d = new Date(now);
  const stamp = `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
  for (let n = 1; ; n++) {
    const file = path.join(dir, n === 1 ? `clipboard-${stamp}.png` : `clipboard-${stamp}-${n}.png`);
    try {
      await fs.writeFile(file, png, { flag: 'wx', mode: 0o600 });
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
