import type { UploadItem } from './types.ts';

const SENDING: ReadonlySet<UploadItem['state']> = new Set(['queued', 'uploading', 'paused', 'verifying']);

/**
 * "Share as one link" for the files one drop (or one pick) added: offered once none of them is still being
 * sent and at least two of them can be shared. Main only zips rows it has finished sending (bundles.share
 * checks each id), so the offer waits for them instead of showing a button that would be refused.
 */
export function dropOffer(ids: readonly string[], items: readonly UploadItem[], choosable: ReadonlySet<string>): string[] {
  if (ids.length < 2) return [];
  const wanted = new Set(ids);
  const ready: string[] = [];
  for (const item of items) {
    if (!wanted.has(item.id)) continue;
    if (SENDING.has(item.state)) return [];
    if (choosable.has(item.id)) ready.push(item.id);
  }
  return ready.length >= 2 ? ready : [];
}
