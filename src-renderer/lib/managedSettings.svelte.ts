import { ferry } from './api.ts';
import type { ReplyOf } from '../../src-main/contract.ts';
import { spanMs } from '../../src-main/contract/expiryPresets.ts';

export type ManagedSettings = ReplyOf<'app.managedSettings'>;

/** "30m", "12h", "7d" → ms; the presets are spans too ("today" counts as a whole day). */
const lifetimeMs = (expiry: string): number | undefined => (expiry === 'today' ? 86_400_000 : spanMs(expiry));

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
    return (lifetimeMs(expiry) ?? Infinity) <= (lifetimeMs(max) ?? Infinity);
  }
}

export const managed = new ManagedSettingsState();
