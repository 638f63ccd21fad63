import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { effectiveExpiry, endOfToday, requestedExpiry } from '../../../src-main/links/expiry.ts';
import { formatLocalDateTime } from '../../../src-main/links/formatTime.ts';

const H = 3_600_000;
let savedTz: string | undefined;
beforeEach(() => {
  savedTz = process.env.TZ;
  process.env.TZ = 'Asia/Shanghai';
});
afterEach(() => {
  process.env.TZ = savedTz;
  if (savedTz === undefined) delete process.env.TZ;
});

describe('expiry presets', () => {
  const now = Date.parse('2026-11-22T05:30:00Z'); // 13:30 in Shanghai

  it('maps presets to times', () => {
    expect(requestedExpiry('1h', now)).toBe(now + H);
    expect(requestedExpiry('1d', now)).toBe(now + 24 * H);
    expect(requestedExpiry('7d', now)).toBe(now + 7 * 24 * H);
    expect(requestedExpiry('2026-11-25T09:00:00+08:00', now)).toBe(Date.parse('2026-11-25T01:00:00Z'));
  });

  it('ends "today" at the next local midnight', () => {
    expect(endOfToday(now)).toBe(Date.parse('2026-11-22T16:00:00Z'));
    expect(requestedExpiry('today', now)).toBe(Date.parse('2026-11-23T00:00:00+08:00'));
    process.env.TZ = 'America/New_York';
    expect(endOfToday(now)).toBe(Date.parse('2026-11-23T00:00:00-05:00'));
  });

  it('refuses nonsense and the past in plain words', () => {
    expect(() => requestedExpiry('tomorrow-ish', now)).toThrow(expect.objectContaining({ code: 'links.expiryInvalid' }));
    expect(() => requestedExpiry('2026-11-22T05:00:00Z', now)).toThrow(expect.objectContaining({ code: 'links.expiryInPast' }));
  });
});

describe('truthful expiry', () => {
  const now = Date.parse('2026-11-22T05:30:00Z');

  it('keeps the requested time when nothing is shorter', () => {
    const e = effectiveExpiry({ now, requested: now + H, clockOffsetMs: 0 });
    expect(e).toEqual({ serverExpiresAt: now + H, expiresAt: now + H, requestedExpiresAt: now + H, cappedBy: 'none' });
  });

  it('caps at the credentials\u2019 expiry when they die first', () => {
    const e = effectiveExpiry({ now, requested: now + 24 * H, clockOffsetMs: 0, credentialsExpireAt: now + H - 1234 });
    expect(e.cappedBy).toBe('credentials');
    expect(e.expiresAt).toBe(now + H - 2000);
    expect(e.expiresAt).toBeLessThanOrEqual(now + H - 1234);
  });

  it('caps at 7 days for a long-term key', () => {
    const e = effectiveExpiry({ now, requested: now + 30 * 24 * H, clockOffsetMs: 0 });
    expect(e.cappedBy).toBe('v4-maximum');
    expect(e.expiresAt).toBe(now + 7 * 24 * H);
  });

  it('signs in server time and tells the user local time when the clocks disagree', () => {
    const offset = 5 * 60_000; // the server is 5 minutes ahead
    const e = effectiveExpiry({ now, requested: now + H, clockOffsetMs: offset, credentialsExpireAt: now + offset + 30 * 60_000 });
    expect(e.serverExpiresAt).toBe(now + offset + 30 * 60_000);
    expect(e.expiresAt).toBe(now + 30 * 60_000);
    expect(e.cappedBy).toBe('credentials');
  });

  it('refuses to make a link that is already dead', () => {
    expect(() => effectiveExpiry({ now, requested: now + H, clockOffsetMs: 0, credentialsExpireAt: now + 500 })).toThrow(
      expect.objectContaining({ code: 'links.credentialsTooShort' }),
    );
    expect(() => effectiveExpiry({ now, requested: now + 500, clockOffsetMs: 0 })).toThrow(expect.objectContaining({ code: 'links.expiryInPast' }));
  });

  it('formats the local date and time without rounding up', () => {
    const at = Date.parse('2026-11-22T10:05:59Z');
    expect(formatLocalDateTime(at, 'en', 'Asia/Shanghai')).toBe('Sun, Nov 22, 2026, 18:05');
    expect(formatLocalDateTime(at, 'zh-CN', 'Asia/Shanghai')).toMatch(/2026年11月22日.*18:05/);
  });
});
