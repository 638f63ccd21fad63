import type { AppSettings } from './types.ts';

/** Light or dark: the setting, or the OS preference when the setting is "system". */
export class ThemeState {
  setting = $state<AppSettings['theme']>('system');
  systemDark = $state(false);
  effective = $derived(this.setting === 'system' ? (this.systemDark ? 'dark' : 'light') : this.setting);

  watchSystem(): () => void {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    this.systemDark = query.matches;
    const onChange = (event: MediaQueryListEvent) => {
      this.systemDark = event.matches;
    };
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }
}

export const theme = new ThemeState();
