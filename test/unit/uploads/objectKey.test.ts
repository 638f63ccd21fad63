import { describe, expect, it } from 'vitest';
import { buildObjectKey, keepBothKey, MAX_KEY_BYTES, sanitizePrefix, sanitizeRelativePath } from '../../../src-main/uploads/objectKey.ts';
import { expandPrefix } from '../../../src-main/accounts/prefixTemplate.ts';
import { isFerryError } from '../../../src-main/errors/ferryError.ts';

const bytes = (s: string): number => new TextEncoder().encode(s).length;

describe('object keys', () => {
  it('expands the prefix template and appends the relative path', () => {
    const prefix = expandPrefix('shared/{user}/{yyyy}/{mm}/{dd}/', { user: 'alice', now: Date.UTC(2026, 0, 5, 23, 0) });
    expect(buildObjectKey(prefix, 'Reports/q1.pdf')).toBe('shared/alice/2026/01/05/Reports/q1.pdf');
  });

  it('turns NFD (macOS) into NFC', () => {
    const nfd = 'Cafe\u0301 re\u0301sume\u0301.txt';
    const key = buildObjectKey('p/', nfd);
    expect(key).toBe('p/Café résumé.txt'.normalize('NFC'));
    expect(key).toBe(key.normalize('NFC'));
    expect(key).not.toBe(nfd);
  });

  it('removes control characters, leading slashes, empty and dot segments', () => {
    expect(sanitizeRelativePath('/a/./b/../c//d\u0000e\u001f.txt')).toBe('a/b/c/de.txt');
    expect(sanitizeRelativePath('..\\..\\win\\path.txt')).toBe('win/path.txt');
    expect(buildObjectKey('/lead/', '/x.txt')).toBe('lead/x.txt');
  });

  it('removes bidi controls, so the key shows the real order (invoice\u202Efdp.exe is an .exe)', () => {
    expect(buildObjectKey('p/', 'invoice\u202Efdp.exe')).toBe('p/invoicefdp.exe');
    expect(buildObjectKey('p/', 'Q3/\u2067report\u2069\u200f.pdf\u200e')).toBe('p/Q3/report.pdf');
    expect(sanitizeRelativePath('a\u061cb\u202a\u202b\u202c\u202d\u2066\u2068c\u2028\u2029.txt')).toBe('abc.txt');
    expect(sanitizePrefix('shared/\u202Eeve/')).toBe('shared/eve/');
  });

  it('refuses a name made only of hidden characters, saying so', () => {
    const refused = (() => {
      try {
        return buildObjectKey('p/', 'folder/\u202E\u200f\u0007');
      } catch (e) {
        return e;
      }
    })();
    expect(isFerryError(refused) && refused.code).toBe('names.onlyHidden');
    expect(isFerryError(refused) && refused.params.name).toBe('folder/\u202E\u200f\u0007');
  });

  it('keeps awkward but legal characters intact', () => {
    const names = ['a+b%20c#d?e&f=g.txt', 'with space.txt', '中文文件.docx', 'emoji 🎉📁.png', 'עברית مرحبا.pdf', 'family 👨‍👩‍👧.png', 'می‌خواهم.txt'];
    for (const name of names) expect(buildObjectKey('p/', name)).toBe(`p/${name}`);
  });

  it('shortens an over-long file name to fit 1023 bytes, keeping the extension and whole characters', () => {
    const key = buildObjectKey('p/', `${'文'.repeat(600)}.pdf`);
    expect(bytes(key)).toBeLessThanOrEqual(MAX_KEY_BYTES);
    expect(key.endsWith('.pdf')).toBe(true);
    expect(key).not.toContain('\ufffd');
    expect(bytes(keepBothKey(key, 99))).toBeLessThanOrEqual(MAX_KEY_BYTES);
  });

  it('refuses when the folders alone are too long, and names with nothing left', () => {
    const deep = `${'d'.repeat(200)}/`.repeat(6);
    const error = (() => {
      try {
        buildObjectKey('p/', `${deep}x.txt`);
      } catch (e) {
        return e;
      }
    })();
    expect(isFerryError(error) && error.code).toBe('uploads.pathTooLong');
    expect(() => buildObjectKey('p/', '../..')).toThrow();
  });

  it('"keep both" names: report (2).pdf, archive.tar (2).gz, .bashrc (2), no extension', () => {
    expect(keepBothKey('a/report.pdf', 1)).toBe('a/report.pdf');
    expect(keepBothKey('a/report.pdf', 2)).toBe('a/report (2).pdf');
    expect(keepBothKey('archive.tar.gz', 3)).toBe('archive.tar (3).gz');
    expect(keepBothKey('x/.bashrc', 2)).toBe('x/.bashrc (2)');
    expect(keepBothKey('x.y/README', 2)).toBe('x.y/README (2)');
  });
});
