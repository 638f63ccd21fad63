import { t } from './i18n/i18n.svelte.ts';
import { formatWhen } from './format.ts';
import type { LinkResult } from './types.ts';

/**
 * "Link copied — works until Fri 18:00", with a short note when the link lives less than asked, or main's
 * once-only notice (the trial's first link: it opens only on this computer).
 */
export function linkCopiedText(result: LinkResult): string {
  const when = formatWhen(result.expiresAt);
  if (result.cappedBy !== 'none') return t('link.copiedCapped', { when });
  return result.notice ? t('link.copiedNotice', { when, notice: result.notice }) : t('link.copied', { when });
}
