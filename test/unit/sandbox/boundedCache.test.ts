import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../../src-main/sandbox/boundedCache.ts';

describe('BoundedCache', () => {
  it('keeps at most `limit` entries, forgetting the oldest first', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('a', 10);
    expect(cache.get('a')).toBe(10);
    cache.set('c', 3);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe(2);
    expect(cache.get('c')).toBe(3);
  });
});
