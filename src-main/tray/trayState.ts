/**
 * What the tray shows, as plain data the lead's wiring fills from the uploads engine, the upload
 * history and the active profile; and what the tray can ask for, as a small interface.
 */
import { EXPIRY_PRESETS, type ExpiryPreset } from '../contract/expiryPresets.ts';
import type { TrayIconState } from '../ports/uiPorts.ts';

/** A finished upload from the history, newest first. */
export interface TrayRecentFile {
  /** Stable id (the history entry's). */
  id: string;
  /** File name as the user knows it. */
  name: string;
  objectKey: string;
  profileId: string;
  size?: number;
  finishedAt: number;
  /** Its newest working link stops working within a day (links/reminders/): when. */
  linkEndsAt?: number;
}

export interface TrayUploadsSummary {
  /** Queued, uploading or verifying. */
  running: number;
  paused: number;
  /** Over running and paused files. */
  bytesDone: number;
  bytesTotal: number;
}

export interface TrayProfileInfo {
  name: string;
  /** Credentials only allow uploads: no link items. */
  uploadOnly: boolean;
  /** The "Copy link for" choices IT's maximum allows (all of TRAY_EXPIRIES when absent). */
  expiries?: readonly TrayExpiry[];
}

export interface TrayState {
  uploads: TrayUploadsSummary;
  recent: readonly TrayRecentFile[];
  /** The active profile; null before Ferry is connected. */
  profile: TrayProfileInfo | null;
  /** A plain-language problem worth the user's attention (error icon, first line of the menu). */
  problem: string | null;
}

/** The tray's "Copy link for" submenu: the presets without "today". */
export type TrayExpiry = Exclude<ExpiryPreset, 'today'>;
export const TRAY_EXPIRIES = EXPIRY_PRESETS.filter((preset): preset is TrayExpiry => preset !== 'today');

/** What clicking a tray item does. Implemented by createTrayActions() over Ferry's services. */
export interface TrayActions {
  pauseAll(): void | Promise<void>;
  resumeAll(): void | Promise<void>;
  /** Without an expiry: the profile's default. */
  copyLink(file: TrayRecentFile, expiry?: TrayExpiry): void | Promise<void>;
  copyShareMessage(file: TrayRecentFile): void | Promise<void>;
  showInLinks(file: TrayRecentFile): void | Promise<void>;
  stopSharing(file: TrayRecentFile): void | Promise<void>;
  uploadFiles(): void | Promise<void>;
  uploadFromClipboard(): void | Promise<void>;
  /** Shows the window as the user left it (no screen change). */
  openWindow(): void;
  /** "Open Ferry to fix this": the main screen, where the failed uploads can be retried. */
  openToFix(): void;
  openSettings(): void;
  quit(): void;
}

export const emptyTrayState = (): TrayState => ({
  uploads: { running: 0, paused: 0, bytesDone: 0, bytesTotal: 0 },
  recent: [],
  profile: null,
  problem: null,
});

/** Overall progress of the running and paused files, 0–100, or null when nothing is sized yet. */
export function overallPercent(uploads: TrayUploadsSummary): number | null {
  if (uploads.bytesTotal <= 0) return null;
  return Math.min(100, Math.floor((uploads.bytesDone * 100) / uploads.bytesTotal));
}

export function trayIconState(state: TrayState): TrayIconState {
  if (state.problem) return 'error';
  return state.uploads.running > 0 ? 'uploading' : 'idle';
}
