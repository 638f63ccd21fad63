import { ferry } from './api.ts';
import type { AppSettings } from './types.ts';

/** The app settings as main holds them; kept in sync through `settings.changed`. */
export class SettingsState {
  value = $state<AppSettings | null>(null);
  // One update at a time: each patch is merged into what main holds after the previous one.
  private queue: Promise<unknown> = Promise.resolve();

  async load(): Promise<void> {
    this.value = await ferry.settings.get();
  }

  update(patch: Partial<AppSettings>): Promise<void> {
    const next = this.queue.catch(() => {}).then(async () => {
      this.value = await ferry.settings.update(patch);
    });
    this.queue = next;
    return next;
  }

  listen(): () => void {
    return ferry.on('settings.changed', (next) => {
      this.value = next;
    });
  }
}

export const settings = new SettingsState();
