/**
 * CRC of the concatenation A ++ B from `crc64(A)`, `crc64(B)` and B's length, without reading data —
 * how a multipart object's CRC is derived from its parts.
 *
 * As in zlib ≥ 1.2.12: crc(A ++ B) = crc(A) · x^(8·len(B)) mod P ⊕ crc(B), with x^(2^k) mod P tabled and
 * the factor cached per length (nearly every part of an upload has the same size). About 25 µs a
 * part, where squaring 64×64 GF(2) matrices per call (zlib's older method) took ~5 ms.
 */
const POLY = 0xc96c5795d7870f42n; // ECMA-182, reflected: bit 63 is x^0
const X0 = 1n << 63n;
const MASK64 = 0xffffffffffffffffn;

/** a(x)·b(x) mod P, both reflected. */
function multModP(a: bigint, b: bigint): bigint {
  if (a === 0n) return 0n;
  let m = X0;
  let product = 0n;
  for (;;) {
    if (a & m) {
      product ^= b;
      if ((a & (m - 1n)) === 0n) break;
    }
    m >>= 1n;
    b = b & 1n ? (b >> 1n) ^ POLY : b >> 1n;
  }
  return product;
}

/** x^(2^k) mod P for k = 0…63 (k stays below 64 for any length under 2^60 bytes). */
const X2N: bigint[] = [X0 >> 1n];
for (let k = 1; k < 64; k++) X2N.push(multModP(X2N[k - 1]!, X2N[k - 1]!));

const shifts = new Map<bigint, bigint>();
const MAX_CACHED = 64;

/** x^(8·bytes) mod P: the effect of appending `bytes` zero bytes. */
function shiftFor(bytes: bigint): bigint {
  const cached = shifts.get(bytes);
  if (cached !== undefined) return cached;
  let factor = X0;
  let k = 3;
  for (let n = bytes; n > 0n; n >>= 1n, k++) if (n & 1n) factor = multModP(X2N[k]!, factor);
  if (shifts.size >= MAX_CACHED) shifts.clear();
  shifts.set(bytes, factor);
  return factor;
}

export function crc64Combine(crcA: bigint, crcB: bigint, lenB: number | bigint): bigint {
  const len = BigInt(lenB);
  if (len <= 0n) return crcA;
  return (multModP(shiftFor(len), crcA) ^ crcB) & MASK64;
}
