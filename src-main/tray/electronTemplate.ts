/**
 * Turning Ferry's tray menu and icon state into what Electron takes, as pure functions: the Electron
 * adapter (shell/electronTray.ts) stays a few lines, and this part is tested in plain Node.
 */
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { TrayIconState, TrayMenuItem } from '../ports/uiPorts.ts';

/** On Windows and Linux "&" marks a keyboard mnemonic; a file called "Q&A.pdf" must show its "&". */
export function escapeMnemonic(label: string, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? label : label.replace(/&/g, '&&');
}

export function toElectronTemplate(items: readonly TrayMenuItem[], platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  return items.map((item) => {
    if (item.type === 'separator') return { type: 'separator' };
    const options: MenuItemConstructorOptions = {
      ...(item.id !== undefined ? { id: item.id } : {}),
      ...(item.label !== undefined ? { label: escapeMnemonic(item.label, platform) } : {}),
      ...(item.enabled !== undefined ? { enabled: item.enabled } : {}),
      ...(item.toolTip !== undefined ? { toolTip: item.toolTip } : {}),
    };
    if (item.type === 'checkbox') Object.assign(options, { type: 'checkbox', checked: item.checked === true });
    if (item.submenu) Object.assign(options, { type: 'submenu', submenu: toElectronTemplate(item.submenu, platform) });
    const click = item.click;
    if (click) options.click = () => click();
    return options;
  });
}

/**
 * Which image file shows a state: macOS menu-bar template images (Electron picks `@2x` itself and tints
 * them for light/dark bars), 16 px with `@2x` on Windows, 32 px on Linux (panels scale it down).
 */
export function trayImageFile(dir: string, state: TrayIconState, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return path.join(dir, `tray-${state}Template.png`);
  if (platform === 'win32') return path.join(dir, `tray-${state}.png`);
  return path.join(dir, `tray-${state}-linux.png`);
}

/** Where the tray images live: inside the packaged app's resources, or assets/tray in development. */
export function trayImagesDir(input: { isPackaged: boolean; resourcesPath: string; appPath: string }): string {
  return input.isPackaged ? path.join(input.resourcesPath, 'tray') : path.join(input.appPath, 'assets', 'tray');
}
