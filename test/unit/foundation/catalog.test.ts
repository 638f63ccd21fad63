import { describe, expect, it } from 'vitest';
import { catalog, formatMessage } from '../../../src-main/errors/catalog.ts';
import { LANGS } from '../../../src-main/i18n/lang.ts';
import { templateParams } from '../../../src-main/i18n/fillTemplate.ts';

const placeholders = templateParams;

describe('message catalog', () => {
  it('has every message in every language, with the same placeholders', () => {
    expect(catalog.size).toBeGreaterThan(3);
    for (const [code, message] of catalog) {
      for (const lang of LANGS) expect(message[lang]?.trim().length, `${code} ${lang}`).toBeGreaterThan(10);
      expect(placeholders(message['zh-CN']), code).toEqual(placeholders(message.en));
      expect(code).toMatch(/^[a-z]+\.[A-Za-z0-9.]+$/);
    }
  });

  it('fills placeholders and falls back for unknown codes', () => {
    expect(formatMessage('app.usage', 'en', { detail: 'No file given.' })).toBe('No file given. Run "ferry --help" to see how to use it.');
    expect(formatMessage('no.such.code', 'zh-CN')).toBe(catalog.get('app.unexpected')!['zh-CN']);
  });
});
