import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { bytes, download, listUploads, sha256, uploadHarness, type UploadHarness } from './harness.ts';

const PART = 256 * 1024;

async function reach(harness: UploadHarness, id: string, n: number, service = harness.uploads): Promise<void> {
  for (let i = 0; i < 5000; i++) {
    const item = service.item(id, 'en');
    if (item && item.bytesDone >= n) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`item ${id} never reached ${n} bytes`);
}

function countParts(harness: UploadHarness): () => number {
  const start = harness.company.faults.requestCount();
  return () => harness.company.faults.requestCount() - start;
}

/** Starts uploading a small file whose PUT the sandbox holds 800 ms; returns once the PUT has reached it. */
async function smallPutInFlight(harness: UploadHarness, name: string, content: string): Promise<string> {
  const file = await harness.write(name, content);
  const seen = countParts(harness);
  harness.company.faults.add({ method: 'PUT', pathIncludes: name, delayMs: 800, times: 1 });
  const { ids } = await harness.uploads.add([file], { source: 'drop' });
  for (let i = 0; i < 2000 && seen() < 1; i++) await new Promise((r) => setTimeout(r, 5));
  if (seen() < 1) throw new Error(`the PUT of ${name} never reached the sandbox`);
  return ids[0]!;
}

async function objectNames(harness: UploadHarness): Promise<string[]> {
  const listed = await (await harness.admin()).list({ prefix: 'shared/', 'max-keys': 100 }, {});
  return (listed.objects ?? []).map((o: { name: string }) => o.name);
}

