import { appendFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PendingUploadsStore } from '../../../src-main/uploads/pendingStore.ts';
import type { QueueEntry, UploadState } from '../../../src-main/uploads/queueEntry.ts';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'ferry-pending-store-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const profile = { id: 'p1' } as QueueEntry['profile'];

function entry(i: number, state: UploadState = 'queued'): QueueEntry {
  const name = `Photos/part-${String(Math.floor(i / 1000)).padStart(3, '0')}/IMG_${String(i).padStart(6, '0')}.jpg`;
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    path: `/home/someone/Desktop/${name}`,
    name,
    baseKey: `uploads/alice/${name}`,
    profile,
    collision: 'keepBoth',
    source: 'drop',
    state,
    size: 0,
    bytesDone: 0,
    slots: 0,
    multipart: false,
  } as unknown as QueueEntry;
}

/** A queue as the service has one: a map the store reads from, changes told to the store. */
function queueWith(store: (entries: () => Iterable<QueueEntry>) => PendingUploadsStore) {
  const entries = new Map<string, QueueEntry>();
  const s = store(() => entries.values());
  return {
    store: s,
    entries,
    add(e: QueueEntry) {
      entries.set(e.id, e);
      s.observe(e, e.id);
    },
    set(id: string, change: Partial<QueueEntry>) {
      const e = entries.get(id)!;
      Object.assign(e, change);
      s.observe(e, id);
    },
    remove(id: string) {
      entries.delete(id);
      s.observe(undefined, id);
    },
  };
}

/**
 * Bytes that reached the queue file(s), from their stats after each write: a new inode (an atomic
 * rewrite) counts its whole size, the same inode counts what was appended.
 */
function writeMeter(dir: string) {
  const seen = new Map<string, { ino: number; size: number }>();
  let total = 0;
  return {
    async sample(): Promise<number> {
      for (const name of ['queue.json', 'queue.jsonl']) {
        const s = await stat(path.join(dir, name)).catch(() => undefined);
        if (!s) {
          seen.delete(name);
          continue;
        }
        const before = seen.get(name);
        total += before && before.ino === s.ino ? Math.max(0, s.size - before.size) : s.size;
        seen.set(name, { ino: s.ino, size: s.size });
      }
      return total;
    },
  };
}

