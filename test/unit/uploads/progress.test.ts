import { describe, expect, it, vi } from 'vitest';
import { etaSeconds, ProgressBatcher, SpeedMeter } from '../../../src-main/uploads/progressBatcher.ts';
import { backoffDelay, failureKind, CrcMismatchError } from '../../../src-main/uploads/retryPolicy.ts';
import { combinedCrc } from '../../../src-main/uploads/multipartUpload.ts';
import { crc64 } from '../../../src-main/crc64/crc64.ts';

describe('progress batching', () => {
  it('sends at most one batch per interval, carrying only changed items', () => {
    vi.useFakeTimers();
    try {
      const batches: [string[], string[]][] = [];
      let now = 0;
      const batcher = new ProgressBatcher((c, r) => batches.push([c, r]), () => now, 100);
      for (let i = 0; i < 10_000; i++) batcher.markChanged(`f${i % 3}`);
      batcher.markRemoved('gone');
      expect(batches).toHaveLength(0);
      now = 100;
      vi.advanceTimersByTime(100);
      expect(batches).toEqual([[['f0', 'f1', 'f2'], ['gone']]]);
      batcher.markChanged('f1');
      now = 150;
      vi.advanceTimersByTime(50);
      expect(batches).toHaveLength(1);
      now = 200;
      vi.advanceTimersByTime(50);
      expect(batches[1]).toEqual([['f1'], []]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('smooths speed and computes ETA', () => {
    const meter = new SpeedMeter(0.5);
    meter.sample(0, 0);
    expect(meter.sample(1000, 1000)).toBe(1000);
    expect(meter.sample(4000, 2000)).toBe(2000);
    expect(etaSeconds(4000, 2000)).toBe(2);
    expect(etaSeconds(10, 0)).toBeNull();
  });
});

describe('retry policy', () => {
  it('retries network errors, 5xx and throttling; renews on expired tokens; gives up on the rest', () => {
    expect(failureKind({ status: -1, name: 'RequestError', message: 'socket hang up' })).toBe('transient');
    expect(failureKind({ status: 503, code: 'ServiceUnavailable' })).toBe('transient');
    expect(failureKind({ status: 500, code: 'InternalError' })).toBe('transient');
    expect(failureKind({ status: 429, code: 'Throttling' })).toBe('transient');
    expect(failureKind(new CrcMismatchError(1n, '2'))).toBe('transient');
    expect(failureKind({ status: 403, code: 'SecurityTokenExpired' })).toBe('renew');
    expect(failureKind({ status: 409, code: 'FileAlreadyExists' })).toBe('exists');
    expect(failureKind({ status: 403, code: 'AccessDenied' })).toBe('fatal');
  });

  it('backs off exponentially with jitter and a cap', () => {
    expect(backoffDelay(1, () => 0.5)).toBe(250);
    expect(backoffDelay(3, () => 0.5)).toBe(1000);
    expect(backoffDelay(20, () => 0.5)).toBe(8000);
    expect(backoffDelay(2, () => 0)).toBe(250);
    expect(backoffDelay(2, () => 0.999)).toBeLessThanOrEqual(750);
  });
});

describe('combined CRC-64 over parts', () => {
  it('equals the CRC of the whole', () => {
    const data = Buffer.from('The quick brown fox jumps over the lazy dog, many times over. '.repeat(50));
    const cuts = [0, 700, 1400, data.length];
    const parts = cuts.slice(1).map((end, i) => {
      const piece = data.subarray(cuts[i]!, end);
      return { number: i + 1, etag: '"x"', crc: crc64(piece).toString(), size: piece.length };
    });
    expect(combinedCrc(parts)).toBe(crc64(data));
  });
});
