import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../src-main/profile/profileModel.ts';
import type { CredentialBroker, OssCredentials, Purpose } from '../../../src-main/credentials/types.ts';
import { LinkSigner } from '../../../src-main/links/linkSigner.ts';
import { ManualClock } from '../../../src-main/time/clock.ts';

const HOUR = 3_600_000;

/** A test-only broker: issues one-hour sessions from a manual clock and counts issues. */
class HourlyBroker implements CredentialBroker {
  issued = 0;
  private current: OssCredentials | undefined;
  constructor(
    private readonly clock: ManualClock,
    private readonly offset = 0,
  ) {}
  async get(_profileId: string, _purpose: Purpose): Promise<OssCredentials> {
    const now = this.clock.now() + this.offset;
    if (!this.current || this.current.expiresAt! - now < 5 * 60_000) {
      this.issued += 1;
      this.current = { accessKeyId: `STS.k${this.issued}`, accessKeySecret: 'secret-secret', securityToken: 'token-token', expiresAt: now + HOUR };
    }
    return this.current;
  }
  invalidate(): void {
    this.current = undefined;
  }
  clockOffsetMs(): number {
    return this.offset;
  }
  learnServerTime(): void {}
}

const profile = {
  id: 'p',
  name: 'P',
  endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
  region: 'cn-hangzhou',
  bucket: 'b-1',
  signatureVersion: 'v4',
  sessionDurationSeconds: 3600,
  credentialSource: 'keychain-role',
} as Profile;

describe('link signer', () => {
  it('swaps credentials that would cut a link short for fresh ones, at most once per 5 minutes', async () => {
    const clock = new ManualClock(Date.parse('2026-11-22T08:00:00Z'));
    const broker = new HourlyBroker(clock);
    const signer = new LinkSigner(broker, clock);
    const first = await signer.sign(profile, 'a.txt', { name: 'a.txt' }, clock.now() + 24 * HOUR);
    expect(first.cappedBy).toBe('credentials');
    expect(first.expiresAt).toBe(clock.now() + HOUR);

    clock.advance(4 * 60_000);
    const soon = await signer.sign(profile, 'a.txt', { name: 'a.txt' }, clock.now() + 24 * HOUR);
    expect(broker.issued).toBe(1);
    expect(soon.expiresAt).toBe(first.expiresAt);

    clock.advance(40 * 60_000);
    const later = await signer.sign(profile, 'a.txt', { name: 'a.txt' }, clock.now() + 24 * HOUR);
    expect(broker.issued).toBe(2);
    expect(later.expiresAt).toBe(clock.now() + HOUR);
    const short = await signer.sign(profile, 'a.txt', { name: 'a.txt' }, clock.now() + 10 * 60_000);
    expect(short.cappedBy).toBe('none');
    expect(broker.issued).toBe(2);
  });

  it('signs in server time when the computer\u2019s clock is off, and reports local time', async () => {
    const clock = new ManualClock(Date.parse('2026-11-22T08:00:00Z'));
    const offset = 10 * 60_000; // the server is 10 minutes ahead
    const signer = new LinkSigner(new HourlyBroker(clock, offset), clock);
    const link = await signer.sign(profile, 'a.txt', { name: 'a.txt' }, clock.now() + HOUR / 2);
    const url = new URL(link.url);
    expect(url.searchParams.get('x-oss-date')).toBe('20261122T081000Z');
    expect(url.searchParams.get('x-oss-expires')).toBe('1800');
    expect(link.expiresAt).toBe(clock.now() + HOUR / 2);
    expect(link.serverExpiresAt).toBe(clock.now() + offset + HOUR / 2);
  });
});
