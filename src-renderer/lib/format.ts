import { isExpiryPreset } from '../../src-main/contract/expiryPresets.ts';
import { i18n, t } from './i18n/i18n.svelte.ts';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(i18n.lang, { maximumFractionDigits: digits }).format(value)} ${UNITS[unit]}`;
}

export function formatSpeed(bytesPerSecond: number): string {
  return t('units.perSecond', { size: formatBytes(bytesPerSecond) });
}

/** "3 min", "1 h 5 min", "20 s". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return t('units.seconds', { n: s });
  const minutes = Math.round(s / 60);
  if (minutes < 60) return t('units.minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('units.hoursMinutes', { h: hours, m: minutes % 60 });
  return t('units.days', { n: Math.round(hours / 24) });
}

const SIX_DAYS = 6 * 24 * 3600_000;

/** "Fri 18:00" within the week around now, "22 Nov, 18:00" further away; in the user's language. */
export function formatWhen(ms: number, now = Date.now()): string {
  const nearby = Math.abs(ms - now) < SIX_DAYS;
  const options: Intl.DateTimeFormatOptions = nearby
    ? { weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
    : { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  return new Intl.DateTimeFormat(i18n.lang, options).format(ms);
}

export function formatDate(ms: number): string {
  return new Intl.DateTimeFormat(i18n.lang, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** Midnight starting the local day `days` after the one holding `ms` (negative: before it). */
function startOfDay(ms: number, days = 0): number {
  const date = new Date(ms);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days).getTime();
}

/** "today 14:05", "yesterday 09:10", "Dec 3 14:05" — when a link was opened. */
export function formatDayTime(ms: number, now = Date.now()): string {
  const time = new Intl.DateTimeFormat(i18n.lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
  if (ms >= startOfDay(now)) return t('links.opens.today', { time });
  if (ms >= startOfDay(now, -1)) return t('links.opens.yesterday', { time });
  return t('links.opens.on', { date: new Intl.DateTimeFormat(i18n.lang, { month: 'short', day: 'numeric' }).format(ms), time });
}

/** When an upload finished, short: "Uploaded 14:32", "Uploaded yesterday 09:10", "Uploaded Jun 3" (this year), "Uploaded Jun 3, 2025". */
export function formatFinished(ms: number, now = Date.now()): string {
  // h23, not hour12: false: with the latter 'en' writes ten past midnight as "24:10".
  const time = new Intl.DateTimeFormat(i18n.lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
  if (ms >= startOfDay(now)) return t('upload.finishedToday', { time });
  if (ms >= startOfDay(now, -1)) return t('upload.finishedYesterday', { time });
  const year = new Date(ms).getFullYear() === new Date(now).getFullYear() ? {} : { year: 'numeric' as const };
  return t('upload.finishedOn', { date: new Intl.DateTimeFormat(i18n.lang, { month: 'short', day: 'numeric', ...year }).format(ms) });
}

/** The whole date and time to the second, for a tooltip: "Sunday, November 29, 2026 at 14:32:05". */
export function formatFullDateTime(ms: number): string {
  return new Intl.DateTimeFormat(i18n.lang, { dateStyle: 'full', timeStyle: 'medium', hourCycle: 'h23' }).format(ms);
}

/** "1 hour", "End of today"… for a preset; any other expiry (a profile's "30m") as it is written. */
export function formatExpiry(choice: string): string {
  return isExpiryPreset(choice) ? t(`link.expiry.${choice}`) : choice;
}
