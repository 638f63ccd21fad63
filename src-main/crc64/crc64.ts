/**
 * CRC-64/XZ (ECMA-182 polynomial, reflected, init and xorout all ones) — the checksum OSS returns
 * in `x-oss-hash-crc64ecma` as an unsigned decimal string.
 *
 * Slicing-by-8, in WebAssembly where available (crc64Wasm.ts) and otherwise over two 32-bit halves in
 * JS: BigInt arithmetic per byte would be ~50x slower.
 */
import { instantiateWasmCrc, WASM_CHUNK } from './crc64Wasm.ts';

const POLY_LO = 0xd7870f42;
const POLY_HI = 0xc96c5795;
const SLICES = 8;

const tableLo = new Int32Array(256 * SLICES);
const tableHi = new Int32Array(256 * SLICES);

(function buildTables(): void {
  for (let i = 0; i < 256; i++) {
    let lo = i;
    let hi = 0;
    for (let bit = 0; bit < 8; bit++) {
      const carry = lo & 1;
      lo = ((lo >>> 1) | (hi << 31)) >>> 0;
      hi = hi >>> 1;
      if (carry) {
        lo = (lo ^ POLY_LO) >>> 0;
        hi = (hi ^ POLY_HI) >>> 0;
      }
    }
    tableLo[i] = lo;
    tableHi[i] = hi;
  }
  for (let k = 1; k < SLICES; k++) {
    for (let i = 0; i < 256; i++) {
      const pLo = tableLo[(k - 1) * 256 + i]!;
      const pHi = tableHi[(k - 1) * 256 + i]!;
      const idx = pLo & 0xff;
      tableLo[k * 256 + i] = (((pLo >>> 8) | (pHi << 24)) ^ tableLo[idx]!) >>> 0;
      tableHi[k * 256 + i] = ((pHi >>> 8) ^ tableHi[idx]!) >>> 0;
    }
  }
})();

const MASK64 = 0xffffffffffffffffn;

const wasm = instantiateWasmCrc(tableLo, tableHi);
/** Below this, copying into WebAssembly memory costs more than it saves. */
const WASM_MIN_BYTES = 64;

/** Which implementation `crc64` uses on this runtime (reported by the bench). */
export const crc64Engine: 'wasm' | 'js' = wasm ? 'wasm' : 'js';

/**
 * CRC-64/XZ of `buf`. Pass the previous result as `prev` to continue over a stream:
 * `crc64(b, crc64(a))` equals `crc64(a ++ b)`.
 */
export function crc64(buf: Uint8Array, prev: bigint = 0n): bigint {
  if (!wasm || buf.length < WASM_MIN_BYTES) return crc64Js(buf, prev);
  let crc = prev;
  for (let offset = 0; offset < buf.length; offset += WASM_CHUNK) {
    const chunk = buf.subarray(offset, Math.min(buf.length, offset + WASM_CHUNK));
    wasm.input.set(chunk);
    crc = wasm.crc(chunk.length, crc);
  }
  return crc;
}

/** The same CRC in plain JS (the fallback, and the reference the WebAssembly version is tested against). */
export function crc64Js(buf: Uint8Array, prev: bigint = 0n): bigint {
  const start = ~prev & MASK64;
  // Int32 arithmetic keeps every value a small integer in V8 (Uint32 > 2^31 would box as doubles).
  let lo = Number(start & 0xffffffffn) | 0;
  let hi = Number(start >> 32n) | 0;
  const len = buf.length;
  let i = 0;
  const end8 = len - (len % 8);
  for (; i < end8; i += 8) {
    const a = lo ^ (buf[i]! | (buf[i + 1]! << 8) | (buf[i + 2]! << 16) | (buf[i + 3]! << 24));
    const b = hi ^ (buf[i + 4]! | (buf[i + 5]! << 8) | (buf[i + 6]! << 16) | (buf[i + 7]! << 24));
    const i7 = 1792 + (a & 0xff);
    const i6 = 1536 + ((a >>> 8) & 0xff);
    const i5 = 1280 + ((a >>> 16) & 0xff);
    const i4 = 1024 + (a >>> 24);
    const i3 = 768 + (b & 0xff);
    const i2 = 512 + ((b >>> 8) & 0xff);
    const i1 = 256 + ((b >>> 16) & 0xff);
    const i0 = b >>> 24;
    lo = tableLo[i7]! ^ tableLo[i6]! ^ tableLo[i5]! ^ tableLo[i4]! ^ tableLo[i3]! ^ tableLo[i2]! ^ tableLo[i1]! ^ tableLo[i0]!;
    hi = tableHi[i7]! ^ tableHi[i6]! ^ tableHi[i5]! ^ tableHi[i4]! ^ tableHi[i3]! ^ tableHi[i2]! ^ tableHi[i1]! ^ tableHi[i0]!;
  }
  for (; i < len; i++) {
    const idx = (lo ^ buf[i]!) & 0xff;
    lo = ((lo >>> 8) | (hi << 24)) ^ tableLo[idx]!;
    hi = (hi >>> 8) ^ tableHi[idx]!;
  }
  return ~((BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0)) & MASK64;
}

/** Incremental hasher for streams; `digest()` may be called at any point. */
export class Crc64 {
  private value = 0n;
  private bytes = 0;
  update(chunk: Uint8Array): this {
    this.value = crc64(chunk, this.value);
    this.bytes += chunk.length;
    return this;
  }
  digest(): bigint {
    return this.value;
  }
  get length(): number {
    return this.bytes;
  }
}

export { crc64Combine } from './crc64Combine.ts';
