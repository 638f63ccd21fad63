import { describe, expect, it } from 'vitest';
import { choosePartSize, MAX_PARTS, MIN_PART_BYTES, partRanges, usesMultipart, DEFAULT_TUNING } from '../../../src-main/uploads/partPlan.ts';

describe('part plan', () => {
  it('uses the preferred size while 10,000 parts suffice', () => {
    expect(choosePartSize(1024 ** 3, 8 * 1024 ** 2)).toBe(8 * 1024 ** 2);
  });

  it('grows the part size so no file needs more than 10,000 parts', () => {
    for (const size of [100 * 1024 ** 3, 500 * 1024 ** 3, 4 * 1024 ** 4]) {
      const partSize = choosePartSize(size, 8 * 1024 ** 2);
      expect(Math.ceil(size / partSize)).toBeLessThanOrEqual(MAX_PARTS);
      expect(partSize % (1024 * 1024)).toBe(0);
    }
  });

  it('never goes below the OSS minimum of 100 KB', () => {
    expect(choosePartSize(1000, 1)).toBe(MIN_PART_BYTES);
  });

  it('splits into contiguous ranges with a short last part', () => {
    const parts = partRanges(250, 100);
    expect(parts).toEqual([
      { number: 1, start: 0, end: 100 },
      { number: 2, start: 100, end: 200 },
      { number: 3, start: 200, end: 250 },
    ]);
    expect(partRanges(0, 100)).toEqual([]);
  });

  it('chooses multipart at the threshold', () => {
    expect(usesMultipart(DEFAULT_TUNING.multipartThreshold - 1, DEFAULT_TUNING)).toBe(false);
    expect(usesMultipart(DEFAULT_TUNING.multipartThreshold, DEFAULT_TUNING)).toBe(true);
  });
});
