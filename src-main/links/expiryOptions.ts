import { EXPIRY_PRESETS, isExpiryPreset } from '../contract/expiryPresets.ts';
import { FerryError, isFerryError } from '../errors/ferryError.ts';
import { errorText, text } from '../i18n/text.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Profile } from '../profile/profileModel.ts';
import type { Clock } from '../time/clock.ts';
import { MAX_LINK_LIFETIME_MS, requestedExpiry, type EffectiveExpiry, type ExpiryChoice } from './expiry.ts';
import { formatLocalDateTime } from './formatTime.ts';
import type { LinkSigner } from './linkSigner.ts';

export interface ExpiryOption {
  choice: string;
  expiresAt: number;
  requestedExpiresAt: number;
  cappedBy: EffectiveExpiry['cappedBy'];
  explanation: string;
}

export interface ExpiryOptions {
  canShare: boolean;
  reason?: string;
  defaultExpiry?: string;
  options: ExpiryOption[];
  longest?: ExpiryOption;
}

/** Why a link lives shorter than asked, in one sentence; empty when it does not. */
export function capExplanation(e: EffectiveExpiry, lang: Lang, timeZone?: string): string {
  if (e.cappedBy === 'none') return '';
  const requested = formatLocalDateTime(e.requestedExpiresAt, lang, timeZone);
  return text(lang, e.cappedBy === 'credentials' ? 'links.why.credentials' : 'links.why.maximum', { requested });
}

/** The share dialog's honest menu: each preset's real expiry, and the longest a link can live now. */
export async function expiryOptions(
  deps: { clock: Clock; signer: LinkSigner; profile(id?: string): Promise<Profile>; timeZone?: string; maxLifetimeMs?: number },
  request: { profileId?: string | undefined; custom?: string | undefined },
  lang: Lang,
): Promise<ExpiryOptions> {
  let profile: Profile;
  try {
    profile = await deps.profile(request.profileId);
  } catch (error) {
    if (isFerryError(error) && error.code === 'links.noProfile') return { canShare: false, reason: errorText(lang, error.code), options: [] };
    throw error;
  }
  if (profile.uploadOnly) {
    return { canShare: false, reason: text(lang, 'links.uploadOnly', { profile: profile.name }), defaultExpiry: profile.defaultLinkExpiry, options: [] };
  }
  const now = deps.clock.now();
  const option = async (choice: string, requested: number): Promise<ExpiryOption> => {
    const e = await deps.signer.preview(profile, requested);
    return { choice, expiresAt: e.expiresAt, requestedExpiresAt: e.requestedExpiresAt, cappedBy: e.cappedBy, explanation: capExplanation(e, lang, deps.timeZone) };
  };
  const choices: ExpiryChoice[] = [...EXPIRY_PRESETS, ...(isExpiryPreset(profile.defaultLinkExpiry) ? [] : [profile.defaultLinkExpiry])];
  if (request.custom) choices.push(request.custom);
  const options: ExpiryOption[] = [];
  // IT's maximum: longer choices are not offered (main refuses them anyway).
  const maxMs = Math.min(MAX_LINK_LIFETIME_MS, deps.maxLifetimeMs ?? MAX_LINK_LIFETIME_MS);
  for (const choice of choices) {
    let requested: number;
    try {
      requested = requestedExpiry(choice, now);
    } catch (error) {
      if (choice === request.custom) throw error;
      continue; // "today" a second before midnight, or a malformed stored default: not offered
    }
    if (requested - now > maxMs && choice !== request.custom) continue;
    options.push(await option(choice, requested));
  }
  const longest = await option('longest', now + maxMs);
  if (!options.length) throw new FerryError('links.credentialsTooShort');
  return { canShare: true, defaultExpiry: profile.defaultLinkExpiry, options, longest };
}
