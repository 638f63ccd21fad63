import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src-main/time/clock.ts';
import { startSandbox } from '../../../src-main/sandbox/index.ts';
import { tempDir } from '../../support/integrationHarness.ts';
import { assumeRole, expectOssError, failure, KEYS, longTerm, ossClient, startTestSandbox, testConfig, type TestSandbox } from './harness.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ ...testConfig(), faults: [{ request: 3, status: 503 }] });
});
afterAll(() => t.stop());

describe('fault injection', () => {
  it('fails the Nth request with the configured status, once', async () => {
    const c = ossClient(t.sb, longTerm(KEYS.admin));
    await c.put('f.txt', Buffer.from('0123456789'.repeat(1000)));
    await c.head('f.txt');
    await expectOssError(c.head('f.txt'), 'ServiceUnavailable', 503);
    expect((await c.head('f.txt')).status).toBe(200);
    t.sb.faults.add({ method: 'GET', status: 500 });
    await expectOssError(c.get('f.txt'), 'InternalError', 500, 'We encountered an internal error. Please try again.');
    t.sb.faults.clear();
  });

  it('resets the connection after K bytes of a download or an upload', async () => {
    const c = ossClient(t.sb, longTerm(KEYS.admin));
    t.sb.faults.add({ method: 'GET', resetAfterBytes: 4000, times: 1 });
    const res = await fetch(c.signatureUrl('f.txt', { expires: 60 }));
    expect(res.status).toBe(200);
    await expect(res.arrayBuffer()).rejects.toThrow();
    t.sb.faults.add({ method: 'PUT', resetAfterBytes: 1000, times: 1 });
    const err = await failure(c.put('reset.txt', Buffer.alloc(200_000, 1)));
    expect(err.status).toBe(-1);
    await expectOssError(c.head('reset.txt'), 'NoSuchKey', 404);
  });

  it('applies STS faults to the STS endpoint only', async () => {
    t.sb.faults.add({ service: 'sts', status: 503, times: 1 });
    const err = await failure(assumeRole(t.sb, KEYS.assumer, 'uploader'));
    expect({ code: err.code, status: err.status }).toEqual({ code: 'ServiceUnavailable', status: 503 });
    expect((await assumeRole(t.sb, KEYS.assumer, 'uploader')).accessKeyId).toMatch(/^STS\./);
  });

  it('delays responses', async () => {
    t.sb.faults.add({ delayMs: 300, times: 1 });
    const started = Date.now();
    await ossClient(t.sb, longTerm(KEYS.admin)).head('f.txt');
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('dates a delayed reply when it is sent, not when the request arrived', async () => {
    const c = ossClient(t.sb, longTerm(KEYS.admin));
    t.sb.faults.add({ delayMs: 2500, times: 1 });
    const sent = Date.now();
    const delayed = await c.head('f.txt');
    // Sent ≥ 2.5 s after `sent`, and Date has whole seconds: at least 2 s past `sent`'s second.
    const date = Date.parse((delayed.res.headers as Record<string, string>)['date']!);
    expect(date).toBeGreaterThanOrEqual(Math.floor(sent / 1000) * 1000 + 2000);
    // The same for an error reply.
    const url = c.signatureUrl('f.txt', { expires: 60 });
    t.sb.faults.add({ delayMs: 2500, status: 503, times: 1 });
    const failedAt = Date.now();
    const failed = await fetch(url);
    expect(failed.status).toBe(503);
    expect(Date.parse(failed.headers.get('date')!)).toBeGreaterThanOrEqual(Math.floor(failedAt / 1000) * 1000 + 2000);
  });
});

describe('clock control', () => {
  it('follows an injected clock on every request, and a fixed `now` from config', async () => {
    const { dir } = await tempDir('sandbox-clock');
    const clock = new ManualClock(Date.now());
    const sb = await startSandbox({ dataDir: dir, config: testConfig(), clock });
    try {
      const c = ossClient(sb, longTerm(KEYS.admin));
      expect((await c.put('t.txt', Buffer.from('x'))).res.status).toBe(200);
      clock.advance(20 * 60_000);
      await expectOssError(c.head('t.txt'), 'RequestTimeTooSkewed', 403);
      sb.setNow(Date.now());
      expect((await c.head('t.txt')).status).toBe(200);
    } finally {
      await sb.close();
    }
    const fixed = await startSandbox({ dataDir: dir, config: { ...testConfig(), time: { now: '2020-01-01T00:00:00Z' } } });
    try {
      await expectOssError(ossClient(fixed, longTerm(KEYS.admin)).head('t.txt'), 'RequestTimeTooSkewed', 403);
      expect(new Date(fixed.now()).toISOString()).toBe('2020-01-01T00:00:00.000Z');
    } finally {
      await fixed.close();
    }
  });
});
