import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../../src-main/links/csv.ts';
import { movedKey } from '../../../src-main/links/stopSharing.ts';

describe('CSV', () => {
  it('quotes only what needs quoting and doubles quotes', () => {
    expect(csvField('plain.txt')).toBe('plain.txt');
    expect(csvField('a, b.txt')).toBe('"a, b.txt"');
    expect(csvField('say "hi".txt')).toBe('"say ""hi"".txt"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(undefined)).toBe('');
    expect(csvField(1234)).toBe('1234');
  });

  it('defuses spreadsheet formulas in file names', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1.txt')).toBe("'+1.txt");
  });

  it('starts with a BOM and uses CRLF rows', () => {
    expect(toCsv(['name', 'size'], [['报告.pdf', 10]])).toBe('\uFEFFname,size\r\n报告.pdf,10\r\n');
  });
});

describe('moved keys', () => {
  it('keep the file name under a fresh folder next to the original', () => {
    expect(movedKey('shared/alice/2026-11/合同.pdf')).toMatch(/^shared\/alice\/2026-11\/moved-[0-9a-f]{8}\/合同\.pdf$/);
    expect(movedKey('top.txt')).toMatch(/^moved-[0-9a-f]{8}\/top\.txt$/);
    expect(movedKey('a/b.txt')).not.toBe(movedKey('a/b.txt'));
  });

  it('do not nest when a file is moved twice', () => {
    expect(movedKey('shared/x/moved-0a1b2c3d/r.txt')).toMatch(/^shared\/x\/moved-[0-9a-f]{8}\/r\.txt$/);
  });
});
