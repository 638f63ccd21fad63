import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../src-main/i18n/en.json';
import zhCN from '../../../src-main/i18n/zh-CN.json';
import { commands } from '../../../src-main/cli/commands/index.ts';
import { templateParams } from '../../../src-main/i18n/fillTemplate.ts';
import { errorText, text } from '../../../src-main/i18n/text.ts';

const root = path.resolve(import.meta.dirname, '../../../src-main');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe("main's text catalog", () => {
  it('en and zh-CN have exactly the same keys', () => {
    const missingInZh = Object.keys(en).filter((key) => !Object.hasOwn(zhCN, key));
    const missingInEn = Object.keys(zhCN).filter((key) => !Object.hasOwn(en, key));
    expect({ missingInZh, missingInEn }).toEqual({ missingInZh: [], missingInEn: [] });
    expect(Object.keys(en).length).toBeGreaterThan(200);
  });

  it('every text is written in both languages with the same {placeholders}, under a <capability>.<what> key', () => {
    const zh: Record<string, string> = zhCN;
    const problems = Object.entries(en).filter(
      ([key, english]) => !/^[a-z]+\.[A-Za-z0-9.]+$/.test(key) || english.trim() === '' || (zh[key] ?? '').trim() === '' || templateParams(english).join() !== templateParams(zh[key] ?? '').join(),
    );
    expect(problems.map(([key]) => key)).toEqual([]);
  });

  it('every key is asked for somewhere in src-main, and every error code thrown there has a text', () => {
    const code = sources(root)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    // `links.expiry.${preset}` uses every key under the prefix; `${question}.message` every '<literal>.message'.
    const prefixes = [...code.matchAll(/`((?:[a-z]\w*\.)+)\$\{/g)].map((m) => m[1]!);
    const suffixes = [...code.matchAll(/`\$\{\w+\}(\.\w+)`/g)].map((m) => m[1]!);
    const used = (key: string): boolean =>
      code.includes(`'${key}'`) ||
      prefixes.some((prefix) => key.startsWith(prefix)) ||
      suffixes.some((suffix) => key.endsWith(suffix) && code.includes(`'${key.slice(0, -suffix.length)}'`));
    expect(Object.keys(en).filter((key) => !used(key))).toEqual([]);
    const codes = [...code.matchAll(/FerryError\(\s*'([\w.]+)'/g)].map((m) => m[1]!);
    expect(codes.length).toBeGreaterThan(50);
    expect(codes.filter((c) => !Object.hasOwn(en, c))).toEqual([]);
  });

  it('names only ferry commands and subcommands that exist (checked against the real command table)', () => {
    const texts = [...Object.values(en), ...Object.values(zhCN), ...commands.map((c) => c.usage)];
    // Every "ferry <word> [<word>]" anywhere in a text, quoted or not (not ferry:// links).
    const named = texts.flatMap((t) => [...t.matchAll(/\bferry (-[\w-]+|[a-z][\w-]*)(?: ([a-z][\w-]*))?/g)].map((m) => ({ name: m[1]!, sub: m[2], phrase: m[0] })));
    expect(named.length).toBeGreaterThan(10);
    const globalOptions = ['--help', '-h', '--version', '--json'];
    const wrong = named.filter(({ name, sub }) => {
      if (name.startsWith('-')) return !globalOptions.includes(name);
      const command = commands.find((c) => c.name === name);
      if (!command) return true;
      // The command alone may be named ("for ferry profile."); a word after it must be one of its subcommands.
      return command.subcommands !== undefined && sub !== undefined && !command.subcommands.includes(sub);
    });
    expect(wrong.map((w) => w.phrase)).toEqual([]);
    // The table is real: `ferry profile` runs exactly the subcommands it lists.
    expect(commands.find((c) => c.name === 'profile')?.subcommands).toEqual(['add', 'import', 'list', 'use', 'remove', 'signing-key', 'key', 'test']);
    expect(commands.find((c) => c.name === 'admin')?.subcommands).toEqual(['create', 'policies', 'test']);
  });

  it('fills placeholders, shows hidden characters in {name} as codes, and says app.unexpected for unknown codes', () => {
    expect(text('en', 'app.usage', { detail: 'No file given.' })).toBe('No file given. Run "ferry --help" to see how to use it.');
    expect(text('zh-CN', 'tray.uploading', { count: 3, percent: 40 })).toBe('正在上传 3 个文件 — 40%');
    expect(text('en', 'tray.stoppedBody', { name: 'a\u202Eb' })).toBe('"a[U+202E]b" was deleted; its links no longer work.');
    expect(errorText('zh-CN', 'no.such.code')).toBe(zhCN['app.unexpected']);
    expect(errorText('en', 'links.expiryInvalid', { value: 'soon' })).toMatch(/^"soon" is not an expiry/);
  });
});