describe('pause, resume, cancel', () => {
  it('pauses mid-upload keeping finished parts, then resumes to a verified object', async () => {
    const h = await uploadHarness();
    await h.services.settings.update({ partConcurrency: 1 });
    const data = bytes(10 * PART, 11);
    const file = await h.write('pausable.bin', data);
    h.company.faults.add({ method: 'PUT', pathIncludes: 'partNumber=4', delayMs: 500, times: 1 });
    const { ids } = await h.uploads.add([file], { source: 'drop' });
    const id = ids[0]!;
    await reach(h, id, 3 * PART);
    expect(h.uploads.pause(id)).toBe(1);
    const paused = await h.until(id, ['paused']);
    expect(paused.bytesDone).toBeGreaterThanOrEqual(3 * PART);
    expect(paused.bytesDone).toBeLessThan(data.length);
    const admin = await h.admin();
    const pending = await listUploads(admin);
    expect(pending).toHaveLength(1);
    expect((await admin.listParts(pending[0]!.name, pending[0]!.uploadId)).parts.length).toBeGreaterThanOrEqual(3);
    const requests = countParts(h);
    expect(h.uploads.resume(id)).toBe(1);
    const done = await h.until(id);
    expect(done.state).toBe('done');
    // ListParts + at most the 7 remaining parts (+ the one in flight at pause) + Complete
    expect(requests()).toBeLessThanOrEqual(1 + 8 + 1);
    expect(sha256(await download(admin, done.objectKey!))).toBe(sha256(data));
  });

  it('pauses a single streamed PUT mid-body (nothing half-written lands), then resumes to a verified object', async () => {
    const h = await uploadHarness({ tuning: { multipartThreshold: 64 * 1024 * 1024 } });
    const data = bytes(24 * 1024 * 1024, 31);
    const file = await h.write('single.bin', data);
    h.company.faults.add({ method: 'PUT', pathIncludes: 'single.bin', delayMs: 1500, times: 1 });
    const { ids } = await h.uploads.add([file], { source: 'drop' });
    const id = ids[0]!;
    await reach(h, id, 1);
    expect(h.uploads.pause(id)).toBe(1);
    expect(await h.until(id, ['paused'])).toMatchObject({ state: 'paused', bytesDone: 0 });
    const admin = await h.admin();
    const listed = await admin.list({ prefix: 'shared/', 'max-keys': 100 }, {});
    expect((listed.objects ?? []).map((o: { name: string }) => o.name)).toEqual([]);
    expect(h.uploads.resume(id)).toBe(1);
    const done = await h.until(id);
    expect(done.state).toBe('done');
    expect(sha256(await download(admin, done.objectKey!))).toBe(sha256(data));
  });

  it('cancel stops a small file\'s PUT in flight: nothing lands, even after the server would have answered', async () => {
    const h = await uploadHarness();
    const id = await smallPutInFlight(h, 'small-cancel.txt', 'a small file the user changed their mind about');
    expect(await h.uploads.cancel(id)).toBe(1);
    expect(h.uploads.item(id, 'en')).toMatchObject({ state: 'cancelled', bytesDone: 0 });
    await new Promise((r) => setTimeout(r, 1000)); // past the delayed PUT's answer
    expect(h.uploads.item(id, 'en')?.state).toBe('cancelled');
    expect(await objectNames(h)).toEqual([]);
  });

  it('pause stops a small file\'s PUT in flight; resume sends it once, under its own name', async () => {
    const h = await uploadHarness();
    const id = await smallPutInFlight(h, 'small-pause.txt', 'paused, then resumed');
    expect(h.uploads.pause(id)).toBe(1);
    expect(await h.until(id, ['paused'])).toMatchObject({ state: 'paused', bytesDone: 0 });
    await new Promise((r) => setTimeout(r, 1000));
    expect(await objectNames(h)).toEqual([]);
    expect(h.uploads.resume(id)).toBe(1);
    const done = await h.until(id);
    expect(done.state).toBe('done');
    expect(await objectNames(h)).toEqual([done.objectKey]);
    expect(done.objectKey).toMatch(/\/small-pause\.txt$/);
    expect((await download(await h.admin(), done.objectKey!)).toString()).toBe('paused, then resumed');
  });

  it('cancel aborts the multipart upload: ListMultipartUploads shows nothing', async () => {
    const h = await uploadHarness();
    await h.services.settings.update({ partConcurrency: 2 });
    const file = await h.write('cancel-me.bin', bytes(10 * PART, 12));
    h.company.faults.add({ method: 'PUT', pathIncludes: 'partNumber=5', delayMs: 2000, times: 1 });
    const { ids } = await h.uploads.add([file], { source: 'drop' });
    await reach(h, ids[0]!, 2 * PART);
    expect(await listUploads(await h.admin())).toHaveLength(1);
    expect(await h.uploads.cancel(ids[0]!)).toBe(1);
    expect(h.uploads.item(ids[0]!, 'en')).toMatchObject({ state: 'cancelled', bytesDone: 0 });
    expect(await listUploads(await h.admin())).toEqual([]);
  });

  it('pause all / resume all / cancel all, and cancel of a paused multipart upload', async () => {
    const h = await uploadHarness();
    await h.services.settings.update({ partConcurrency: 1, fileConcurrency: 1 });
    const a = await h.write('all-a.bin', bytes(6 * PART, 13));
    const b = await h.write('all-b.bin', bytes(6 * PART, 14));
    h.company.faults.add({ method: 'PUT', pathIncludes: 'partNumber=2', delayMs: 300, times: 1 });
    const { ids } = await h.uploads.add([a, b], { source: 'drop' });
    await reach(h, ids[0]!, PART);
    expect(h.uploads.pauseAll()).toBe(2);
    await h.until(ids[0]!, ['paused']);
    expect(h.uploads.item(ids[1]!, 'en')?.state).toBe('paused');
    expect(h.uploads.resumeAll()).toBe(2);
    await h.until(ids[0]!, ['uploading', 'done']);
    expect(await h.uploads.cancelAll()).toBeGreaterThanOrEqual(1);
    for (const id of ids) expect(['cancelled', 'done']).toContain(h.uploads.item(id, 'en')?.state);
    expect(await listUploads(await h.admin())).toEqual([]);
    expect(await h.uploads.clearFinished()).toBe(2);
    expect(await h.uploads.list('en')).toEqual([]);
  });

  it('a new service in the same data folder resumes a saved checkpoint (reconciled with ListParts)', async () => {
    const h = await uploadHarness();
    await h.services.settings.update({ partConcurrency: 1 });
    const data = bytes(8 * PART, 15);
    const file = await h.write('restart.bin', data);
    h.company.faults.add({ method: 'PUT', pathIncludes: 'partNumber=4', delayMs: 400, times: 1 });
    const { ids } = await h.uploads.add([file], { source: 'drop' });
    await reach(h, ids[0]!, 3 * PART);
    await h.uploads.close(); // quit: transfers stop, the checkpoint stays
    const next = h.restart();
    const requests = countParts(h);
    expect(await next.resumeSaved()).toBe(1);
    const done = await h.until(ids[0]!);
    expect(done.state).toBe('done');
    expect(done.notice).toMatch(/Continued/);
    expect(requests()).toBeLessThanOrEqual(1 + 5 + 1);
    expect(sha256(await download(await h.admin(), done.objectKey!))).toBe(sha256(data));
  });

  it('an upload the user paused stays paused after a restart, and resumes on request', async () => {
    const h = await uploadHarness();
    await h.services.settings.update({ partConcurrency: 1 });
    const data = bytes(6 * PART, 16);
    const file = await h.write('paused-restart.bin', data);
    h.company.faults.add({ method: 'PUT', pathIncludes: 'partNumber=3', delayMs: 400, times: 1 });
    const { ids } = await h.uploads.add([file], { source: 'drop' });
    await reach(h, ids[0]!, 2 * PART);
    h.uploads.pause(ids[0]!);
    await h.until(ids[0]!, ['paused']);
    await h.uploads.close();
    const next = h.restart();
    expect(await next.resumeSaved()).toBe(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(next.item(ids[0]!, 'en')).toMatchObject({ state: 'paused' });
    expect(next.resume(ids[0]!)).toBe(1);
    const done = await h.until(ids[0]!);
    expect(done.state).toBe('done');
    expect(sha256(await download(await h.admin(), done.objectKey!))).toBe(sha256(data));
  });

  it('files that were queued but not yet sent carry on after a restart; a user-paused one stays paused, a deleted one says so', async () => {
    const h = await uploadHarness();
    await h.services.settings.update({ fileConcurrency: 1, partConcurrency: 1 });
    const files = await Promise.all([0, 1, 2, 3, 4].map((i) => h!.write(`queued/q${i}.txt`, `queued file ${i}`)));
    h.company.faults.add({ method: 'PUT', pathIncludes: 'q0.txt', delayMs: 800, times: 1 });
    const { ids } = await h.uploads.add(files, { source: 'drop' });
    expect(h.uploads.item(ids[1]!, 'en')?.state).toBe('queued');
    expect(h.uploads.pause(ids[2]!)).toBe(1);
    await h.uploads.close();
    expect(ids.slice(1).map((id) => h!.uploads.item(id, 'en')?.state)).toEqual(['queued', 'paused', 'queued', 'queued']);
    await rm(files[4]!);
    const next = h.restart();
    // q0 was stopped mid-request by the quit, so it is sent again too
    expect(await next.resumeSaved()).toBe(5);
    expect(next.item(ids[2]!, 'en')).toMatchObject({ state: 'paused', name: 'q2.txt' });
    expect(next.item(ids[4]!, 'en')).toMatchObject({ state: 'failed' });
    expect(next.item(ids[4]!, 'en')?.error?.message).toMatch(/q4\.txt/);
    for (const id of [ids[0]!, ids[1]!, ids[3]!]) expect((await h.until(id)).state).toBe('done');
    expect(next.item(ids[0]!, 'en')?.objectKey).toMatch(/\/q0\.txt$/);
    const admin = await h.admin();
    expect((await download(admin, next.item(ids[1]!, 'en')!.objectKey!)).toString()).toBe('queued file 1');
    expect(next.resume(ids[2]!)).toBe(1);
    expect((await h.until(ids[2]!)).state).toBe('done');
  });

  it('a "replace" upload resumed after a restart still replaces (no "(2)" copy)', async () => {
    const h = await uploadHarness();
    await h.services.settings.update({ partConcurrency: 1 });
    const first = await h.write('report.bin', bytes(6 * PART, 21));
    const original = await h.uploads.add([first], { source: 'drop' });
    const key = (await h.until(original.ids[0]!)).objectKey!;
    const data = bytes(6 * PART, 22);
    await h.write('report.bin', data);
    h.company.faults.add({ method: 'PUT', pathIncludes: 'partNumber=3', delayMs: 400, times: 1 });
    const { ids } = await h.uploads.add([first], { source: 'drop', collision: 'replace' });
    await reach(h, ids[0]!, 2 * PART);
    await h.uploads.close();
    const next = h.restart();
    expect(await next.resumeSaved()).toBe(1);
    const done = await h.until(ids[0]!);
    expect(done).toMatchObject({ state: 'done', objectKey: key });
    expect(sha256(await download(await h.admin(), key))).toBe(sha256(data));
  });
});
