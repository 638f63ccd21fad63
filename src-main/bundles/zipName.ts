import os from 'node:os';
import type { Lang } from '../i18n/lang.ts';
import { text } from '../i18n/text.ts';
import { removeHiddenChars } from '../names/inertName.ts';

/**
 * Whose files these are, as the download name says it: the OS login name as the person knows it
 * ("Alice", not the lowercased form prefix templates use). Slashes would make it a folder in the key.
 */
export function senderName(): string {
  let name = '';
  try {
    name = os.userInfo().username;
  } catch {
    // some sandboxes have no passwd entry
  }
  return removeHiddenChars(name).text.replace(/[\\/:*?"<>|]/g, '-').trim().slice(0, 64) || 'Ferry';
}

/** The local date as YYYY-MM-DD (sorts, and reads the same in every language). */
export function localDate(now: number, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...(timeZone ? { timeZone } : {}) }).format(now);
}

/** "3 files from Alice — 2026-12-04.zip" / "Alice 的 3 个文件 — 2026-12-04.zip": what the recipient's download is called. */
export function zipFileName(lang: Lang, count: number, user: string, now: number, timeZone?: string): string {
  return text(lang, 'bundles.zipName', { n: count, user, date: localDate(now, timeZone) });
}
