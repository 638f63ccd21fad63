import type { Profile } from '../accounts/profile.ts';
import type { CredentialBroker, OssCredentials } from '../credentials/types.ts';
import type { Clock } from '../time/clock.ts';
import { FerryError } from '../errors/ferryError.ts';
import { nameOfKey } from './contentDisposition.ts';
import { effectiveExpiry, type EffectiveExpiry } from './expiry.ts';
import { linkQuery, type LinkQueryOptions } from './linkQuery.ts';
import { presign } from './presign.ts';

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
    /** The folder Ferry's own 'share' session policy allows (see credentials/sessionPolicy.ts). */
    private readonly sharePrefix?: (profile: Profile) => string,
  ) {}

  async sign(profile: Profile, key: string, options: LinkQueryOptions, requested: number): Promise<SignedLink> {
    const query = linkQuery(options);
    const { credentials, expiry } = await this.credentialsFor(profile, requested);
    this.checkReachable(profile, credentials, key);
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

  /** A link the session policy forbids would never open: say so instead of handing it out. */
  private checkReachable(profile: Profile, credentials: OssCredentials, key: string): void {
    if (!this.sharePrefix || profile.credentialSource !== 'keychain-role' || !credentials.securityToken) return;
    const prefix = this.sharePrefix(profile).replace(/[*?]/g, '');
    if (!key.startsWith(prefix)) throw new FerryError('links.outsideFolder', { name: nameOfKey(key), folder: prefix });
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
    if (credentials.expiresAt === undefined || profile.credentialSource === 'temporary') return false;
    const remaining = credentials.expiresAt - (this.clock.now() + this.broker.clockOffsetMs());
    return remaining < profile.sessionDurationSeconds * 1000 - FRESH_ENOUGH_MS;
  }
}
