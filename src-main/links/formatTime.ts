import type { Lang } from '../i18n/lang.ts';
import { text } from '../i18n/text.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * "Sat, Nov 22, 2026, 18:05" / "2026年11月22日周六 18:05" in local time (`withZone`: "… 18:05 GMT+8"). Seconds are cut, never rounded
 * up, so the time shown is never later than the moment the link stops working.
 */
export function formatLocalDateTime(ms: number, lang: Lang, timeZone?: string, withZone = false): string {
  const id = `${lang}|${timeZone ?? process.env.TZ ?? ''}|${withZone}`;
  let f = formatters.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, {
      weekday: 'short',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      // For readers elsewhere (a share message is pasted to other people): "GMT+8".
      ...(withZone ? { timeZoneName: 'short' as const } : {}),
      ...(timeZone ? { timeZone } : {}),
    });
    formatters.set(id, f);
  }
  return f.format(ms);
}

/** "1.4 MB" / "980 KB" — sizes as people read them (powers of 1024, like file managers on Windows). */
export function formatSize(bytes: number | undefined, lang: Lang): string {
  if (bytes === undefined) return text(lang, 'links.sizeUnknown');
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

/** "18:00" in local time (minutes cut, never rounded up). */
export function formatClockTime(ms: number, lang: Lang, timeZone?: string): string {
  return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(timeZone ? { timeZone } : {}) }).format(ms);
}
