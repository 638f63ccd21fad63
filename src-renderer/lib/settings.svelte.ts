import { ferry } from './api.ts';
import type { AppSettings } from './types.ts';

/** The app settings as main holds them; kept in sync through `settings.changed`. */
export class SettingsState {
  value = $state<AppSettings | null>(null);

  async load(): Promise<void> {
    this.value = await ferry.settings.get();
  }

  async update(patch: Partial<AppSettings>): Promise<void> {
    this.value = await ferry.settings.update(patch);
  }

  listen(): () => void {
    return ferry.on('settings.changed', (next) => {
      this.value = next;
    });
  }
}

export const settings = new SettingsState();
