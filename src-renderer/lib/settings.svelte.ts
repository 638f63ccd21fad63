import { ferry, failureOf } from './api.ts';
import { t } from './i18n/i18n.svelte.ts';
import { toasts } from './toasts.svelte.ts';
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

  /** A choice made on the Settings screen: saved in main, or a toast that says why not. */
  async change(patch: Partial<AppSettings>): Promise<void> {
    try {
      await this.update(patch);
    } catch (error) {
      toasts.show(failureOf(error).message || t('error.generic'), 'error');
    }
  }

  listen(): () => void {
    return ferry.on('settings.changed', (next) => {
      this.value = next;
    });
  }
}

export const settings = new SettingsState();
