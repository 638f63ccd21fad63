import { text } from '../i18n/text.ts';
import type { Lang } from '../i18n/lang.ts';
import type { ExpiryCap } from './expiry.ts';
import { formatLocalDateTime, formatSize } from './formatTime.ts';

export interface TextOptions {
  lang: Lang;
  /** IANA zone for tests; the computer's own zone otherwise. */
  timeZone?: string;
}

/** "Link copied. It works until …" — and, when the link lives shorter than asked, why. */
export function linkSummary(
  link: { expiresAt: number; requestedExpiresAt: number; cappedBy: ExpiryCap },
  o: TextOptions,
  what: 'link' | 'message' = 'link',
): string {
  const until = formatLocalDateTime(link.expiresAt, o.lang, o.timeZone);
  const requested = formatLocalDateTime(link.requestedExpiresAt, o.lang, o.timeZone);
  const head = text(o.lang, what === 'message' ? 'links.summary.messageCopied' : 'links.summary.copied', { until });
  if (link.cappedBy === 'none') return head;
  const why = text(o.lang, link.cappedBy === 'credentials' ? 'links.why.credentials' : 'links.why.maximum', { requested });
  return text(o.lang, 'links.summary.capped', { summary: head, why });
}

/** What the user pastes into a chat or an email: name (hidden characters as `[U+XXXX]`, see i18n/text.ts), size, link, valid until. */
export function shareMessage(link: { name: string; size?: number | undefined; url: string; expiresAt: number }, o: TextOptions): string {
  return text(o.lang, 'links.shareMessage', {
    name: link.name,
    size: formatSize(link.size, o.lang),
    url: link.url,
    until: formatLocalDateTime(link.expiresAt, o.lang, o.timeZone, true),
  });
}
