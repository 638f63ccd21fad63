import type { LinkFocus, Navigation, ProfileInput, Screen } from './types.ts';

export class Router {
  screen = $state<Screen>('first-run');
  /** Where "Back" goes from the connect screen. */
  previous = $state<Screen>('first-run');
  /** A file whose link the Links screen should select once it has its list. */
  focus = $state.raw<LinkFocus | null>(null);
  /** A ferry://connect link's fields the connect screen fills its form with once it is showing. */
  connection = $state.raw<ProfileInput | null>(null);

  go(screen: Screen): void {
    this.previous = this.screen;
    this.screen = screen;
  }

  /**
   * Shows the screen main asked for. Until a connection exists only the connect screen makes sense:
   * anything else would leave the user on a screen with nothing to work with.
   */
  follow(navigation: Navigation, connected: boolean): void {
    if (!connected && navigation.screen !== 'connect') return;
    this.focus = navigation.focus ?? null;
    this.connection = navigation.connection ?? null;
    if (this.screen !== navigation.screen) this.go(navigation.screen);
  }

  takeFocus(): LinkFocus | null {
    const focus = this.focus;
    this.focus = null;
    return focus;
  }

  takeConnection(): ProfileInput | null {
    const connection = this.connection;
    this.connection = null;
    return connection;
  }
}

export const router = new Router();
