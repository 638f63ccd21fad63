import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { uploadHarness } from './harness.ts';

describe('dropping a big folder', () => {
  it('starts sending while the folder is still being walked, not after the walk', async () => {
    const h = await uploadHarness();
    // Credentials warm, as in an app that has uploaded before: the first request is then the PUT itself.
    const warm = await h.write('warm.txt', 'warm');
    await h.until((await h.uploads.add([warm], { source: 'drop' })).ids[0]!);
    const putsBefore = h.company.servedOperations().PutObject ?? 0;
    // `a.txt` comes first in the walk; behind it, a sub-folder big enough that walking it takes far
    // longer than one PUT to a sandbox in this process.
    await h.write('Drop/a.txt', 'first');
    const slow = path.join(h.files, 'Drop', 'b-many');
    await mkdir(slow);
    for (let i = 0; i < 5000; i++) await writeFile(path.join(slow, `e${String(i).padStart(5, '0')}.txt`), '');
    let putSeenWhileAdding = false;
    let adding = true;
    const watch = setInterval(() => {
      if (adding && (h.company.servedOperations().PutObject ?? 0) > putsBefore) putSeenWhileAdding = true;
    }, 2);
    const reply = await h.uploads.add([path.join(h.files, 'Drop')], { source: 'drop' }).finally(() => {
      adding = false;
      clearInterval(watch);
    });
    expect(reply.accepted).toBe(5001);
    expect(putSeenWhileAdding).toBe(true);
    await h.uploads.cancelAll();
  }, 120_000);
});
