import { SvelteSet } from 'svelte/reactivity';

/** Rows ticked for "Share as one link" (ids only; main looks up what they are). */
export class Selection {
  readonly ids = new SvelteSet<string>();

  get size(): number {
    return this.ids.size;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  set(id: string, on: boolean): void {
    if (on) this.ids.add(id);
    else this.ids.delete(id);
  }

  /** Drops ids no longer offered (a row cleared, a link stopped). */
  keepOnly(offered: ReadonlySet<string>): void {
    for (const id of [...this.ids]) if (!offered.has(id)) this.ids.delete(id);
  }

  clear(): void {
    this.ids.clear();
  }
}

export const uploadSelection = new Selection();
export const linkSelection = new Selection();
