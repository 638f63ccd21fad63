import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keepRunningOnClose, showCloseToTrayNoticeOnce } from '../../../src-main/os/closeToTray.ts';
import { decideQuit, QuitGuard } from '../../../src-main/os/quitGuard.ts';
import { applyLinuxAutostart, desktopExecArg, linuxAutostartEntry, loginItemSettings, startedAtLogin } from '../../../src-main/os/launchAtLogin.ts';
import { ClipboardShortcut, CLIPBOARD_SHORTCUT, displayAccelerator, type ShortcutRegistry } from '../../../src-main/os/clipboardShortcut.ts';
import { SettingsStore } from '../../../src-main/settings/settingsStore.ts';
import { RecordingDialog, RecordingNotifications } from '../../../src-main/ports/recordingPorts.ts';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'ferry-os-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('close to tray', () => {
  it('keeps Ferry running when the window closes, unless quitting or there is no tray', () => {
    expect(keepRunningOnClose({ quitting: false, trayAvailable: true })).toBe(true);
    expect(keepRunningOnClose({ quitting: true, trayAvailable: true })).toBe(false);
    expect(keepRunningOnClose({ quitting: false, trayAvailable: false })).toBe(false);
  });

  it('shows the one-line notice the first time only, remembered in settings across restarts', async () => {
    const notifications = new RecordingNotifications();
    const settings = new SettingsStore(home);
    const deps = { settings, notifications, lang: 'en' as const, platform: 'linux' as const };
    expect(await showCloseToTrayNoticeOnce(deps)).toBe(true);
    expect(await showCloseToTrayNoticeOnce(deps)).toBe(false);
    expect(notifications.shown).toHaveLength(1);
    expect(notifications.shown[0]?.body).toMatch(/tray/);
    expect((await new SettingsStore(home).get()).closeToTrayNoticeShown).toBe(true);
    expect(await showCloseToTrayNoticeOnce({ ...deps, settings: new SettingsStore(home) })).toBe(false);
  });

  it('says "menu bar" on macOS and speaks Chinese', async () => {
    const notifications = new RecordingNotifications();
    await showCloseToTrayNoticeOnce({ settings: new SettingsStore(home), notifications, lang: 'zh-CN', platform: 'darwin' });
    expect(notifications.shown[0]?.body).toMatch(/菜单栏/);
  });
});

describe('quit while uploading', () => {
  it('asks only when uploads run and the user has not agreed, never during OS shutdown', () => {
    expect(decideQuit({ activeUploads: 0, confirmed: false })).toBe('quit');
    expect(decideQuit({ activeUploads: 2, confirmed: false })).toBe('ask');
    expect(decideQuit({ activeUploads: 2, confirmed: true })).toBe('quit');
    expect(decideQuit({ activeUploads: 2, confirmed: false, systemShutdown: true })).toBe('quit');
  });

  it('keeps uploading when the user says so, and quits after "Quit" (uploads resume next start)', async () => {
    const dialog = new RecordingDialog();
    let active = 3;
    const guard = new QuitGuard({ activeUploads: () => active, dialog, lang: () => 'en' });
    expect(guard.check()).toBe('ask');
    dialog.nextConfirm.push(1);
    expect(await guard.confirm()).toBe(false);
    expect(guard.check()).toBe('ask');
    const asked = dialog.calls[0]?.options as { message: string; detail: string; buttons: string[]; cancelId: number };
    expect(asked.message).toBe('3 uploads are still running. Quit anyway?');
    expect(asked.detail).toMatch(/continue where they stopped/);
    expect(asked.buttons).toEqual(['Quit', 'Keep uploading']);
    expect(asked.cancelId).toBe(1);

    dialog.nextConfirm.push(0);
    expect(await guard.confirm()).toBe(true);
    expect(guard.check()).toBe('quit');
    active = 0;
    expect(guard.check()).toBe('quit');
  });

  it('asks once even when Quit is pressed twice while the question is open', async () => {
    const dialog = new RecordingDialog();
    const guard = new QuitGuard({ activeUploads: () => 1, dialog, lang: () => 'zh-CN' });
    dialog.nextConfirm.push(0);
    const [a, b] = await Promise.all([guard.confirm(), guard.confirm()]);
    expect([a, b]).toEqual([true, true]);
    expect(dialog.calls).toHaveLength(1);
    expect((dialog.calls[0]?.options as { message: string }).message).toMatch(/仍要退出/);
  });
});

describe('launch at login', () => {
  it('asks macOS to open hidden, and Windows to pass --hidden', () => {
    expect(loginItemSettings(true, 'darwin')).toEqual({ openAtLogin: true, openAsHidden: true });
    expect(loginItemSettings(false, 'win32')).toEqual({ openAtLogin: false, args: ['--hidden'] });
    expect(startedAtLogin({ argv: ['Ferry.exe', '--hidden'], platform: 'win32' })).toBe(true);
    expect(startedAtLogin({ argv: ['Ferry'], platform: 'darwin', wasOpenedAtLogin: true })).toBe(true);
    expect(startedAtLogin({ argv: ['ferry'], platform: 'linux' })).toBe(false);
  });

  it('writes and removes an XDG autostart entry on Linux, quoting the executable', async () => {
    const env = { XDG_CONFIG_HOME: path.join(home, 'config') };
    const exe = path.join(home, 'Apps', 'Ferry 1.0.AppImage');
    await applyLinuxAutostart(true, exe, env);
    const file = path.join(home, 'config', 'autostart', 'ferry.desktop');
    const text = await readFile(file, 'utf8');
    expect(text).toContain(`Exec="${exe}" --hidden`);
    expect(text.startsWith('[Desktop Entry]\n')).toBe(true);
    await applyLinuxAutostart(false, exe, env);
    await expect(stat(file)).rejects.toThrow();
    expect(desktopExecArg('/opt/a$b"c%d')).toBe('"/opt/a\\$b\\"c%%d"');
    expect(linuxAutostartEntry('/usr/bin/ferry')).toContain('Exec=/usr/bin/ferry --hidden');
  });
});

describe('global shortcut for Upload from clipboard', () => {
  class Registry implements ShortcutRegistry {
    owned = new Map<string, () => void>();
    takenByOthers = new Set<string>();
    register(accelerator: string, callback: () => void): boolean {
      if (this.takenByOthers.has(accelerator)) return false;
      this.owned.set(accelerator, callback);
      return true;
    }
    unregister(accelerator: string): void {
      this.owned.delete(accelerator);
    }
  }

  it('registers when the setting turns on, fires the upload, unregisters when it turns off', () => {
    const registry = new Registry();
    let fired = 0;
    const shortcut = new ClipboardShortcut(registry, () => (fired += 1));
    expect(shortcut.apply(true)).toBeUndefined();
    registry.owned.get(CLIPBOARD_SHORTCUT)?.();
    expect(fired).toBe(1);
    expect(shortcut.apply(true)).toBeUndefined();
    expect(shortcut.apply(false)).toBeUndefined();
    expect(registry.owned.size).toBe(0);
    expect(shortcut.active).toBe(false);
  });

  it('reports a plain-language error when another app owns the keys', () => {
    const registry = new Registry();
    registry.takenByOthers.add(CLIPBOARD_SHORTCUT);
    const error = new ClipboardShortcut(registry, () => {}).apply(true);
    expect(error?.code).toBe('os.shortcutTaken');
    expect(displayAccelerator(CLIPBOARD_SHORTCUT, 'darwin')).toBe('⌘⌥U');
    expect(displayAccelerator(CLIPBOARD_SHORTCUT, 'win32')).toBe('Ctrl+Alt+U');
  });
});
