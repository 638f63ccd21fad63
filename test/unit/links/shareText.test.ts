import { describe, expect, it } from 'vitest';
import { errorText } from '../../../src-main/i18n/text.ts';
import { nameOfKey } from '../../../src-main/links/contentDisposition.ts';
import { linkSummary, shareMessage } from '../../../src-main/links/shareText.ts';
import { effectiveExpiry } from '../../../src-main/links/expiry.ts';
import { hasHiddenChars } from '../../../src-main/names/inertName.ts';

// Keys made by other tools may hold bidi and control characters; nothing Ferry says about them may.
const SPOOF = 'shared/bob/invoice\u202Efdp.exe';
const TERMINAL = 'shared/bob/\u001b]0;owned\u0007notes\u009b.txt';

describe('names in what Ferry says', () => {
  it('the name of a key shows its hidden characters as codes', () => {
    expect(nameOfKey(SPOOF)).toBe('invoice[U+202E]fdp.exe');
    expect(nameOfKey(TERMINAL)).toBe('[U+001B]]0;owned[U+0007]notes[U+009B].txt');
    expect(nameOfKey('shared/alice/报告 עברית.pdf')).toBe('报告 עברית.pdf');
  });

  it('a share message carries no bidi or control character, in either language', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const text = shareMessage({ name: 'invoice\u202Efdp\u2066.exe\u0007', size: 2048, url: 'https://x.example/o', expiresAt: Date.UTC(2026, 4, 1) }, { lang, timeZone: 'UTC' });
      expect(hasHiddenChars(text.replace(/\n/g, ''))).toBe(false);
      expect(text).toContain('invoice[U+202E]fdp[U+2066].exe[U+0007]');
      expect(text.split('\n')).toHaveLength(3);
    }
  });

  it('a message about a file shows the name inert (errors, dialogs, notifications)', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const text = errorText(lang, 'uploads.fileGone', { name: 'a\u202Eb\nc.txt' });
      expect(text).toContain('a[U+202E]b[U+000A]c.txt');
      expect(hasHiddenChars(text)).toBe(false);
    }
  });

  it('a name of only hidden characters is refused in words that say what to do', () => {
    const en = errorText('en', 'names.onlyHidden', { name: '\u202E\u0007' });
    const zh = errorText('zh-CN', 'names.onlyHidden', { name: '\u202E\u0007' });
    expect(en).toContain('"[U+202E][U+0007]"');
    expect(en).toMatch(/Rename the file/);
    expect(zh).toContain('[U+202E][U+0007]');
    expect(zh).toMatch(/重命名/);
  });
});

describe('when a share link stops working', () => {
  const at = Date.UTC(2026, 4, 1, 16, 22, 0);

  it('the share message gives the stop time with its time zone (the reader may be elsewhere)', () => {
    const en = shareMessage({ name: 'a.pdf', size: 10, url: 'https://x.example/o', expiresAt: at }, { lang: 'en', timeZone: 'Asia/Shanghai' });
    expect(en.split('\n')[2]).toBe('Valid until Sat, May 2, 2026, 00:22 GMT+8.');
    const zh = shareMessage({ name: 'a.pdf', size: 10, url: 'https://x.example/o', expiresAt: at }, { lang: 'zh-CN', timeZone: 'UTC' });
    expect(zh).toMatch(/UTC/);
  });

  it('a link cut by seconds (credentials ending with the hour asked for) is not called shortened', () => {
    const now = at - 3_600_000;
    const bySeconds = effectiveExpiry({ now, requested: at, clockOffsetMs: 0, credentialsExpireAt: at - 20_000 });
    expect(bySeconds.cappedBy).toBe('none');
    expect(bySeconds.expiresAt).toBe(at - 20_000);
    for (const what of ['link', 'message'] as const) {
      const summary = linkSummary(bySeconds, { lang: 'en', timeZone: 'Asia/Shanghai' }, what);
      expect(summary).not.toMatch(/You asked for/);
      expect(summary).toMatch(/until Sat, May 2, 2026, 00:21\.$/);
    }
    // Really shortened (by 40 minutes): it says so, and why.
    const cut = effectiveExpiry({ now, requested: at, clockOffsetMs: 0, credentialsExpireAt: at - 40 * 60_000 });
    expect(cut.cappedBy).toBe('credentials');
    expect(linkSummary(cut, { lang: 'en', timeZone: 'Asia/Shanghai' })).toMatch(/You asked for Sat, May 2, 2026, 00:22, but the link is signed with temporary credentials/);
  });
});
