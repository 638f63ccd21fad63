/**
 * A window into the tray for the `_electron` e2e suite, which cannot open a native tray menu. Installed
 * only when FERRY_E2E=1; the suite reaches it with electronApp.evaluate(() => globalThis.__ferryE2E).
 */
import type { TrayMenuItem } from '../ports/uiPorts.ts';
import { findTrayItem } from './buildTrayMenu.ts';

export interface TrayMenuSnapshot {
  id?: string;
  label?: string;
  type?: string;
  enabled?: boolean;
  submenu?: TrayMenuSnapshot[];
}

export interface TrayE2EHook {
  trayMenu(): TrayMenuSnapshot[];
  /** Clicks a menu item by id; false when there is no such clickable item. */
  clickTray(id: string): boolean;
  /** Does what macOS drop-files on the icon does. */
  dropOnTray(paths: string[]): Promise<void>;
}

export function snapshotMenu(menu: readonly TrayMenuItem[]): TrayMenuSnapshot[] {
  return menu.map(({ id, label, type, enabled, submenu }) => ({
    ...(id !== undefined ? { id } : {}),
    ...(label !== undefined ? { label } : {}),
    ...(type !== undefined ? { type } : {}),
    ...(enabled !== undefined ? { enabled } : {}),
    ...(submenu ? { submenu: snapshotMenu(submenu) } : {}),
  }));
}

export function installTrayE2EHook(
  env: NodeJS.ProcessEnv,
  deps: { menu: () => readonly TrayMenuItem[]; drop: (paths: string[]) => Promise<void> },
): TrayE2EHook | undefined {
  if (env.FERRY_E2E !== '1') return undefined;
  const hook: TrayE2EHook = {
    trayMenu: () => snapshotMenu(deps.menu()),
    clickTray(id) {
      const item = findTrayItem(deps.menu(), id);
      if (!item?.click || item.enabled === false) return false;
      item.click();
      return true;
    },
    dropOnTray: (paths) => deps.drop(paths),
  };
  (globalThis as { __ferryE2E?: TrayE2EHook }).__ferryE2E = hook;
  return hook;
}
