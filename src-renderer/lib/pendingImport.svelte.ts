import { ferry } from './api.ts';
import type { ProfileInput } from './types.ts';

/**
 * A connection IT sent as a ferry://connect link, opened from the OS. Kept here (subscribed from the
 * start) because the event can arrive before the connect screen has mounted.
 */
class PendingImport {
  value = $state.raw<ProfileInput | null>(null);

  constructor() {
    ferry.on('profiles.importRequested', (input) => (this.value = input));
  }

  take(): ProfileInput | null {
    const input = this.value;
    this.value = null;
    return input;
  }
}

export const pendingImport = new PendingImport();
