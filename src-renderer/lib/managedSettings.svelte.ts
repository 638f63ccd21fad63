import { ferry } from './api.ts';
import type { ReplyOf } from '../../src-main/contract.ts';

export type ManagedSettings = ReplyOf<'app.managedSettings'>;

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** "30m", "12h", "7d" → ms; the presets are spans too ("today" counts as a whole day). */
function spanMs(expiry: string): number | undefined {
  if (expiry === 'today') return UNIT_MS.d;
  const m = /^([1-9]\d{0,3})([mhd])$/.exec(expiry);
  return m ? Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS] : undefined;
}

/**
 * What IT set (read once by main at start). The window only greys out and explains; main refuses
 * anything outside it whatever the page sends.
 */
export class ManagedSettingsState {
  value = $state.raw<ManagedSettings | null>(null);

  async load(): Promise<void> {
    this.value = await ferry.app.managedSettings();
  }

  locked(profileId: string | undefined): boolean {
    return profileId !== undefined && (this.value?.lockedProfileIds.includes(profileId) ?? false);
  }

  /** An expiry IT's maximum allows (every one when IT set none). */
  allows(expiry: string): boolean {
    const max = this.value?.maxLinkExpiry;
    if (!max) return true;
    return (spanMs(expiry) ?? Infinity) <= (spanMs(max) ?? Infinity);
  }
}

export const managed = new ManagedSettingsState();
