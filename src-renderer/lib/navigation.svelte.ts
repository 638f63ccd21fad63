import { ferry } from './api.ts';
import type { Navigation } from './types.ts';

/**
 * The screen main asked for ("Show in Links" in the tray, Settings, a connect link). Subscribed from the
 * first moment; a request made before this page loaded is taken from main at start (`take`).
 */
class PendingNavigation {
  value = $state.raw<Navigation | null>(null);

  constructor() {
    ferry.on('app.navigate', (navigation) => {
      this.value = navigation;
      // Delivered: main forgets it, so a window opened later does not replay it.
      void ferry.app.takeNavigation().catch(() => null);
    });
  }

  /** At start: what main was asked to show while this page was not there to hear it. */
  async fetch(): Promise<void> {
    const navigation = await ferry.app.takeNavigation().catch(() => null);
    if (navigation) this.value = navigation;
  }

  take(): Navigation | null {
    const navigation = this.value;
    this.value = null;
    return navigation;
  }
}

export const pendingNavigation = new PendingNavigation();
