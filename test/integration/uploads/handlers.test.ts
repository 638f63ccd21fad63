import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildHandlerTable } from '../../../src-main/app/handlers/handlerTable.ts';
import { dispatch } from '../../../src-main/app/dispatch.ts';
import { download, uploadHarness, type UploadHarness } from './harness.ts';

type Item = { id: string; name: string; state: string; objectKey?: string };

/** Calls a channel the way the window does: through the real handler table, parsed both ways. */
async function call<T>(harness: UploadHarness, channel: string, argument?: unknown): Promise<T> {
  const envelope = await dispatch(buildHandlerTable(harness.services), channel, argument, { lang: 'en' });
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error);
  return envelope.value as T;
}

async function finished(harness: UploadHarness): Promise<Item[]> {
  await harness.services.uploads.whenIdle();
  return (await call<{ items: Item[] }>(harness, 'uploads.list')).items;
}

describe('uploads.* over the handler table', () => {
  it('uploads.drop (the preload channel) queues dropped paths; uploads.list shows them done, with no local paths', async () => {
    const h = await uploadHarness();
    const file = await h.write('drop/note.txt', 'dropped');
    const reply = await call<{ accepted: number; ids: string[] }>(h, 'uploads.drop', { paths: [file] });
    expect(reply.accepted).toBe(1);
    const items = await finished(h);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ name: 'note.txt', state: 'done' });
    expect(JSON.stringify(items)).not.toContain(h.files);
    expect((await download(await h.admin(), items[0]!.objectKey!)).toString()).toBe('dropped');
  });

  it('uploads.fromClipboard: copied files, then a copied picture saved as PNG, then a plain refusal', async () => {
    const h = await uploadHarness();
    h.ports.clipboard.filePaths = [await h.write('clip/copied.txt', 'copied')];
    expect((await call<{ accepted: number }>(h, 'uploads.fromClipboard')).accepted).toBe(1);
    h.ports.clipboard.filePaths = [];
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a60000000049454e44ae426082', 'hex');
    h.ports.clipboard.imagePng = png;
    expect((await call<{ accepted: number }>(h, 'uploads.fromClipboard')).accepted).toBe(1);
    const saved = await readdir(path.join(h.home, 'clipboard'));
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatch(/^clipboard-\d{8}-\d{6}\.png$/);
    const items = await finished(h);
    const image = items.find((i) => i.name.endsWith('.png'))!;
    expect(image.state).toBe('done');
    expect(await download(await h.admin(), image.objectKey!)).toEqual(png);
    expect(items.find((i) => i.name === 'copied.txt')?.state).toBe('done');
    h.ports.clipboard.imagePng = undefined;
    await expect(call(h, 'uploads.fromClipboard')).rejects.toMatchObject({ code: 'uploads.clipboardEmpty', message: expect.stringMatching(/Copy a file/) });
  });

  it('uploads.pick opens the picker and queues what was chosen; a cancelled picker queues nothing', async () => {
    const h = await uploadHarness();
    h.ports.dialog.nextOpen = [[await h.write('picked/a.txt', 'a'), await h.write('picked/b.txt', 'b')]];
    expect((await call<{ accepted: number }>(h, 'uploads.pick', { folders: false })).accepted).toBe(2);
    expect(h.ports.dialog.calls[0]).toMatchObject({ kind: 'open', options: { title: 'Choose files to upload', multiple: true } });
    expect((await call<{ accepted: number }>(h, 'uploads.pick')).accepted).toBe(0);
    expect((await finished(h)).map((i) => i.state)).toEqual(['done', 'done']);
    expect(await call(h, 'uploads.clearFinished')).toEqual({ changed: 2 });
    expect(await call(h, 'uploads.pause', { id: 'nope' })).toEqual({ changed: 0 });
    await expect(call(h, 'uploads.drop', { paths: [] })).rejects.toMatchObject({ code: 'app.invalidRequest' });
  });

  it('a 10,000-file drop does not flood the window: one event per 100 ms, changed items only', async () => {
    const h = await uploadHarness();
    const dir = path.join(h.files, 'huge');
    await mkdir(dir);
    for (let i = 0; i < 10_000; i++) await writeFile(path.join(dir, `f${i}.txt`), 'x');
    const started = Date.now();
    const reply = await call<{ accepted: number }>(h, 'uploads.drop', { paths: [dir] });
    expect(reply.accepted).toBe(10_000);
    // Files start while the folder is still walked: some may be done before the reply, the rest pause.
    const paused = (await call<{ changed: number }>(h, 'uploads.pauseAll')).changed;
    expect(paused).toBeGreaterThan(0);
    expect(paused).toBeLessThanOrEqual(10_000);
    await new Promise((r) => setTimeout(r, 600));
    const events = h.ports.events.emitted.filter((e) => e.event === 'uploads.changed');
    const elapsed = Date.now() - started;
    expect(events.length).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 1);
    const sizes = events.map((e) => (e.payload as { items: unknown[] }).items.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(10_000);
    // Once things settle, nothing is re-sent: later events carry only what changed.
    const settledAt = h.ports.events.emitted.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(h.ports.events.emitted.length - settledAt).toBeLessThanOrEqual(1);
    await call(h, 'uploads.cancelAll');
  });
});
