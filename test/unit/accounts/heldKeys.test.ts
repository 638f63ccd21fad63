import { describe, expect, it } from 'vitest';
import { HELD_KEY_TTL_MS, HeldKeys } from '../../../src-main/accounts/heldKeys.ts';
import { redactText } from '../../../src-main/log/redact.ts';
import { ManualClock } from '../../../src-main/time/clock.ts';

const key = (n: number) => ({ accessKeyId: `FakeKeyIdHeld${String(n).padStart(8, '0')}`, accessKeySecret: `FakeSecretHeld${String(n).padStart(16, '0')}` });
const code = (fn: () => unknown): string => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('keys held in main between reading and saving', () => {
  it('answers a random reference, keeps the key until released, and knows no other reference', () => {
    const held = new HeldKeys(new ManualClock());
    const ref = held.hold(key(1));
    expect(ref).toMatch(/^k[0-9a-f]{32}$/);
    expect(held.hold(key(1))).not.toBe(ref);
    expect(held.get(ref)).toEqual(key(1));
    held.release(ref);
    expect(code(() => held.get(ref))).toBe('credentials.heldKeyGone');
    expect(code(() => held.get(`k${'0'.repeat(32)}`))).toBe('credentials.heldKeyGone');
  });

  it('forgets a key after 15 minutes, and holds at most four (a page calling in a loop piles nothing up)', () => {
    const clock = new ManualClock();
    const held = new HeldKeys(clock);
    const first = held.hold(key(1));
    clock.advance(HELD_KEY_TTL_MS + 1);
    expect(code(() => held.get(first))).toBe('credentials.heldKeyGone');
    const refs = [2, 3, 4, 5, 6].map((n) => held.hold(key(n)));
    expect(code(() => held.get(refs[0]!))).toBe('credentials.heldKeyGone');
    expect(refs.slice(1).map((ref) => held.get(ref).accessKeyId)).toEqual([3, 4, 5, 6].map((n) => key(n).accessKeyId));
  });

  it('registers the secret for log redaction the moment it is held', () => {
    const held = new HeldKeys(new ManualClock());
    held.hold(key(7));
    expect(redactText(`oops ${key(7).accessKeySecret}`)).not.toContain(key(7).accessKeySecret);
  });
});
