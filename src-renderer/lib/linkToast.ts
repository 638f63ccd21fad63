import { t } from './i18n/i18n.svelte.ts';
import { formatWhen } from './format.ts';
import type { LinkResult } from './types.ts';

/**
 * "Link copied — works until Fri 18:00"; when the link lives less than asked, why and what to do; else
 * main's once-only notice (the trial's first link: it opens only on this computer).
 */
export function linkCopiedText(result: LinkResult): string {
  const when = formatWhen(result.expiresAt);
  if (result.cappedBy === 'credentials') return t('link.copiedCapped', { when });
  if (result.cappedBy === 'v4-maximum') return t('link.copiedCappedMax', { when });
  return result.notice ? t('link.copiedNotice', { when, notice: result.notice }) : t('link.copied', { when });
}
