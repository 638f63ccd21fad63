import { ferry } from './api.ts';
import type { LedgerEntry } from './types.ts';

export type LinkFilter = 'all' | 'active' | 'expired';

/** The share-link ledger, with a clock that ticks so countdowns move. */
export class LinksState {
  entries = $state.raw<LedgerEntry[]>([]);
  filter = $state<LinkFilter>('active');
  now = $state(Date.now());
  private skew = 0;

  async load(): Promise<void> {
    const reply = await ferry.links.list({ filter: this.filter });
    // Main counts a stopped link as not working; the Expired view means "ran out", so stopped ones show under All.
    this.entries = this.filter === 'expired' ? reply.entries.filter((e) => !e.stopped) : reply.entries;
    // Countdowns follow main's clock (which tests and the sandbox may control).
    this.skew = reply.now - Date.now();
    this.now = reply.now;
  }

  tick(): void {
    this.now = Date.now() + this.skew;
  }

  listen(): () => void {
    const off = ferry.on('links.changed', () => void this.load().catch(() => {}));
    const timer = setInterval(() => this.tick(), 30_000);
    return () => {
      off();
      clearInterval(timer);
    };
  }
}

export const links = new LinksState();
