import { ferry } from './api.ts';
import { applyBatch, indexOf, previousOf, type QueueIndex } from './queueBatch.ts';
import type { UploadItem, UploadsChanged } from './types.ts';

const ACTIVE = new Set<UploadItem['state']>(['queued', 'uploading', 'verifying', 'paused']);

/**
 * The upload queue. Main batches `uploads.changed` (≤ ~10/s, changed items only); each batch replaces
 * the array once, so a 10,000-item queue costs one O(n) pass per batch and the list stays virtualized.
 */
export class UploadsState {
  items = $state.raw<UploadItem[]>([]);
  /** A file just added: the list scrolls it into view once it is there. */
  reveal = $state<string | null>(null);
  private index: QueueIndex = indexOf([]);

  totals = $derived.by(() => {
    let size = 0;
    let done = 0;
    let active = 0;
    let finished = 0;
    let failed = 0;
    let paused = 0;
    for (const item of this.items) {
      if (item.state === 'cancelled') continue;
      size += item.size;
      done += item.bytesDone;
      if (ACTIVE.has(item.state)) active += 1;
      if (item.state === 'paused') paused += 1;
      if (item.state === 'done') finished += 1;
      if (item.state === 'failed') failed += 1;
    }
    return { size, done, active, paused, finished, failed, fraction: size > 0 ? done / size : 0 };
  });

  async load(): Promise<void> {
    this.replace((await ferry.uploads.list()).items);
  }

  listen(onBatch: (changed: UploadItem[], previous: Map<string, UploadItem>) => void): () => void {
    return ferry.on('uploads.changed', (batch) => {
      const previous = previousOf(this.items, this.index, batch);
      this.apply(batch);
      onBatch(batch.items, previous);
    });
  }

  apply(batch: UploadsChanged): void {
    const { items, index } = applyBatch(this.items, this.index, batch);
    this.items = items;
    this.index = index;
  }

  private replace(items: UploadItem[]): void {
    this.items = items;
    this.index = indexOf(items);
  }
}

export const uploads = new UploadsState();
