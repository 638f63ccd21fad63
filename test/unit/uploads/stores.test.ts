import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckpointStore, type Checkpoint } from '../../../src-main/uploads/checkpointStore.ts';
import { UploadHistory } from '../../../src-main/uploads/history.ts';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'ferry-upload-stores-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const checkpoint = (parts: number): Checkpoint => ({
  v: 1,
  id: 'u1',
  profileId: 'p1',
  bucket: 'b',
  path: '/x/big.bin',
  name: 'big.bin',
  key: 'k/big.bin',
  file: { size: 1000, mtimeMs: 1, ino: 2, dev: 3 },
  uploadId: 'UP',
  partSize: 100,
  parts: Array.from({ length: parts }, (_, i) => ({ number: parts - i, etag: `"E${i}"`, crc: String(i), size: 100 })),
  createdAt: 5,
});

describe('checkpoint store', () => {
  it('keeps the newest of rapid saves, sorted by part number, and forgets on remove', async () => {
    const store = new CheckpointStore(home);
    await Promise.all([1, 2, 3, 4, 5].map((n) => store.save(checkpoint(n))));
    const [saved] = await store.list();
    expect(saved!.parts.map((p) => p.number)).toEqual([1, 2, 3, 4, 5]);
    await store.remove('u1');
    expect(await store.list()).toEqual([]);
  });

  it('drops a damaged checkpoint instead of resuming from it', async () => {
    const dir = path.join(home, 'uploads', 'checkpoints');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'bad.json'), '{"v":1,');
    const store = new CheckpointStore(home);
    await store.save(checkpoint(1));
    expect((await store.list()).map((c) => c.id)).toEqual(['u1']);
  });
});

describe('upload history', () => {
  it('lists recent uploads newest first, tells listeners, and persists', async () => {
    const history = new UploadHistory(home);
    const seen: number[] = [];
    history.onChange((entries) => seen.push(entries.length));
    for (let i = 0; i < 3; i++) {
      await history.add({ id: `u${i}`, objectKey: `k/${i}.txt`, name: `${i}.txt`, size: i * 10, finishedAt: i, profileId: 'p', bucket: 'b' });
    }
    expect(history.recent(2).map((e) => e.name)).toEqual(['2.txt', '1.txt']);
    expect(history.sizeOf('p', 'k/1.txt')).toBe(10);
    expect(history.sizeOf('other', 'k/1.txt')).toBeUndefined();
    expect(seen).toEqual([1, 2, 3]);
    await history.flush();
    const again = new UploadHistory(home);
    await again.load();
    expect(again.recent(5).map((e) => e.objectKey)).toEqual(['k/2.txt', 'k/1.txt', 'k/0.txt']);
    expect(await readFile(path.join(home, 'uploads', 'history.json'), 'utf8')).not.toMatch(/secret|token/i);
  });
});
