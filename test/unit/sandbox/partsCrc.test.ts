import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { crc64, crc64Combine } from '../../../src-main/oss/crc64.ts';
import { partsCrc64 } from '../../../src-main/sandbox/storage/partsCrc.ts';

const part = (b: Buffer) => ({ crc64: crc64(b).toString(), size: b.length });

describe('partsCrc64', () => {
  it.each([[[0]], [[1]], [[7, 0, 5]], [[100, 1000, 3]], [[64 * 1024, 64 * 1024, 64 * 1024, 12_345]]])('equals the CRC-64 of the concatenated data (sizes %j)', (sizes) => {
    const buffers = sizes.map((n) => randomBytes(n));
    expect(partsCrc64(buffers.map(part))).toBe(crc64(Buffer.concat(buffers)));
  });

  it('agrees with crc64Combine for sizes too large to hash here', () => {
    const parts = [
      { crc64: '1234567890123456789', size: 5 * 1024 ** 3 },
      { crc64: '9876543210987654321', size: 5 * 1024 ** 3 },
      { crc64: '42', size: 3 },
    ];
    const folded = parts.reduce((acc, p) => crc64Combine(acc, BigInt(p.crc64), p.size), 0n);
    expect(partsCrc64(parts)).toBe(folded);
  });
});
