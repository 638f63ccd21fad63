import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Ledger, LEDGER_LIMIT, type StoredEntry } from '../../../src-main/links/ledger.ts';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'ferry-ledger-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

function entry(id: string, over: Partial<StoredEntry> = {}): StoredEntry {
  return { id, profileId: 'p1', objectKey: `k/${id}.txt`, name: `${id}.txt`, createdAt: 1000, expiresAt: 10_000, cappedBy: 'none', inline: false, stopped: false, ...over };
}

describe('ledger', () => {
  it('records entries in a JSON file that a new instance reads back', async () => {
    const ledger = new Ledger(home);
    await ledger.add(entry('a'));
    await ledger.add(entry('b', { sourceIp: '10.0.0.0/8', limitKBps: 500 }));
    const again = new Ledger(home);
    expect((await again.list()).map((e) => e.id)).toEqual(['a', 'b']);
    expect(await again.get('b')).toMatchObject({ sourceIp: '10.0.0.0/8', limitKBps: 500 });
    const raw = JSON.parse(await readFile(path.join(home, 'links.json'), 'utf8')) as { version: number };
    expect(raw.version).toBe(1);
  });

  it('serializes concurrent additions so none is lost', async () => {
    const ledger = new Ledger(home);
    await Promise.all(Array.from({ length: 40 }, (_, i) => ledger.add(entry(`e${i}`))));
    expect(await new Ledger(home).list()).toHaveLength(40);
  });

  it('sees what another Ferry process (the CLI) wrote meanwhile', async () => {
    const app = new Ledger(home);
    const cli = new Ledger(home);
    await app.add(entry('from-app'));
    await new Promise((r) => setTimeout(r, 20));
    await cli.add(entry('from-cli'));
    await app.add(entry('from-app-2'));
    expect((await cli.list()).map((e) => e.id)).toEqual(['from-app', 'from-cli', 'from-app-2']);
  });

  it('marks every link to an object stopped, counting only those still live', async () => {
    const ledger = new Ledger(home);
    await ledger.add(entry('live', { objectKey: 'same' }));
    await ledger.add(entry('old', { objectKey: 'same', expiresAt: 500 }));
    await ledger.add(entry('other-profile', { objectKey: 'same', profileId: 'p2' }));
    expect(await ledger.markStopped('p1', 'same', { at: 1000, mode: 'move', movedTo: 'moved-1/same' })).toBe(1);
    const all = await ledger.list();
    expect(all.find((e) => e.id === 'live')).toMatchObject({ stopped: true, stopMode: 'move', movedTo: 'moved-1/same', stoppedAt: 1000 });
    expect(all.find((e) => e.id === 'old')?.stopped).toBe(true);
    expect(all.find((e) => e.id === 'other-profile')?.stopped).toBe(false);
  });

  it('keeps the newest entries when it grows past its limit', async () => {
    const entries = Array.from({ length: LEDGER_LIMIT }, (_, i) => entry(`x${i}`));
    await writeFile(path.join(home, 'links.json'), JSON.stringify({ version: 1, entries }));
    const ledger = new Ledger(home);
    await ledger.add(entry('newest'));
    const list = await ledger.list();
    expect(list).toHaveLength(LEDGER_LIMIT);
    expect(list[0]?.id).toBe('x1');
    expect(list.at(-1)?.id).toBe('newest');
  });

  it('refuses a corrupted file instead of silently starting over', async () => {
    await writeFile(path.join(home, 'links.json'), '{"version":1,"entries":[{"id":1}]}');
    await expect(new Ledger(home).list()).rejects.toThrow();
  });
});
