import type { Screen } from './types.ts';

export class Router {
  screen = $state<Screen>('first-run');
  /** Where "Back" goes from the connect screen. */
  previous = $state<Screen>('first-run');

  go(screen: Screen): void {
    this.previous = this.screen;
    this.screen = screen;
  }
}

export const router = new Router();
