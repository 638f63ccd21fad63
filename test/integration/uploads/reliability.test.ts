import { unlink, writeFile, chmod } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { crc64 } from '../../../src-main/crc64/crc64.ts';
import { ManualClock } from '../../../src-main/time/clock.ts';
import { bytes, download, listUploads, sha256, uploadHarness, type UploadHarness } from './harness.ts';

const PART = 256 * 1024;

/** Resolves once the item has at least `n` bytes confirmed. */
async function reach(harness: UploadHarness, id: string, n: number): Promise<void> {
  for (let i = 0; i < 5000; i++) {
    const item = harness.uploads.item(id, 'en');
    if (item && item.bytesDone >= n) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`item ${id} never reached ${n} bytes`);
}

describe('uploads survive failures', () => {
  it('completes through injected 503s and connection resets, CRC-64 verified', async () => {
    const h = await uploadHarness();
    const big = bytes(8 * PART + 1000, 3);
    const small = bytes(200 * 1024, 4);
    const bigPath = await h.write('flaky-big.bin', big);
    const smallPath = await h.write('flaky-small.bin', small);
    h.company.faults.add({ method: 'PUT', status: 503, times: 3 });
    h.company.faults.add({ method: 'PUT', pathIncludes: 'partNumber=3', resetAfterBytes: 100_000, times: 1 });
    h.company.faults.add({ method: 'PUT', pathIncludes: 'flaky-small.bin', resetAfterBytes: 50_000, times: 1 });
    h.company.faults.add({ method: 'POST', pathIncludes: 'uploadId', status: 500, times: 1 });
    const { ids } = await h.uploads.add([bigPath, smallPath], { source: 'drop' });
    const [a, b] = await Promise.all(ids.map((id) => h!.until(id)));
    expect(a).toMatchObject({ state: 'done', bytesDone: big.length });
    expect(b).toMatchObject({ state: 'done', bytesDone: small.length });
    const admin = await h.admin();
    expect((await admin.head(a!.objectKey!)).res.headers['x-oss-hash-crc64ecma']).toBe(crc64(big).toString());
    expect(sha256(await download(admin, a!.objectKey!))).toBe(sha256(big));
    expect(sha256(await download(admin, b!.objectKey!))).toBe(sha256(small));
    expect(await listUploads(admin)).toEqual([]);
  });

  it('renews an upload token that expires mid-upload and carries on', async () => {
    const start = Date.now();
    // Sandbox time stands still 5 s behind: the 15-minute token it issues expires at start + 895 s.
    const sandboxClock = new ManualClock(start - 5_000);
    const h = await uploadHarness({ sandboxClock, sessionDurationSeconds: 900 });
    const data = bytes(8 * PART, 5);
    const file = await h.write('long.bin', data);
    await h.services.settings.update({ partConcurrency: 1 });
    h.company.faults.add({ method: 'PUT', pathIncludes: 'partNumber=3', delayMs: 1500, times: 1 });
    const { ids } = await h.uploads.add([file], { source: 'drop' });
    await reach(h, ids[0]!, 2 * PART);
    const callsBefore = h.services.broker.assumeRoleCalls;
    // Sandbox time passes the token's expiry while requests signed in the last few seconds (whole seconds)
    // stay inside the 15-minute skew window: OSS answers SecurityTokenExpired, the broker still trusts it.
    sandboxClock.set(Date.now() + 897_000);
    const item = await h.until(ids[0]!);
    sandboxClock.set(Date.now());
    expect(item.state).toBe('done');
    expect(h.services.broker.assumeRoleCalls).toBeGreaterThan(callsBefore);
    expect(sha256(await download(await h.admin(), item.objectKey!))).toBe(sha256(data));
  });

  it('a network that stays down fails the file with a plain message (en, zh-CN) after its retries; Retry finishes once it is back', async () => {
    const h = await uploadHarness({ random: () => 0 }); // shortest backoff: 125 ms, 250 ms, … (6 attempts)
    const data = bytes(40_000, 41);
    const file = await h.write('offline.txt', data);
    h.company.faults.add({ method: 'PUT', pathIncludes: 'offline.txt', resetAfterBytes: 0 });
    const { ids } = await h.uploads.add([file], { source: 'drop' });
    const failed = await h.until(ids[0]!);
    expect(failed.state).toBe('failed');
    expect(failed.bytesDone).toBe(0);
    expect(failed.error?.message).toMatch(/connection to 127\.0\.0\.1.*was cut off\. Try again/);
    expect(h.uploads.item(ids[0]!, 'zh-CN')?.error?.message).toMatch(/连接被中断/);
    expect(h.company.faults.requestCount()).toBeGreaterThanOrEqual(6);
    h.company.faults.clear();
    expect(h.uploads.retry(ids[0]!)).toBe(1);
    const done = await h.until(ids[0]!);
    expect(done.state).toBe('done');
    expect(sha256(await download(await h.admin(), done.objectKey!))).toBe(sha256(data));
  });

  it('fails a file deleted mid-upload with a plain message, leaving no parts behind', async () => {
    const h = await uploadHarness();
    const file = await h.write('vanishing.bin', bytes(6 * PART, 6));
    await h.services.settings.update({ partConcurrency: 1 });
    h.company.faults.add({ method: 'PUT', pathIncludes: 'partNumber=2', delayMs: 400, times: 1 });
    const { ids } = await h.uploads.add([file], { source: 'drop' });
    await reach(h, ids[0]!, PART);
    await unlink(file);
    const item = await h.until(ids[0]!);
    expect(item.state).toBe('failed');
    expect(item.error?.code).toBe('uploads.fileGone');
    expect(item.error?.message).toMatch(/vanishing\.bin.*no longer there/);
    expect(await listUploads(await h.admin())).toEqual([]);
  });

  it('starts over (and says so) when the file changes mid-upload; never mixes versions', async () => {
    const h = await uploadHarness();
    const file = await h.write('report.bin', bytes(6 * PART, 8));
    const changed = bytes(6 * PART, 9);
    await h.services.settings.update({ partConcurrency: 1 });
    h.company.faults.add({ method: 'PUT', pathIncludes: 'partNumber=2', delayMs: 400, times: 1 });
    const { ids } = await h.uploads.add([file], { source: 'drop' });
    await reach(h, ids[0]!, PART);
    await writeFile(file, changed);
    const item = await h.until(ids[0]!);
    expect(item.state).toBe('done');
    expect(item.notice).toMatch(/changed/);
    expect(sha256(await download(await h.admin(), item.objectKey!))).toBe(sha256(changed));
    expect(await listUploads(await h.admin())).toEqual([]);
  });

  it('gives an unreadable or missing file its own error while the rest upload', async () => {
    const h = await uploadHarness();
    const ok = await h.write('fine.txt', 'fine');
    const locked = await h.write('locked.txt', 'secret');
    await chmod(locked, 0o000);
    const missing = `${h.files}/not-there.txt`;
    const reply = await h.uploads.add([ok, locked, missing], { source: 'drop' });
    expect(reply.rejected.map((r) => r.error.code)).toEqual(['uploads.fileGone']);
    expect(reply.rejected[0]!.error.message).toMatch(/not-there\.txt.*(Retry|again)/);
    await h.uploads.whenIdle();
    const items = await h.uploads.list('en');
    const state = (name: string) => items.find((i) => i.name === name);
    expect(state('fine.txt')?.state).toBe('done');
    expect(state('not-there.txt')).toMatchObject({ state: 'failed', error: { code: 'uploads.fileGone' } });
    if (process.getuid?.() === 0) {
      expect(state('locked.txt')?.state).toBe('done'); // root reads anything
    } else {
      expect(state('locked.txt')).toMatchObject({ state: 'failed', error: { code: 'uploads.unreadable' } });
      expect(state('locked.txt')?.error?.message).toMatch(/not allowed to read "locked\.txt"/);
    }
    await chmod(locked, 0o600);
    // Put the missing file back and Retry: it uploads.
    await h.write('not-there.txt', 'back again');
    const missingId = state('not-there.txt')!.id;
    expect(h.uploads.retry(missingId)).toBe(1);
    expect(await h.until(missingId)).toMatchObject({ state: 'done', size: 10, bytesDone: 10 });
  });
});
