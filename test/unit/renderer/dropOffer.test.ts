import { describe, expect, it } from 'vitest';
import { dropOffer } from '../../../src-renderer/lib/dropOffer.ts';
import type { UploadItem } from '../../../src-renderer/lib/types.ts';

const item = (id: string, state: UploadItem['state']): UploadItem => ({
  id, name: `${id}.txt`, size: 100, bytesDone: 0, state, speed: 0, etaSeconds: null, profileId: 'p',
});

describe('Share as one link for the latest drop', () => {
  const earlier = item('old', 'done');

  it('offers exactly the drop’s sent rows once none of them is still being sent', () => {
    const items = [earlier, item('a', 'done'), item('b', 'done'), item('c', 'done')];
    expect(dropOffer(['a', 'b', 'c'], items, new Set(['old', 'a', 'b', 'c']))).toEqual(['a', 'b', 'c']);
  });

  it('waits while one of them is queued, uploading, paused or verifying', () => {
    for (const state of ['queued', 'uploading', 'paused', 'verifying'] as const) {
      const items = [item('a', 'done'), item('b', 'done'), item('c', state)];
      expect(dropOffer(['a', 'b', 'c'], items, new Set(['a', 'b']))).toEqual([]);
    }
  });

  it('leaves out failed, cancelled and unshareable rows, and offers nothing for fewer than two', () => {
    const items = [item('a', 'done'), item('b', 'failed'), item('c', 'done'), item('d', 'cancelled')];
    expect(dropOffer(['a', 'b', 'c', 'd'], items, new Set(['a', 'c']))).toEqual(['a', 'c']);
    expect(dropOffer(['a', 'b', 'c', 'd'], items, new Set(['a']))).toEqual([]);
    expect(dropOffer(['a'], [item('a', 'done')], new Set(['a']))).toEqual([]);
  });

  it('offers nothing once the drop’s rows are cleared from the list', () => {
    expect(dropOffer(['a', 'b'], [earlier], new Set(['old']))).toEqual([]);
  });
});
