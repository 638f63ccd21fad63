import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../../src-main/uploads/droppedData.ts';

describe('safeFileName (the private copy of a file dropped from a browser)', () => {
  it('keeps an ordinary name, in any script', () => {
    expect(safeFileName('invoice from mail.pdf')).toBe('invoice from mail.pdf');
    expect(safeFileName('会议纪要.docx')).toBe('会议纪要.docx');
  });

  it('keeps only the last path part: no way out of the private folder', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('..\\..\\boot.ini')).toBe('boot.ini');
    expect(safeFileName('..')).toBe('dropped file');
  });

  it('drops hidden and control characters and replaces what Windows refuses', () => {
    expect(safeFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(safeFileName('a<b>c:d"e|f?g*h\u0007.txt')).toBe('a_b_c_d_e_f_g_h.txt');
    expect(safeFileName('\u202E\u2066')).toBe('dropped file');
  });

  it('no reserved device names, no leading dots, at most 200 characters', () => {
    expect(safeFileName('CON.txt')).toBe('_CON.txt');
    expect(safeFileName('.bashrc')).toBe('bashrc');
    expect(Array.from(safeFileName(`${'长'.repeat(300)}.txt`))).toHaveLength(200);
  });
});
