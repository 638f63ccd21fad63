/**
 * In-memory stand-ins for the Electron UI adapters. They record every request so tests can assert what
 * Ferry asked of the OS, and let tests script the user's answers (files picked, buttons clicked).
 * Used by tests, the CLI (no window) and the browser preview.
 */
import type { EventChannel, EventPayloadOf } from '../contract.ts';
import type {
  ClipboardPort,
  ConfirmOptions,
  DialogPort,
  EventSink,
  LinkFocus,
  NotificationPort,
  Ports,
  TrayIconState,
  TrayMenuItem,
  TrayPort,
  WindowPort,
  WindowScreen,
} from './uiPorts.ts';

export class RecordingClipboard implements ClipboardPort {
  text = '';
  filePaths: string[] = [];
  imagePng: Uint8Array | undefined;
  readonly writes: string[] = [];
  // Recorded synchronously at call time, so a write is visible even before its promise settles.
  writeText(text: string): Promise<void> {
    this.text = text;
    this.writes.push(text);
    return Promise.resolve();
  }
  async readText(): Promise<string> {
    return this.text;
  }
  async readFilePaths(): Promise<string[]> {
    return [...this.filePaths];
  }
  async readImagePng(): Promise<Uint8Array | undefined> {
    return this.imagePng;
  }
}

export class RecordingDialog implements DialogPort {
  readonly calls: { kind: 'open' | 'save' | 'confirm'; options: unknown }[] = [];
  /** Answers handed out in order; empty → the user cancelled. */
  nextOpen: string[][] = [];
  nextSave: (string | undefined)[] = [];
  nextConfirm: number[] = [];
  async openFiles(options: Parameters<DialogPort['openFiles']>[0]): Promise<string[]> {
    this.calls.push({ kind: 'open', options });
    return this.nextOpen.shift() ?? [];
  }
  async saveFile(options: Parameters<DialogPort['saveFile']>[0]): Promise<string | undefined> {
    this.calls.push({ kind: 'save', options });
    return this.nextSave.shift();
  }
  async confirm(options: ConfirmOptions): Promise<number> {
    this.calls.push({ kind: 'confirm', options });
    return this.nextConfirm.shift() ?? options.cancelId;
  }
}

export class RecordingNotifications implements NotificationPort {
  readonly shown: { title: string; body: string; onClick?: () => void }[] = [];
  show(notification: { title: string; body: string; onClick?: () => void }): void {
    this.shown.push(notification);
  }
}

export class RecordingTray implements TrayPort {
  menu: TrayMenuItem[] = [];
  icon: TrayIconState = 'idle';
  toolTip = '';
  menuSets = 0;
  setMenu(template: TrayMenuItem[]): void {
    this.menu = template;
    this.menuSets += 1;
  }
  setIcon(state: TrayIconState): void {
    this.icon = state;
  }
  setToolTip(text: string): void {
    this.toolTip = text;
  }
}

export class RecordingEvents implements EventSink {
  readonly emitted: { event: EventChannel; payload: unknown }[] = [];
  private readonly listeners = new Set<(event: EventChannel, payload: unknown) => void>();
  emit<E extends EventChannel>(event: E, payload: EventPayloadOf<E>): void {
    this.emitted.push({ event, payload });
    for (const listener of this.listeners) listener(event, payload);
  }
  /** Lets a harness forward events (e.g. into a Playwright page). */
  subscribe(listener: (event: EventChannel, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export class RecordingWindow implements WindowPort {
  /** The screen of every request, in order. */
  readonly shown: (WindowScreen | undefined)[] = [];
  /** Every request in full, with the link to select when one was asked for. */
  readonly requests: { screen?: WindowScreen; focus?: LinkFocus }[] = [];
  show(screen?: WindowScreen, focus?: LinkFocus): void {
    this.shown.push(screen);
    this.requests.push({ ...(screen ? { screen } : {}), ...(focus ? { focus } : {}) });
  }
}

export interface RecordingPorts extends Ports {
  clipboard: RecordingClipboard;
  dialog: RecordingDialog;
  notifications: RecordingNotifications;
  tray: RecordingTray;
  events: RecordingEvents;
  window: RecordingWindow;
}

export function recordingPorts(): RecordingPorts {
  return {
    clipboard: new RecordingClipboard(),
    dialog: new RecordingDialog(),
    notifications: new RecordingNotifications(),
    tray: new RecordingTray(),
    events: new RecordingEvents(),
    window: new RecordingWindow(),
  };
}
