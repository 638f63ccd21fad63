import { describe, expect, it } from 'vitest';
import { applyBatch, indexOf, previousOf } from '../../../src-renderer/lib/queueBatch.ts';
import type { UploadItem } from '../../../src-renderer/lib/types.ts';

const item = (id: string, bytesDone = 0, state: UploadItem['state'] = 'queued'): UploadItem => ({
  id, name: `${id}.txt`, size: 100, bytesDone, state, speed: 0, etaSeconds: null, profileId: 'p',
});

describe('queue batches', () => {
  it('replaces changed items in place, appends new ones and drops removed ones', () => {
    const items = [item('a'), item('b'), item('c')];
    const { items: next, index } = applyBatch(items, indexOf(items), { items: [item('b', 50, 'uploading'), item('d')], removed: ['a'] });
    expect([...index.entries()]).toEqual([['b', 0], ['c', 1], ['d', 2]]);
    expect(next.map((i) => [i.id, i.bytesDone])).toEqual([['b', 50], ['c', 0], ['d', 0]]);
    expect(items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });

  it('remembers what a batch replaced, for milestone announcements', () => {
    const items = [item('a', 10, 'uploading')];
    const previous = previousOf(items, indexOf(items), { items: [item('a', 100, 'done'), item('z')], removed: [] });
    expect(previous.get('a')?.state).toBe('uploading');
    expect(previous.has('z')).toBe(false);
  });

  it('applies a batch to a 10,000-item queue without reordering it', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => item(`f${i}`));
    const index = indexOf(items);
    const { items: next, index: after } = applyBatch(items, index, { items: [item('f5000', 99, 'uploading'), item('new')], removed: [] });
    expect(after.get('new')).toBe(10_000);
    expect(next).toHaveLength(10_001);
    expect(next[5000]?.bytesDone).toBe(99);
    expect(next[4999]).toBe(items[4999]);
  });
});
