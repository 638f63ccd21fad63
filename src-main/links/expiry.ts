import { spanMs, type ExpiryPreset } from '../contract/expiryPresets.ts';
import { FerryError } from '../errors/ferryError.ts';

/** A preset, a span ("30m", "12h", "3d"), or an ISO 8601 date-time for a custom expiry. */
export type ExpiryChoice = ExpiryPreset | (string & {});
export type ExpiryCap = 'none' | 'credentials' | 'v4-maximum';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** OSS V4 URLs live at most 7 days; Ferry applies the same ceiling to V1 links. */
export const MAX_LINK_LIFETIME_MS = 7 * DAY;

/** The next local midnight (the process's time zone) after `now`. */
export function endOfToday(now: number): number {
  const d = new Date(now);
  d.setHours(24, 0, 0, 0);
  return d.getTime();
}

/** When the user asked the link to stop working, in local time (ms). */
export function requestedExpiry(choice: ExpiryChoice, now: number): number {
  if (choice === 'today') return endOfToday(now);
  // The presets but "today" are spans, and profiles store their default as one ("30m", "24h").
  const span = spanMs(choice);
  if (span !== undefined) return now + span;
  const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(choice) ? Date.parse(choice) : NaN;
  if (!Number.isFinite(at)) throw new FerryError('links.expiryInvalid', { value: choice.slice(0, 40) });
  if (at <= now + 1000) throw new FerryError('links.expiryInPast');
  return at;
}

export interface ExpiryInputs {
  /** Local time (ms). */
  now: number;
  /** Local time (ms), from requestedExpiry(). */
  requested: number;
  /** Server time minus local time (ms), from the broker. */
  clockOffsetMs: number;
  /** Server time (ms) the signing credentials stop working; absent for a long-term key. */
  credentialsExpireAt?: number;
}

export interface EffectiveExpiry {
  /** Server time (ms): what goes into the URL. */
  serverExpiresAt: number;
  /** Local time (ms): what the user is told. */
  expiresAt: number;
  requestedExpiresAt: number;
  cappedBy: ExpiryCap;
}

/**
 * Truthful expiry: min(requested, the credentials' remaining life, 7 days). A link signed with STS
 * credentials dies with them whatever the URL says ("the minimum validity period takes precedence").
 */
export function effectiveExpiry(input: ExpiryInputs): EffectiveExpiry {
  const serverNow = input.now + input.clockOffsetMs;
  let serverExpiresAt = input.requested + input.clockOffsetMs;
  let cappedBy: ExpiryCap = 'none';
  const ceiling = serverNow + MAX_LINK_LIFETIME_MS;
  if (ceiling < serverExpiresAt) {
    serverExpiresAt = ceiling;
    cappedBy = 'v4-maximum';
  }
  if (input.credentialsExpireAt !== undefined && input.credentialsExpireAt < serverExpiresAt) {
    serverExpiresAt = input.credentialsExpireAt;
    cappedBy = 'credentials';
  }
  // URLs carry whole seconds: round down so the link never outlives what the user is told.
  serverExpiresAt = Math.floor(serverExpiresAt / 1000) * 1000;
  // Times are shown to the minute: a link cut by seconds (credentials ending with the hour asked for) is not "shortened".
  if (cappedBy !== 'none' && input.requested + input.clockOffsetMs - serverExpiresAt < 60_000) cappedBy = 'none';
  if (serverExpiresAt <= serverNow + 1000) throw new FerryError(cappedBy === 'credentials' ? 'links.credentialsTooShort' : 'links.expiryInPast');
  return {
    serverExpiresAt,
    expiresAt: serverExpiresAt - input.clockOffsetMs,
    requestedExpiresAt: input.requested,
    cappedBy,
  };
}
