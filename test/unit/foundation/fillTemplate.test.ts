import { describe, expect, it } from 'vitest';
import en from '../../../src-renderer/lib/i18n/en.json';
import zhCN from '../../../src-renderer/lib/i18n/zh-CN.json';
import { fillTemplate, templateParams } from '../../../src-main/i18n/fillTemplate.ts';
import { catalogs } from '../../../src-main/i18n/text.ts';

const FILES = '{n, plural, one {# file} other {# files}} in progress';

describe('message templates', () => {
  it('choose the plural form by the language\'s rules', () => {
    expect(fillTemplate(FILES, 'en', { n: 1 })).toBe('1 file in progress');
    expect(fillTemplate(FILES, 'en', { n: 0 })).toBe('0 files in progress');
    expect(fillTemplate(FILES, 'en', { n: 12 })).toBe('12 files in progress');
    expect(fillTemplate('{n, plural, other {# 个文件}}', 'zh-CN', { n: 1 })).toBe('1 个文件');
    expect(fillTemplate('{n, plural, =0 {none} one {one} other {#}}', 'en', { n: 0 })).toBe('none');
    expect(fillTemplate('{n, plural, one {# file} other {# files}}', 'en', { n: '3' })).toBe('3 files');
  });

  it('fill plain placeholders beside plurals, and never read a value as template text', () => {
    expect(fillTemplate('Sending {n, plural, one {# file} other {# files}} — {done} of {total}', 'en', { n: 2, done: '1 MB', total: '3 MB' })).toBe(
      'Sending 2 files — 1 MB of 3 MB',
    );
    expect(fillTemplate('"{name}" from {who}', 'en', { name: '{who} {n, plural, other {#}}', who: 'Ana' })).toBe('"{who} {n, plural, other {#}}" from Ana');
  });

  it('leave a placeholder or plural whose value is missing as it is', () => {
    expect(fillTemplate('{a} and {n, plural, one {# x} other {# xs}}', 'en', {})).toBe('{a} and {n, plural, one {# x} other {# xs}}');
    expect(fillTemplate('{n, plural, one {# x} other {# xs}}', 'en', { n: 'many' })).toBe('{n, plural, one {# x} other {# xs}}');
  });

  it('list the parameters a template uses, plural ones included', () => {
    expect(templateParams('Moved {key}: {count, plural, one {# link} other {# links}}, {key}')).toEqual(['count', 'key']);
  });

  it('every plural in every catalog has an "other" form and fills completely', () => {
    const templates: [string, string, string][] = [];
    for (const [key, text] of Object.entries(en)) templates.push([`renderer ${key}`, 'en', text]);
    for (const [key, text] of Object.entries(zhCN)) templates.push([`renderer ${key}`, 'zh-CN', text]);
    for (const [lang, catalog] of Object.entries(catalogs)) for (const [key, text] of Object.entries(catalog)) templates.push([key, lang, text]);
    const plurals = templates.filter(([, , text]) => text.includes(', plural,'));
    expect(plurals.length).toBeGreaterThan(10);
    for (const [key, lang, text] of plurals) {
      for (const n of [0, 1, 2, 5]) {
        const params = Object.fromEntries(templateParams(text).map((name) => [name, n]));
        const filled = fillTemplate(text, lang, params);
        expect(filled, `${key} ${lang}`).not.toMatch(/plural|#|\{/);
      }
      expect(text, key).toMatch(/other \{/);
    }
  });
});
