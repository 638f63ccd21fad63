import type { UploadItem, UploadsChanged } from './types.ts';

/** Position of each item by id; rebuilt with the array, never observed on its own. */
export type QueueIndex = Map<string, number>;

export function indexOf(items: readonly UploadItem[]): QueueIndex {
  return new Map(items.map((item, i) => [item.id, i]));
}

/** The items a batch is about to replace, so milestones can compare before and after. */
export function previousOf(items: readonly UploadItem[], index: QueueIndex, batch: UploadsChanged): Map<string, UploadItem> {
  const previous = new Map<string, UploadItem>();
  for (const item of batch.items) {
    const at = index.get(item.id);
    if (at !== undefined) previous.set(item.id, items[at] as UploadItem);
  }
  return previous;
}

/**
 * One pass per batch: changed items replaced in place, new ones appended (the index is extended, not
 * rebuilt), removed ones dropped (only then is the index rebuilt).
 */
export function applyBatch(
  items: readonly UploadItem[],
  index: QueueIndex,
  { items: changed, removed }: UploadsChanged,
): { items: UploadItem[]; index: QueueIndex } {
  const next = items.slice();
  for (const item of changed) {
    const at = index.get(item.id);
    if (at === undefined) {
      index.set(item.id, next.length);
      next.push(item);
    } else next[at] = item;
  }
  if (removed.length === 0) return { items: next, index };
  const gone = new Set(removed);
  const kept = next.filter((item) => !gone.has(item.id));
  return { items: kept, index: indexOf(kept) };
}
