/**
 * Screens main asks the window to show ("Show in Links" from the tray, Settings, a connect link). The
 * request is pushed as `app.navigate` and also kept until the page takes it with `app.takeNavigation`:
 * a window that is still loading (or not created yet) misses the event but asks once it starts.
 */
import type { z } from 'zod';
import { NavigationSchema } from '../contract/app.ts';
import type { ProfileInput } from '../accounts/connection.ts';
import type { EventSink, LinkFocus, WindowScreen } from '../ports/uiPorts.ts';

export type Navigation = z.output<typeof NavigationSchema>;

export class NavigationRequests {
  private pending: Navigation | null = null;

  constructor(private readonly events: EventSink) {}

  /** The newest request wins: the user asked for it last. */
  request(screen: WindowScreen, focus?: LinkFocus): void {
    this.push({ screen, ...(focus ? { focus } : {}) });
  }

  /**
   * The connect screen, filled in with a ferry://connect link's checked fields (Ferry launched by the
   * link, or handed it while running). Nothing is saved until the user adds the key and confirms.
   */
  connect(connection: ProfileInput): void {
    this.push({ screen: 'connect', connection });
  }

  /** The request the page has not taken yet; cleared, so a later window does not replay it. */
  take(): Navigation | null {
    const navigation = this.pending;
    this.pending = null;
    return navigation;
  }

  private push(request: z.input<typeof NavigationSchema>): void {
    // Parsed here, not only on the reply: the event is sent as is, and both must carry allow-listed fields only.
    const navigation = NavigationSchema.parse(request);
    this.pending = navigation;
    this.events.emit('app.navigate', navigation);
  }
}
