/** The Electron tray behind TrayPort: one Tray, its menu re-set on every change (Linux needs that). */
import { Menu, Tray, nativeImage, type NativeImage } from 'electron';
import type { TrayIconState, TrayMenuItem, TrayPort } from '../ports/uiPorts.ts';
import { toElectronTemplate, trayImageFile } from '../tray/electronTemplate.ts';

export interface ElectronTrayOptions {
  /** See trayImagesDir(): process.resourcesPath/tray when packaged, assets/tray in development. */
  imagesDir: string;
  platform?: NodeJS.Platform;
  /** Files dropped on the icon (macOS only: other platforms offer "Upload files…" instead). */
  onDropFiles?: (paths: string[]) => void;
  /** A plain click on the icon (Windows opens the window; macOS and Linux open the menu). */
  onClick?: () => void;
}

export class ElectronTray implements TrayPort {
  private readonly tray: Tray;
  private readonly platform: NodeJS.Platform;
  private readonly images = new Map<TrayIconState, NativeImage>();
  /** The last menu set, for the `_electron` e2e hook (tray/e2eHook.ts). */
  lastMenu: TrayMenuItem[] = [];

  constructor(private readonly options: ElectronTrayOptions) {
    this.platform = options.platform ?? process.platform;
    this.tray = new Tray(this.image('idle'));
    this.tray.setToolTip('Ferry');
    if (this.platform === 'darwin') {
      this.tray.setIgnoreDoubleClickEvents(true);
      this.tray.on('drop-files', (_event, files) => {
        if (files.length > 0) options.onDropFiles?.([...files]);
      });
    }
    if (this.platform === 'win32') this.tray.on('click', () => options.onClick?.());
  }

  private image(state: TrayIconState): NativeImage {
    let image = this.images.get(state);
    if (!image) {
      image = nativeImage.createFromPath(trayImageFile(this.options.imagesDir, state, this.platform));
      if (this.platform === 'darwin') image.setTemplateImage(true);
      this.images.set(state, image);
    }
    return image;
  }

  setMenu(template: TrayMenuItem[]): void {
    this.lastMenu = template;
    this.tray.setContextMenu(Menu.buildFromTemplate(toElectronTemplate(template, this.platform)));
  }

  setIcon(state: TrayIconState): void {
    this.tray.setImage(this.image(state));
  }

  setToolTip(text: string): void {
    this.tray.setToolTip(text);
  }

  destroy(): void {
    if (!this.tray.isDestroyed()) this.tray.destroy();
  }
}
