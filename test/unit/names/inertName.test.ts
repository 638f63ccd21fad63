import { describe, expect, it } from 'vitest';
import { hasHiddenChars, nameParts, removeHiddenChars, visibleName } from '../../../src-main/names/inertName.ts';

const BIDI = [0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];

/** What the rule says, written with Unicode properties rather than the module's own list. */
const expectedHidden = (cp: number): boolean => /\p{Cc}|\p{Bidi_Control}|\p{Zl}|\p{Zp}/u.test(String.fromCodePoint(cp));

describe('inert names: the rule', () => {
  it('hides exactly the controls (C0, DEL, C1), the bidi controls and the line/paragraph separators', () => {
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      if (hasHiddenChars(`a${String.fromCodePoint(cp)}b`) !== expectedHidden(cp)) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
    for (const cp of BIDI) expect(hasHiddenChars(String.fromCodePoint(cp)), cp.toString(16)).toBe(true);
  });

  it('removes them and says so', () => {
    expect(removeHiddenChars('invoice\u202Efdp.exe')).toEqual({ text: 'invoicefdp.exe', removed: true });
    expect(removeHiddenChars('\u001b]0;owned\u0007title\u009b2J.txt')).toEqual({ text: ']0;ownedtitle2J.txt', removed: true });
    expect(removeHiddenChars('\u2066a\u2069\u200e\u200f\u061c\u2028b\u2029')).toEqual({ text: 'ab', removed: true });
    expect(removeHiddenChars('plain.txt')).toEqual({ text: 'plain.txt', removed: false });
  });

  it('leaves CJK, Arabic, Hebrew, emoji sequences, Persian ZWNJ and flags untouched', () => {
    const legit = [
      '季度报告 最终版.docx',
      'עברית مرحبا.pdf',
      'family 👨‍👩‍👧‍👦 and 🏳️‍🌈.png',
      'می‌خواهم.txt',
      'England 🏴󠁧󠁢󠁥󠁮󠁧󠁿.jpg',
      'skin 👍🏽 ✌︎.gif',
      'Café.txt'.normalize('NFD'),
    ];
    for (const name of legit) {
      expect(removeHiddenChars(name), name).toEqual({ text: name, removed: false });
      expect(visibleName(name)).toBe(name);
    }
  });
});

describe('inert names: shown', () => {
  it('replaces each hidden character with its code in brackets, so the true order shows', () => {
    expect(visibleName('invoice\u202Efdp.exe')).toBe('invoice[U+202E]fdp.exe');
    expect(visibleName('a\u001b[2Jb\u0000\u0085')).toBe('a[U+001B][2Jb[U+0000][U+0085]');
    expect(visibleName('x\ny')).toBe('x[U+000A]y');
  });

  it('is idempotent: a shown name has nothing left to hide', () => {
    const once = visibleName('\u202Ea\u2067b\u0007');
    expect(hasHiddenChars(once)).toBe(false);
    expect(visibleName(once)).toBe(once);
  });

  it('splits a name into text and hidden characters for the window', () => {
    expect(nameParts('invoice\u202Efdp.exe')).toEqual([
      { text: 'invoice' },
      { hidden: 'U+202E' },
      { text: 'fdp.exe' },
    ]);
    expect(nameParts('\u200f\u200f')).toEqual([{ hidden: 'U+200F' }, { hidden: 'U+200F' }]);
    expect(nameParts('报告.pdf')).toEqual([{ text: '报告.pdf' }]);
    expect(nameParts('')).toEqual([]);
  });
});
