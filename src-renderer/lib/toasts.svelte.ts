export interface Toast {
  id: number;
  text: string;
  kind: 'info' | 'error';
  /** One button beside the text (e.g. "QR code" for the link just copied). */
  action?: { label: string; run: () => void };
}

/** One toast at a time; errors stay until dismissed, confirmations fade after a few seconds. */
export class Toasts {
  current = $state<Toast | null>(null);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private nextId = 1;

  show(text: string, kind: Toast['kind'] = 'info', action?: Toast['action']): void {
    clearTimeout(this.timer);
    this.current = { id: this.nextId++, text, kind, ...(action ? { action } : {}) };
    // With a button, long enough to reach it.
    if (kind === 'info') this.timer = setTimeout(() => this.dismiss(), action ? 12_000 : 6000);
  }

  dismiss(): void {
    clearTimeout(this.timer);
    this.current = null;
  }
}

export const toasts = new Toasts();
