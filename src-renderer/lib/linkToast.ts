import { t } from './i18n/i18n.svelte.ts';
import { formatWhen } from './format.ts';
import type { LinkResult } from './types.ts';

/** "Link copied — works until Fri 18:00", plus a short note when the link lives less than asked. */
export function linkCopiedText(result: LinkResult): string {
  const copied = t('link.copied', { when: formatWhen(result.expiresAt) });
  return result.cappedBy === 'none' ? copied : `${copied} ${t('link.cappedShort')}`;
}
