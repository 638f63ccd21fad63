import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../src-renderer/lib/i18n/en.json';
import zhCN from '../../../src-renderer/lib/i18n/zh-CN.json';
import { templateParams } from '../../../src-main/i18n/fillTemplate.ts';

const root = path.resolve(import.meta.dirname, '../../../src-renderer');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.(svelte|ts)$/.test(entry.name) ? [full] : [];
  });
}

describe('renderer catalogs', () => {
  it('en and zh-CN have exactly the same keys', () => {
    const missingInZh = Object.keys(en).filter((key) => !Object.hasOwn(zhCN, key));
    const missingInEn = Object.keys(zhCN).filter((key) => !Object.hasOwn(en, key));
    expect({ missingInZh, missingInEn }).toEqual({ missingInZh: [], missingInEn: [] });
  });

  it('every translation uses the same {placeholders} as English and is not empty', () => {
    const mismatched = Object.entries(en).filter(([key, text]) => {
      const other = (zhCN as Record<string, string>)[key] ?? '';
      return other.trim() === '' || templateParams(text).join() !== templateParams(other).join();
    });
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it('every key the code asks for exists (literal t(…) calls and key tables)', () => {
    const used = new Set<string>();
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\('([\w.]+)'/g)) used.add(m[1] as string);
      for (const m of text.matchAll(/:\s*'((?:[a-z][\w]*\.)+[\w]+)'/gi)) if (/^[a-z]+\./.test(m[1] as string)) used.add(m[1] as string);
    }
    const unknown = [...used].filter((key) => !Object.hasOwn(en, key) && !key.startsWith('app.unexpected'));
    expect(unknown).toEqual([]);
    expect(used.size).toBeGreaterThan(50);
  });
});
