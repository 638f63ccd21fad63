/** The real Electron implementations of the UI ports (the tray adapter lives in electronTray.ts). */
import { BrowserWindow, Notification, clipboard, dialog } from 'electron';
import { fileURLToPath } from 'node:url';
import { ipcName } from '../contract.ts';
import type { ClipboardPort, DialogPort, EventSink, NotificationPort, WindowPort } from '../ports/uiPorts.ts';

export const electronClipboard: ClipboardPort = {
  writeText: (text) => clipboard.writeText(text),
  readText: () => clipboard.readText(),
  async readFilePaths() {
    // File managers put a uri-list (Linux, Windows) or public.file-url (macOS) on the clipboard.
    const paths: string[] = [];
    for (const item of await clipboard.read()) {
      for (const type of item.types.filter((t) => t === 'text/uri-list' || t === 'public.file-url')) {
        const blob = await item.getType(type);
        if (!(blob instanceof Blob)) continue;
        for (const line of (await blob.text()).split(/\r?\n/)) {
          const trimmed = line.trim();
          if (trimmed.startsWith('file://')) paths.push(fileURLToPath(trimmed));
        }
      }
    }
    return paths;
  },
  async readImagePng() {
    for (const item of await clipboard.read()) {
      if (item.types.includes('image/png')) {
        const blob = await item.getType('image/png');
        if (blob instanceof Blob) return new Uint8Array(await blob.arrayBuffer());
      }
    }
    return undefined;
  },
};

const focused = (): BrowserWindow | undefined => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];

export const electronDialog: DialogPort = {
  async openFiles(options) {
    const properties: ('openFile' | 'openDirectory' | 'multiSelections')[] = [options.folders ? 'openDirectory' : 'openFile'];
    if (options.multiple !== false) properties.push('multiSelections');
    const parent = focused();
    const dialogOptions = { title: options.title, properties, filters: options.filters };
    const result = parent ? await dialog.showOpenDialog(parent, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
    return result.canceled ? [] : result.filePaths;
  },
  async saveFile(options) {
    const parent = focused();
    const dialogOptions = { title: options.title, defaultPath: options.defaultName, filters: options.filters };
    const result = parent ? await dialog.showSaveDialog(parent, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
    return result.canceled ? undefined : result.filePath;
  },
  async confirm(options) {
    const parent = focused();
    const dialogOptions = { type: 'question' as const, noLink: true, ...options };
    const result = parent ? await dialog.showMessageBox(parent, dialogOptions) : await dialog.showMessageBox(dialogOptions);
    return result.response;
  },
};

export const electronNotifications: NotificationPort = {
  show({ title, body, onClick }) {
    if (!Notification.isSupported()) return;
    const notification = new Notification({ title, body });
    if (onClick) notification.on('click', onClick);
    notification.show();
  },
};

export const electronEvents: EventSink = {
  emit(event, payload) {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(ipcName(event), payload);
    }
  },
};

export function electronWindowPort(showWindow: WindowPort['show']): WindowPort {
  return { show: (screen, focus) => showWindow(screen, focus) };
}
