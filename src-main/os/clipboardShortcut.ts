import { FerryError } from '../errors/ferryError.ts';

/** The optional global shortcut for "Upload from clipboard". */
export const CLIPBOARD_SHORTCUT = 'CommandOrControl+Alt+U';

/** Electron's globalShortcut, narrowed to what Ferry uses. */
export interface ShortcutRegistry {
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

/**
 * Keeps the shortcut in step with the `clipboardShortcut` setting. Registration fails when another app
 * owns the keys: that comes back as a plain-language error for the settings screen.
 */
export class ClipboardShortcut {
  private registered = false;

  constructor(
    private readonly registry: ShortcutRegistry,
    private readonly onTrigger: () => void,
    readonly accelerator = CLIPBOARD_SHORTCUT,
  ) {}

  get active(): boolean {
    return this.registered;
  }

  /** Returns undefined when the shortcut is in the wanted state, or the error to show. */
  apply(enabled: boolean): FerryError | undefined {
    if (enabled === this.registered) return undefined;
    if (!enabled) {
      this.registry.unregister(this.accelerator);
      this.registered = false;
      return undefined;
    }
    this.registered = this.registry.register(this.accelerator, this.onTrigger);
    return this.registered ? undefined : new FerryError('os.shortcutTaken', { shortcut: displayAccelerator(this.accelerator, process.platform) });
  }
}

/** "Ctrl+Alt+U" / "⌘⌥U" as people see it. */
export function displayAccelerator(accelerator: string, platform: NodeJS.Platform): string {
  if (platform === 'darwin') {
    return accelerator.replace('CommandOrControl+', '⌘').replace('Alt+', '⌥').replace('Shift+', '⇧');
  }
  return accelerator.replace('CommandOrControl', 'Ctrl');
}
