/**
 * Screens main asks the window to show ("Show in Links" from the tray, Settings, a connect link). The
 * request is pushed as `app.navigate` and also kept until the page takes it with `app.takeNavigation`:
 * a window that is still loading (or not created yet) misses the event but asks once it starts.
 */
import type { z } from 'zod';
import type { NavigationSchema } from '../contract/app.ts';
import type { EventSink, LinkFocus, WindowScreen } from '../shell/ports.ts';

export type Navigation = z.output<typeof NavigationSchema>;

export class NavigationRequests {
  private pending: Navigation | null = null;

  constructor(private readonly events: EventSink) {}

  /** The newest request wins: the user asked for it last. */
  request(screen: WindowScreen, focus?: LinkFocus): void {
    const navigation: Navigation = { screen, ...(focus ? { focus } : {}) };
    this.pending = navigation;
    this.events.emit('app.navigate', navigation);
  }

  /** The request the page has not taken yet; cleared, so a later window does not replay it. */
  take(): Navigation | null {
    const navigation = this.pending;
    this.pending = null;
    return navigation;
  }
}
