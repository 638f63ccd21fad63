import { BrowserWindow, nativeTheme } from 'electron';
import { APP_ORIGIN, hardenWebContents, secureWebPreferences } from '../security.ts';

/** Creates the main window (shown once its first paint is ready), loading the renderer from app://ferry/. main.ts reveals an existing one. */
export function createMainWindow(options: { preloadPath: string; isPackaged: boolean; iconPath?: string }): BrowserWindow {
  const window = new BrowserWindow({
    width: 960,
    height: 680,
    minWidth: 560,
    minHeight: 420,
    show: false,
    title: 'Ferry',
    icon: options.iconPath,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16181d' : '#ffffff',
    webPreferences: secureWebPreferences(options.preloadPath, { isPackaged: options.isPackaged }),
  });
  hardenWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
