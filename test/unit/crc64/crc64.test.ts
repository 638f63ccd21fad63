import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Crc64, crc64, crc64Combine, crc64Engine, crc64Js } from '../../../src-main/crc64/crc64.ts';

/** Bit-at-a-time reference, independent of the table code. */
function crc64Reference(buf: Uint8Array): bigint {
  let crc = 0xffffffffffffffffn;
  for (const byte of buf) {
    crc ^= BigInt(byte);
    for (let k = 0; k < 8; k++) crc = crc & 1n ? (crc >> 1n) ^ 0xc96c5795d7870f42n : crc >> 1n;
  }
  return crc ^ 0xffffffffffffffffn;
}

describe('crc64 (CRC-64/XZ as OSS uses it)', () => {
  it('matches the catalogue check value for "123456789"', () => {
    expect(crc64(Buffer.from('123456789'))).toBe(11051210869376104954n);
    expect(crc64(Buffer.from('123456789')).toString()).toBe('11051210869376104954');
  });

  it('is 0 for empty input and matches a bitwise reference at every length 0..70', () => {
    expect(crc64(new Uint8Array(0))).toBe(0n);
    const data = randomBytes(70);
    for (let n = 0; n <= 70; n++) expect(crc64(data.subarray(0, n))).toBe(crc64Reference(data.subarray(0, n)));
  });

  it('runs as WebAssembly here, and the WebAssembly and JS versions agree with the reference at every length and offset', () => {
    expect(crc64Engine).toBe('wasm');
    const data = randomBytes(600);
    for (let start = 0; start < 9; start++) {
      for (let n = 0; n <= 300; n += start + 1) {
        const slice = data.subarray(start, start + n);
        const expected = crc64Reference(slice);
        expect(crc64(slice)).toBe(expected);
        expect(crc64Js(slice)).toBe(expected);
        // continuing from a CRC with the top bit set (wasm sees it as a negative i64)
        expect(crc64(slice, 0xfedcba9876543210n)).toBe(crc64Js(slice, 0xfedcba9876543210n));
      }
    }
  });

  it('handles inputs larger than the WebAssembly chunk', () => {
    const data = randomBytes(3 * 262_144 + 5);
    expect(crc64(data)).toBe(crc64Js(data));
  });

  it('continues across chunks of any alignment', () => {
    const data = randomBytes(10_000);
    const whole = crc64(data);
    for (const cut of [1, 3, 7, 8, 9, 4095, 9999]) {
      expect(crc64(data.subarray(cut), crc64(data.subarray(0, cut)))).toBe(whole);
    }
    const h = new Crc64();
    for (let i = 0; i < data.length; i += 777) h.update(data.subarray(i, i + 777));
    expect(h.digest()).toBe(whole);
    expect(h.length).toBe(10_000);
  });

  it('combines part CRCs into the CRC of the concatenation', () => {
    const a = randomBytes(102_400 + 13);
    const b = randomBytes(54_321);
    const c = randomBytes(1);
    const whole = crc64(Buffer.concat([a, b, c]));
    const ab = crc64Combine(crc64(a), crc64(b), b.length);
    expect(crc64Combine(ab, crc64(c), 1)).toBe(whole);
    expect(crc64Combine(crc64(a), crc64(new Uint8Array(0)), 0)).toBe(crc64(a));
    expect(crc64Combine(0n, crc64(b), b.length)).toBe(crc64(b));
  });

  it('folds many equal parts and a short last one into the CRC of the whole (as a multipart Complete does)', () => {
    const parts = [...Array.from({ length: 40 }, () => randomBytes(1000)), randomBytes(333)];
    const folded = parts.reduce((acc, p, i) => (i === 0 ? crc64(p) : crc64Combine(acc, crc64(p), p.length)), 0n);
    expect(folded).toBe(crc64(Buffer.concat(parts)));
    expect(crc64Combine(crc64(parts[0]!), crc64(parts[1]!), 1000n)).toBe(crc64(Buffer.concat(parts.slice(0, 2))));
  });
});
