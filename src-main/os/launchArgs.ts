/**
 * What a launch asked for, from its command line: files to upload (Windows "Send to", Linux/macOS
 * "Open with", `ferry-app a.pdf b.pdf`, a second launch handing over to the running instance) and
 * ferry:// links (Windows and Linux pass the clicked link as an argument).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LaunchArgsContext {
  /** The directory the launching process ran in: relative paths are resolved against it. */
  cwd: string;
  platform: NodeJS.Platform;
  /** Unpackaged runs (`electron .`) carry the app path after the executable; it is not a file to upload. */
  isPackaged: boolean;
}

export interface LaunchRequest {
  files: string[];
  urls: string[];
  /** Started by the OS at login: stay in the tray. */
  hidden: boolean;
}

export const HIDDEN_FLAG = '--hidden';
/** Paths beyond this are not file names (and Ferry's IPC schema refuses them anyway). */
const MAX_PATH = 4096;
/** A second launch with more than this hands over only the first ones (uploads.add takes 10,000). */
export const MAX_LAUNCH_FILES = 10_000;

/**
 * Electron/Chromium add switches of their own (`--allow-file-access-from-files`,
 * `--original-process-start-time=…`, `--enable-features=…`); anything starting with "-" is a switch,
 * never a file. A lone "--" ends the switches: what follows is taken as files even if it starts with "-".
 */
export function parseLaunchArgs(argv: readonly string[], context: LaunchArgsContext): LaunchRequest {
  const paths = context.platform === 'win32' ? path.win32 : path.posix;
  const skip = context.isPackaged ? 1 : firstAfterAppPath(argv);
  const files: string[] = [];
  const urls: string[] = [];
  let hidden = false;
  let switchesEnded = false;
  const seen = new Set<string>();

  for (const raw of argv.slice(skip)) {
    if (!switchesEnded && raw === '--') {
      switchesEnded = true;
      continue;
    }
    if (!switchesEnded && raw.startsWith('-')) {
      if (raw === HIDDEN_FLAG) hidden = true;
      continue;
    }
    if (raw.length === 0 || raw.length > MAX_PATH || raw.includes('\0')) continue;
    if (/^ferry:/i.test(raw)) {
      urls.push(raw);
      continue;
    }
    const file = toPath(raw, paths, context);
    if (!file) continue;
    const key = context.platform === 'win32' || context.platform === 'darwin' ? file.toLowerCase() : file;
    if (seen.has(key) || files.length >= MAX_LAUNCH_FILES) continue;
    seen.add(key);
    files.push(file);
  }
  return { files, urls, hidden };
}

/** In `electron . a.pdf` or `electron path/to/app a.pdf` the first non-switch argument is the app. */
function firstAfterAppPath(argv: readonly string[]): number {
  for (let i = 1; i < argv.length; i += 1) {
    if (!argv[i]?.startsWith('-')) return i + 1;
  }
  return argv.length;
}

function toPath(raw: string, paths: typeof path.posix, context: LaunchArgsContext): string | undefined {
  if (/^file:\/\//i.test(raw)) {
    try {
      return fileURLToPath(raw, { windows: context.platform === 'win32' });
    } catch {
      return undefined;
    }
  }
  // Any other URL scheme (http:, mailto:, javascript:…) is not a file; "C:\…" on Windows is.
  if (/^[a-z][a-z0-9+.-]+:/i.test(raw) && !(context.platform === 'win32' && /^[a-z]:[\\/]/i.test(raw))) return undefined;
  return paths.resolve(context.cwd, raw);
}

/** macOS `open-file` events arrive one path at a time, often before the app is ready: collect them. */
export class PendingOpenFiles {
  private files: string[] = [];

  add(file: string): void {
    if (file && file.length <= MAX_PATH && !this.files.includes(file)) this.files.push(file);
  }

  /** Everything collected so far, emptying the list. */
  take(): string[] {
    const files = this.files;
    this.files = [];
    return files;
  }
}