describe('pending uploads store', () => {
  it('adding 10,000 entries in batches (some finishing on the way) writes each about once, not the whole queue per write', async () => {
    const q = queueWith((entries) => new PendingUploadsStore(home, entries));
    const meter = writeMeter(path.join(home, 'uploads'));
    const N = 10_000;
    const BATCH = 250;
    for (let i = 0; i < N; i += BATCH) {
      for (let j = i; j < i + BATCH; j++) q.add(entry(j));
      // the first tenth of what was queued uploads meanwhile
      for (let j = i / 10; j < (i + BATCH) / 10; j++) q.set(entry(j).id, { state: 'done' });
      await q.store.flush();
      await meter.sample();
    }
    const written = await meter.sample();
    // one line per entry is ~250 bytes: 10,000 entries ≈ 2.5 MB; rewriting the queue each time ≈ 50 MB
    expect(written).toBeLessThan(6_000_000);
    const loaded = await new PendingUploadsStore(home, () => []).load();
    expect(loaded).toHaveLength(N - N / 10);
    expect(new Set(loaded.map((u) => u.id))).toEqual(new Set([...q.entries.values()].filter((e) => e.state !== 'done').map((e) => e.id)));
  });

  it('a restart gets the same entries back, with the paused flag, profile, key, collision and source', async () => {
    const q = queueWith((entries) => new PendingUploadsStore(home, entries));
    for (let i = 0; i < 5; i++) q.add(entry(i));
    q.set(entry(1).id, { state: 'paused', userPaused: true });
    q.set(entry(2).id, { collision: 'replace', state: 'paused', userPaused: true });
    q.set(entry(2).id, { state: 'queued', userPaused: false });
    q.set(entry(3).id, { state: 'failed' });
    q.set(entry(4).id, { state: 'uploading', bytesDone: 10 });
    await q.store.flush();
    const loaded = await new PendingUploadsStore(home, () => []).load();
    expect(loaded.map((u) => [u.name.slice(-10), u.paused])).toEqual([
      ['000000.jpg', false],
      ['000001.jpg', true],
      ['000002.jpg', false],
      ['000004.jpg', false],
    ]);
    expect(loaded[0]).toEqual({ id: entry(0).id, path: entry(0).path, name: entry(0).name, profileId: 'p1', baseKey: entry(0).baseKey, collision: 'keepBoth', source: 'drop', paused: false });
  });

  it('ignores a torn last line (killed mid-append): the entries before it stay, nothing wrong is read', async () => {
    const q = queueWith((entries) => new PendingUploadsStore(home, entries));
    q.add(entry(0));
    q.add(entry(1));
    await q.store.flush();
    const file = path.join(home, 'uploads', 'queue.jsonl');
    await appendFile(file, '{"op":"remove","id":"' + entry(0).id.slice(0, 10));
    expect((await new PendingUploadsStore(home, () => []).load()).map((u) => u.id)).toEqual([entry(0).id, entry(1).id]);
    await appendFile(file, '\n{"op":"add","id":"x","path":"/etc/passwd"}\n');
    expect((await new PendingUploadsStore(home, () => []).load()).map((u) => u.id)).toEqual([entry(0).id, entry(1).id]);
  });

  it('rewrites the file with the live entries once finished ones outnumber them', async () => {
    const q = queueWith((entries) => new PendingUploadsStore(home, entries));
    for (let i = 0; i < 2000; i++) q.add(entry(i));
    await q.store.flush();
    for (let i = 0; i < 1900; i++) q.set(entry(i).id, { state: 'done' });
    q.set(entry(1950).id, { state: 'paused', userPaused: true });
    await q.store.flush();
    const lines = (await readFile(path.join(home, 'uploads', 'queue.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(100);
    const loaded = await new PendingUploadsStore(home, () => []).load();
    expect(loaded).toHaveLength(100);
    expect(loaded.filter((u) => u.paused).map((u) => u.id)).toEqual([entry(1950).id]);
    // and appends go on after the rewrite
    q.remove(entry(1999).id);
    await q.store.flush();
    expect(await new PendingUploadsStore(home, () => []).load()).toHaveLength(99);
  });

  it('reads a queue.json an older version wrote, and replaces it with the journal on the next start', async () => {
    const old = [entry(0), entry(1)].map((e, i) => ({ id: e.id, path: e.path, name: e.name, profileId: 'p1', baseKey: e.baseKey, collision: 'replace', source: 'picker', paused: i === 1 }));
    await mkdir(path.join(home, 'uploads'), { recursive: true });
    await writeFile(path.join(home, 'uploads', 'queue.json'), JSON.stringify({ v: 1, uploads: old }, null, 2));
    const q = queueWith((entries) => new PendingUploadsStore(home, entries));
    const loaded = await q.store.load();
    expect(loaded).toEqual(old);
    // what resumeSaved does: the entries back in the queue, then the file rewritten
    for (const u of loaded) q.entries.set(u.id, { ...entry(0), ...u, profile, userPaused: u.paused, state: u.paused ? 'paused' : 'queued' } as QueueEntry);
    for (const u of loaded) q.store.observe(q.entries.get(u.id), u.id);
    await q.store.compact();
    await expect(stat(path.join(home, 'uploads', 'queue.json'))).rejects.toThrow();
    expect(await new PendingUploadsStore(home, () => []).load()).toEqual(old);
  });

  it('an unreadable old queue.json costs a re-drop, never an error', async () => {
    await mkdir(path.join(home, 'uploads'), { recursive: true });
    await writeFile(path.join(home, 'uploads', 'queue.json'), '{"v":1,"uploads":[{"id"');
    expect(await new PendingUploadsStore(home, () => []).load()).toEqual([]);
  });
});
