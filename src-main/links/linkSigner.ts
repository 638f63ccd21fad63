import { sourceOf } from '../credentials/sources/index.ts';
import type { Profile } from '../profile/profileModel.ts';
import type { CredentialBroker, OssCredentials } from '../credentials/types.ts';
import type { Clock } from '../time/clock.ts';
import { effectiveExpiry, type EffectiveExpiry } from './expiry.ts';
import { linkQuery, type LinkQueryOptions } from './linkQuery.ts';
import { presign } from './presign.ts';
import { assertInFolder } from './folder.ts';

/**
 * Credentials older than this are swapped for fresh ones when they would cut a link short, so a link
 * made late in a session still gets (nearly) the whole session — at most one AssumeRole per 5 minutes.
 */
const FRESH_ENOUGH_MS = 5 * 60_000;

export interface SignedLink extends EffectiveExpiry {
  url: string;
}

/** Turns (profile, key, options, requested expiry) into a URL with an honest expiry. Local work once credentials are warm. */
export class LinkSigner {
  constructor(
    private readonly broker: CredentialBroker,
    private readonly clock: Clock,
    /** The profile's folder: the part of its prefix fixed for this user (see credentials/sessionPolicy.ts). */
    private readonly sharePrefix?: (profile: Profile) => string,
  ) {}

  async sign(profile: Profile, key: string, options: LinkQueryOptions, requested: number): Promise<SignedLink> {
    const query = linkQuery(options);
    this.checkFolder(profile, key);
    const { credentials, expiry } = await this.credentialsFor(profile, requested);
    const offset = this.broker.clockOffsetMs();
    const signed = presign(profile.signatureVersion, {
      endpoint: profile.endpoint,
      bucket: profile.bucket,
      region: profile.region,
      key,
      credentials,
      signedAt: this.clock.now() + offset,
      expiresAt: expiry.serverExpiresAt,
      query,
    });
    return { ...expiry, serverExpiresAt: signed.expiresAt, expiresAt: signed.expiresAt - offset, url: signed.url };
  }

  /** The expiry a link asked to live until `requested` would really get now (same credentials as sign()). */
  async preview(profile: Profile, requested: number): Promise<EffectiveExpiry> {
    return (await this.credentialsFor(profile, requested)).expiry;
  }

  private async credentialsFor(profile: Profile, requested: number): Promise<{ credentials: OssCredentials; expiry: EffectiveExpiry }> {
    let credentials = await this.broker.get(profile.id, 'share');
    let expiry = this.expiry(credentials, requested);
    if (expiry.cappedBy === 'credentials' && this.worthRenewing(profile, credentials)) {
      this.broker.invalidate(profile.id, 'share');
      credentials = await this.broker.get(profile.id, 'share');
      expiry = this.expiry(credentials, requested);
    }
    return { credentials, expiry };
  }

  /**
   * Links stay inside the profile's folder whatever signs them: the session policy enforces it for STS
   * credentials, and this check does for every source (a link-signing key or an environment key can read
   * the whole bucket).
   */
  checkFolder(profile: Profile, key: string): void {
    if (this.sharePrefix) assertInFolder(key, this.sharePrefix(profile));
  }

  private expiry(credentials: OssCredentials, requested: number): EffectiveExpiry {
    return effectiveExpiry({
      now: this.clock.now(),
      requested,
      clockOffsetMs: this.broker.clockOffsetMs(),
      ...(credentials.expiresAt !== undefined ? { credentialsExpireAt: credentials.expiresAt } : {}),
    });
  }

  private worthRenewing(profile: Profile, credentials: OssCredentials): boolean {
    if (credentials.expiresAt === undefined || !sourceOf(profile.credentialSource).renews) return false;
    const remaining = credentials.expiresAt - (this.clock.now() + this.broker.clockOffsetMs());
    return remaining < profile.sessionDurationSeconds * 1000 - FRESH_ENOUGH_MS;
  }
}
