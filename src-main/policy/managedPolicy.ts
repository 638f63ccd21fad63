import { FerryError } from '../errors/ferryError.ts';
import type { Profile } from '../profile/profileModel.ts';
import { spanMs } from '../contract/expiryPresets.ts';
import { NO_POLICY, POLICY_MAX_SPAN_MS, type Policy, type PolicyReading, type PresetConnection } from './policyModel.ts';

const ABOVE_MAXIMUM = {
  m: 'policy.expiryAboveMaximum.minutes',
  h: 'policy.expiryAboveMaximum.hours',
  d: 'policy.expiryAboveMaximum.days',
} as const;

/** The id a preset connection's profile has: stable, so its key and links survive policy updates. */
export function presetProfileId(preset: Pick<PresetConnection, 'id'>): string {
  return `it-${preset.id}`;
}

/**
 * The rules IT set, as main applies them. Main is the only judge: the window only shows what is locked,
 * every service asks here before it acts.
 */
export class ManagedPolicy {
  readonly policy: Policy;

  constructor(readonly reading: PolicyReading = NO_POLICY) {
    // A malformed policy was reported; none of it applies.
    this.policy = reading.problem ? {} : reading.policy;
  }

  get presets(): readonly PresetConnection[] {
    return this.policy.connections ?? [];
  }

  /** The locked preset behind a profile id, if any. */
  lockedPreset(profileId: string): PresetConnection | undefined {
    return this.presets.find((p) => p.locked && presetProfileId(p) === profileId);
  }

  preset(profileId: string): PresetConnection | undefined {
    return this.presets.find((p) => presetProfileId(p) === profileId);
  }

  /** The longest a link may live (ms): IT's maximum, never more than OSS's 7 days. */
  get maxLinkLifetimeMs(): number {
    return this.policy.maxLinkExpiry ? spanMs(this.policy.maxLinkExpiry)! : POLICY_MAX_SPAN_MS;
  }

  /** A link asked to live until `requested` (local ms) at `now`: refused when longer than IT allows. */
  checkLinkExpiry(requested: number, now: number): void {
    const max = this.policy.maxLinkExpiry;
    // A minute of slack: "1d" chosen a second ago is still "1d".
    if (max && requested - now > spanMs(max)! + 60_000) {
      const unit = max.slice(-1) as 'm' | 'h' | 'd';
      throw new FerryError(ABOVE_MAXIMUM[unit], { count: Number(max.slice(0, -1)), max });
    }
  }

  /** IT may require every link to be limited to an IP address or range. */
  checkSourceIp(sourceIp: string | undefined): void {
    if (this.policy.requireIpRestrictedLinks && !sourceIp?.trim()) throw new FerryError('policy.ipRequired');
  }

  checkTrialAllowed(): void {
    if (this.policy.disableTrial) throw new FerryError('policy.trialOff');
  }

  /** A profile about to be saved with V1 while IT forces V4 (one that already had V1 keeps loading). */
  checkSignatureChoice(next: Pick<Profile, 'signatureVersion'>, existing: Pick<Profile, 'signatureVersion'> | undefined): void {
    if (this.policy.forceV4Signatures && next.signatureVersion === 'v1' && existing?.signatureVersion !== 'v1') throw new FerryError('policy.v4Required');
  }

  /** The profile as it is used: V4 when IT forces it, IT's default expiry, and no default above the maximum. */
  apply<P extends Profile>(profile: P): P {
    const out = { ...profile };
    if (this.policy.forceV4Signatures) out.signatureVersion = 'v4';
    out.defaultLinkExpiry = this.defaultExpiryFor(profile);
    return out;
  }

  private defaultExpiryFor(profile: Pick<Profile, 'id' | 'defaultLinkExpiry'>): string {
    if (this.policy.defaultLinkExpiry) return this.policy.defaultLinkExpiry;
    const max = this.policy.maxLinkExpiry;
    if (!max) return profile.defaultLinkExpiry;
    const own = profile.defaultLinkExpiry === 'today' ? 86_400_000 : spanMs(profile.defaultLinkExpiry);
    // A default longer than IT allows (or unreadable) becomes the maximum itself.
    return own !== undefined && own <= spanMs(max)! ? profile.defaultLinkExpiry : max;
  }
}
