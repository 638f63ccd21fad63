import { describe, expect, it } from 'vitest';
import { SharedRuns } from '../../../src-main/sandbox/storage/directorySync.ts';

/** A work function whose runs the test finishes by hand, one at a time. */
function manualWork() {
  const finishes: ((error?: Error) => void)[] = [];
  const work = () =>
    new Promise<void>((resolve, reject) => {
      finishes.push((error) => (error ? reject(error) : resolve()));
    });
  return { work, finishes };
}

const settledState = async (p: Promise<void>): Promise<'pending' | 'done' | 'failed'> => {
  let state: 'pending' | 'done' | 'failed' = 'pending';
  p.then(
    () => (state = 'done'),
    () => (state = 'failed'),
  );
  for (let i = 0; i < 10; i++) await Promise.resolve();
  return state;
};

describe('SharedRuns (group commit of folder fsyncs)', () => {
  it('a request made while a run is going waits for a later run, which later requests share', async () => {
    const { work, finishes } = manualWork();
    const runs = new SharedRuns(work);
    const first = runs.request();
    expect(finishes).toHaveLength(1);
    const second = runs.request();
    const third = runs.request();
    expect(finishes).toHaveLength(1);
    finishes[0]!();
    expect(await settledState(first)).toBe('done');
    // The first run may have started before the second and third callers' renames: they need another.
    expect(await settledState(second)).toBe('pending');
    expect(finishes).toHaveLength(2);
    finishes[1]!();
    expect(await settledState(second)).toBe('done');
    expect(await settledState(third)).toBe('done');
    expect(runs.idle).toBe(true);
  });

  it('a failed run fails exactly the requests that waited for it', async () => {
    const { work, finishes } = manualWork();
    const runs = new SharedRuns(work);
    const first = runs.request();
    const second = runs.request();
    finishes[0]!(new Error('EIO'));
    expect(await settledState(first)).toBe('failed');
    expect(await settledState(second)).toBe('pending');
    finishes[1]!();
    expect(await settledState(second)).toBe('done');
  });

  it('starts a fresh run for a request after the last one finished', async () => {
    const { work, finishes } = manualWork();
    const runs = new SharedRuns(work);
    const first = runs.request();
    finishes[0]!();
    await first;
    const later = runs.request();
    expect(finishes).toHaveLength(2);
    finishes[1]!();
    await expect(later).resolves.toBeUndefined();
  });
});
