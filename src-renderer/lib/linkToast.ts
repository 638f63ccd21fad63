import { t } from './i18n/i18n.svelte.ts';
import { formatWhen } from './format.ts';
import type { LinkResult } from './types.ts';

/** "Link copied — works until Fri 18:00", with a short note when the link lives less than asked. */
export function linkCopiedText(result: LinkResult): string {
  const when = formatWhen(result.expiresAt);
  return result.cappedBy === 'none' ? t('link.copied', { when }) : t('link.copiedCapped', { when });
}
