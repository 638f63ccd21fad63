export interface Toast {
  id: number;
  text: string;
  kind: 'info' | 'error';
}

/** One toast at a time; errors stay until dismissed, confirmations fade after a few seconds. */
export class Toasts {
  current = $state<Toast | null>(null);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private nextId = 1;

  show(text: string, kind: Toast['kind'] = 'info'): void {
    clearTimeout(this.timer);
    this.current = { id: this.nextId++, text, kind };
    if (kind === 'info') this.timer = setTimeout(() => this.dismiss(), 6000);
  }

  dismiss(): void {
    clearTimeout(this.timer);
    this.current = null;
  }
}

export const toasts = new Toasts();
