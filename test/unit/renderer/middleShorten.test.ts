import { describe, expect, it } from 'vitest';
import { splitForShortening } from '../../../src-renderer/lib/middleShorten.ts';

describe('splitForShortening (long names are cut in the middle, the extension stays)', () => {
  it('keeps the extension and a few characters before it in the tail', () => {
    const name = 'Quarterly report for the board meeting, final version approved by finance.pdf';
    const { head, tail } = splitForShortening(name);
    expect(tail).toBe('inance.pdf');
    expect(head + tail).toBe(name);
  });

  it('leaves short names whole', () => {
    expect(splitForShortening('plan.txt')).toEqual({ head: 'plan.txt', tail: '' });
  });

  it('never splits an emoji sequence or a hidden character from its neighbours', () => {
    const family = '👨‍👩‍👧';
    const name = `holiday photos from the trip ${family}${family}.jpeg`;
    const { head, tail } = splitForShortening(name);
    expect(head + tail).toBe(name);
    expect(tail).toBe(`rip ${family}${family}.jpeg`);
    const spoofed = 'invoice-for-march-2026\u202Efdp.exe';
    expect(Object.values(splitForShortening(spoofed)).join('')).toBe(spoofed);
  });

  it('a name without an extension keeps its last characters', () => {
    const { head, tail } = splitForShortening('a very long folder name without any extension');
    expect(tail).toBe('xtension');
    expect(head).toBe('a very long folder name without any e');
  });
});
