/**
 * The Electron UI surfaces Ferry's services talk to, as plain interfaces. `shell/electron*.ts` implement
 * them with Electron; `recordingPorts.ts` implements them in memory for tests, the CLI and the browser
 * preview. No electron import here.
 */
import type { z } from 'zod';
import type { EventChannel, EventPayloadOf } from '../contract.ts';
import type { LinkFocusSchema, WindowScreenSchema } from '../contract/app.ts';

/** Async, like Electron's (W3C-style) clipboard module. */
export interface ClipboardPort {
  writeText(text: string): Promise<void>;
  readText(): Promise<string>;
  /** Paths of files copied in the OS file manager, if any. */
  readFilePaths(): Promise<string[]>;
  /** PNG bytes of an image on the clipboard, if any. */
  readImagePng(): Promise<Uint8Array | undefined>;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface ConfirmOptions {
  message: string;
  detail?: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
}

export interface DialogPort {
  openFiles(options: { title: string; folders?: boolean; multiple?: boolean; filters?: FileFilter[] }): Promise<string[]>;
  saveFile(options: { title: string; defaultName: string; filters?: FileFilter[] }): Promise<string | undefined>;
  /** Returns the index of the button chosen. */
  confirm(options: ConfirmOptions): Promise<number>;
}

export interface NotificationPort {
  show(notification: { title: string; body: string; onClick?: () => void }): void;
}

export interface TrayMenuItem {
  id?: string;
  label?: string;
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox';
  enabled?: boolean;
  checked?: boolean;
  toolTip?: string;
  submenu?: TrayMenuItem[];
  click?: () => void;
}

export type TrayIconState = 'idle' | 'uploading' | 'error';

export interface TrayPort {
  setMenu(template: TrayMenuItem[]): void;
  setIcon(state: TrayIconState): void;
  setToolTip(text: string): void;
}

/** Main → renderer events. */
export interface EventSink {
  emit<E extends EventChannel>(event: E, payload: EventPayloadOf<E>): void;
}

export type WindowScreen = z.output<typeof WindowScreenSchema>;
export type LinkFocus = z.output<typeof LinkFocusSchema>;

/** Window-level actions services may ask for (show the window, open a screen). */
export interface WindowPort {
  /**
   * Reveals the window; with a screen, the page shows it; with `focus`, Links selects that file's link.
   * Without a screen the page stays where the user left it: only an explicit request changes screens.
   */
  show(screen?: WindowScreen, focus?: LinkFocus): void;
}

export interface Ports {
  clipboard: ClipboardPort;
  dialog: DialogPort;
  notifications: NotificationPort;
  tray: TrayPort;
  events: EventSink;
  window: WindowPort;
}
