import { describe, expect, it } from 'vitest';
import { entryForFile } from '../../../src-main/uploads/entryFactory.ts';
import type { Profile } from '../../../src-main/profile/profileModel.ts';

const profile = { id: 'p1' } as Profile;
const walked = { path: '/home/a/Photos/x.jpg', relative: 'Photos/x.jpg', size: 5, identity: { size: 5, mtimeMs: 1.5, ino: 7, dev: 9 } };

describe('entryForFile', () => {
  // A 100,000-file drop holds 100,000 entries: what each keeps is what the main process's memory peaks at.
  it('keeps the walked size and that it came from the walk, not the walk result or its stat identity', () => {
    const entry = entryForFile(walked, { profile, baseKey: 'k/Photos/x.jpg', collision: 'keepBoth', source: 'drop', multipart: false });
    expect(entry).toMatchObject({ path: walked.path, name: 'Photos/x.jpg', size: 5, walked: true, state: 'queued', bytesDone: 0, slots: 0 });
    expect(Object.values(entry)).not.toContain(walked.identity);
    expect(Object.values(entry).filter((v) => typeof v === 'object' && v !== null)).toEqual([profile]);
  });
});
