import { formatMessage } from '../errors/catalog.ts';
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
  const head = formatMessage(what === 'message' ? 'links.summary.messageCopied' : 'links.summary.copied', o.lang, { until });
  if (link.cappedBy === 'none') return head;
  const why = formatMessage(link.cappedBy === 'credentials' ? 'links.why.credentials' : 'links.why.maximum', o.lang, { requested });
  return o.lang === 'zh-CN' ? `${head}${why}` : `${head} ${why}`;
}

/** What the user pastes into a chat or an email: name (hidden characters as `[U+XXXX]`, see formatMessage), size, link, valid until. */
export function shareMessage(link: { name: string; size?: number | undefined; url: string; expiresAt: number }, o: TextOptions): string {
  return formatMessage('links.shareMessage', o.lang, {
    name: link.name,
    size: formatSize(link.size, o.lang),
    url: link.url,
    until: formatLocalDateTime(link.expiresAt, o.lang, o.timeZone),
  });
}
