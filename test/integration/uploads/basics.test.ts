import { describe, expect, it } from 'vitest';
import { crc64 } from '../../../src-main/crc64/crc64.ts';
import { bytes, download, listUploads, sha256, uploadHarness } from './harness.ts';

describe('uploads against the sandbox', () => {
  it('uploads a small file and an empty file, verified, into the history', async () => {
    const h = await uploadHarness();
    const small = await h.write('hello.txt', 'hello, ferry');
    const empty = await h.write('empty.bin', Buffer.alloc(0));
    const reply = await h.uploads.add([small, empty], { source: 'drop' });
    expect(reply).toMatchObject({ accepted: 2, rejected: [] });
    const [a, b] = await Promise.all(reply.ids.map((id) => h!.until(id)));
    expect(a).toMatchObject({ state: 'done', size: 12, bytesDone: 12, name: 'hello.txt' });
    expect(b).toMatchObject({ state: 'done', size: 0, name: 'empty.bin' });
    expect(a!.objectKey).toMatch(/^shared\/[^/]+\/\d{4}-\d{2}\/hello\.txt$/);
    const admin = await h.admin();
    expect((await download(admin, a!.objectKey!)).toString()).toBe('hello, ferry');
    expect((await download(admin, b!.objectKey!)).length).toBe(0);
    const recent = h.uploads.history.recent(5);
    expect(recent.map((r) => r.name).sort()).toEqual(['empty.bin', 'hello.txt']);
    expect(recent[0]).toMatchObject({ profileId: h.profileId, bucket: 'acme-share' });
  });

  it('uploads a multipart file whose combined CRC-64 matches, and leaves no upload behind', async () => {
    const h = await uploadHarness({ tuning: { multipartThreshold: 1024 * 1024, partSize: 512 * 1024 } });
    const data = bytes(5 * 1024 * 1024 + 123, 7);
    const file = await h.write('big.bin', data);
    const { ids } = await h.uploads.add([file], { source: 'drop' });
    const item = await h.until(ids[0]!);
    expect(item.state).toBe('done');
    const admin = await h.admin();
    const head = await admin.head(item.objectKey!);
    expect(head.res.headers['x-oss-hash-crc64ecma']).toBe(crc64(data).toString());
    expect(head.res.headers['x-oss-object-type']).toBe('Multipart');
    expect(sha256(await download(admin, item.objectKey!))).toBe(sha256(data));
    expect(await listUploads(admin)).toEqual([]);
  });

  it('uploads 100 MB in 5 MB parts, verified end to end', async () => {
    const h = await uploadHarness({ tuning: { multipartThreshold: 8 * 1024 * 1024, partSize: 5 * 1024 * 1024 } });
    const data = bytes(100 * 1024 * 1024, 17);
    const file = await h.write('hundred.bin', data);
    const expected = crc64(data).toString();
    const { ids } = await h.uploads.add([file], { source: 'drop' });
    const item = await h.until(ids[0]!, undefined, 120_000);
    expect(item).toMatchObject({ state: 'done', size: data.length, bytesDone: data.length });
    const head = await (await h.admin()).head(item.objectKey!);
    expect(head.res.headers['x-oss-hash-crc64ecma']).toBe(expected);
    expect(Number(head.res.headers['content-length'])).toBe(data.length);
  }, 180_000);

  it('walks a folder with nested sub-folders, skipping OS clutter', async () => {
    const h = await uploadHarness();
    for (let i = 0; i < 30; i++) await h.write(`Team/${i % 3}/${i % 2 ? 'x' : 'y'}/file-${i}.txt`, `content ${i}`);
    await h.write('Team/.DS_Store', 'junk');
    await h.write('Team/1/Thumbs.db', 'junk');
    const reply = await h.uploads.add([`${h.files}/Team`], { source: 'drop' });
    expect(reply.accepted).toBe(30);
    const items = await Promise.all(reply.ids.map((id) => h!.until(id)));
    expect(items.every((i) => i.state === 'done')).toBe(true);
    const admin = await h.admin();
    const sample = items.find((i) => i.name === 'Team/2/y/file-2.txt')!;
    expect(sample.objectKey).toMatch(/\/Team\/2\/y\/file-2\.txt$/);
    expect((await download(admin, sample.objectKey!)).toString()).toBe('content 2');
  });

  it('uploads and downloads awkward names intact (+ % # ? & =, spaces, 中文, emoji, RTL, NFD → NFC)', async () => {
    const h = await uploadHarness();
    const names = ['a+b%20c#d?e&f=g.txt', 'two  spaces .txt', '季度报告 最终版.docx', 'party 🎉📁.png', 'עברית مرحبا.pdf', 'Cafe\u0301.txt'];
    const paths = [];
    for (const [i, name] of names.entries()) paths.push(await h.write(`odd/${name}`, `body ${i}`));
    const reply = await h.uploads.add(paths, { source: 'drop' });
    const items = await Promise.all(reply.ids.map((id) => h!.until(id)));
    const admin = await h.admin();
    for (const [i, item] of items.entries()) {
      expect(item.state).toBe('done');
      const expectedName = names[i]!.normalize('NFC');
      expect(item.objectKey!.endsWith(`/${expectedName}`)).toBe(true);
      expect((await download(admin, item.objectKey!)).toString()).toBe(`body ${i}`);
    }
    expect(items[5]!.objectKey!.endsWith('/Café.txt')).toBe(true);
  });

  it('keeps both when the name is taken: report (2).pdf, never overwriting', async () => {
    const h = await uploadHarness();
    const first = await h.write('a/report.pdf', 'first');
    const second = await h.write('b/report.pdf', 'second');
    const one = await h.until((await h.uploads.add([first], { source: 'drop' })).ids[0]!);
    const two = await h.until((await h.uploads.add([second], { source: 'drop' })).ids[0]!);
    expect(two.objectKey).toBe(one.objectKey!.replace('report.pdf', 'report (2).pdf'));
    const admin = await h.admin();
    expect((await download(admin, one.objectKey!)).toString()).toBe('first');
    expect((await download(admin, two.objectKey!)).toString()).toBe('second');
    const replaced = await h.until((await h.uploads.add([second], { source: 'drop', collision: 'replace' })).ids[0]!);
    expect(replaced.objectKey).toBe(one.objectKey);
    expect((await download(admin, one.objectKey!)).toString()).toBe('second');
  });

  it('batches progress events: at most ~10 a second, each with only changed items', async () => {
    const h = await uploadHarness();
    const paths = [];
    for (let i = 0; i < 200; i++) paths.push(await h.write(`many/f${i}.txt`, `n${i}`));
    const started = Date.now();
    const reply = await h.uploads.add(paths, { source: 'drop' });
    await h.uploads.whenIdle();
    await new Promise((r) => setTimeout(r, 150));
    const elapsed = Date.now() - started;
    const events = h.ports.events.emitted.filter((e) => e.event === 'uploads.changed');
    expect(events.length).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 2);
    const done = new Set<string>();
    for (const e of events) for (const item of (e.payload as { items: { id: string; state: string }[] }).items) if (item.state === 'done') done.add(item.id);
    expect(done.size).toBe(reply.ids.length);
  });
});
