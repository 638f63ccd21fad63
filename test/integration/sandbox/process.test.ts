import { createHmac, randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { crc64 } from '../../../src-main/crc64/crc64.ts';
import { tempDir } from '../../support/integrationHarness.ts';
import { spawnSandbox } from './childSandbox.ts';
import { assumeRole, BUCKET, expectOssError, KEYS, longTerm, ossClient, testConfig } from './harness.ts';

/** Starts a V1-signed streaming PUT and returns the request so the test can write slowly. */
function streamingPut(endpoint: string, resource: string, query: Record<string, string>, length: number) {
  const date = new Date().toUTCString();
  const sub = Object.entries(query).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v}`).join('&');
  const canonical = sub ? `${resource}?${sub}` : resource;
  const sig = createHmac('sha1', KEYS.admin.secret).update(`PUT\n\n\n${date}\n${canonical}`).digest('base64');
  const req = request(`${endpoint}${resource}${sub ? `?${sub}` : ''}`, {
    method: 'PUT',
    headers: { Date: date, Authorization: `OSS ${KEYS.admin.id}:${sig}`, 'Content-Length': String(length) },
  });
  const settled = new Promise<void>((resolve) => {
    req.on('error', () => resolve());
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve());
    });
  });
  return { req, settled };
}

describe('ferry sandbox (child process)', () => {
  it('prints exactly one JSON line, serves the demo setup, and finishes in-flight requests on SIGTERM', async () => {
    const { dir: home } = await tempDir('sandbox-proc');
    const { child, announcement, extraLines, exited } = await spawnSandbox(home, ['--port', '0']);
    expect(Object.keys(announcement).sort()).toEqual(['accessKeyId', 'accessKeySecret', 'bucket', 'ossEndpoint', 'region', 'roleArn', 'stsEndpoint']);
    expect(announcement.ossEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(announcement.roleArn).toMatch(/^acs:ram::\d{16}:role\/ferry-demo$/);
    const demo = { id: announcement.accessKeyId!, secret: announcement.accessKeySecret! };
    const sb = { ...announcement, accountId: announcement.roleArn!.split(':')[3]! } as never;
    // The demo user may only AssumeRole; its token may use the demo bucket.
    await expectOssError(ossClient(sb, longTerm(demo), { bucket: announcement.bucket! }).put('x.txt', Buffer.from('x')), 'AccessDenied', 403);
    const creds = await assumeRole(sb, demo, 'ferry-demo');
    const c = ossClient(sb, creds, { bucket: announcement.bucket! });
    await c.put('slow.bin', randomBytes(150 * 1024));

    const url = c.signatureUrl('slow.bin', { expires: 60, trafficLimit: 819_200 });
    // Once the headers are back the body is still streaming (150 KB at 100 KB/s): the request is in flight.
    const response = await fetch(url);
    child.kill('SIGTERM');
    expect({ status: response.status, size: (await response.arrayBuffer()).byteLength }).toEqual({ status: 200, size: 150 * 1024 });
    expect(await exited).toBe(0);
    expect(extraLines).toEqual([]);

    // A restart in the same data folder keeps the same demo key and the object.
    const again = await spawnSandbox(home, ['--port', '0']);
    expect(again.announcement.accessKeyId).toBe(announcement.accessKeyId);
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
  });

  it('rejects a bad config file with a plain-language error and exit code 1', async () => {
    const { dir: home } = await tempDir('sandbox-proc');
    await expect(spawnSandbox(home, [], { roles: [{ name: 'r', maxSessionDuration: 5 }] })).rejects.toThrow(/roles\.0\.maxSessionDuration/);
  });

  it('after SIGKILL mid-upload, no partial object is visible and completed ones read back intact', async () => {
    const { dir: home } = await tempDir('sandbox-proc');
    const data = path.join(home, 'data');
    const first = await spawnSandbox(home, ['--data', data], testConfig());
    const ep = first.announcement.ossEndpoint;
    const sb = { ...first.announcement, accountId: '1234567890123456' } as never;
    const c = ossClient(sb, longTerm(KEYS.admin));
    const done = randomBytes(1024 * 1024);
    await c.put('done.bin', done);
    const { uploadId } = await c.initMultipartUpload('multi.bin');
    const part1 = randomBytes(200 * 1024);
    await c.uploadPart('multi.bin', uploadId, 1, part1, 0, part1.length);

    // Large PutObject of a new key, an overwrite of done.bin, and part 2: each half sent, then SIGKILL.
    const uploads = [
      streamingPut(ep, `/${BUCKET}/partial.bin`, {}, 8 * 1024 * 1024),
      streamingPut(ep, `/${BUCKET}/done.bin`, {}, 4 * 1024 * 1024),
      streamingPut(ep, `/${BUCKET}/multi.bin`, { partNumber: '2', uploadId }, 4 * 1024 * 1024),
    ];
    for (const u of uploads) u.req.write(randomBytes(2 * 1024 * 1024));
    // Kill only once the server is writing all three bodies to its temp files.
    const tmp = path.join(data, 'oss', 'tmp');
    await vi.waitFor(() => expect(readdirSync(tmp).filter((f) => statSync(path.join(tmp, f)).size > 0)).toHaveLength(3), { timeout: 20_000, interval: 20 });
    first.child.kill('SIGKILL');
    await first.exited;
    await Promise.all(uploads.map((u) => u.settled));

    const second = await spawnSandbox(home, ['--data', data], testConfig());
    try {
      const c2 = ossClient({ ...second.announcement, accountId: '1234567890123456' } as never, longTerm(KEYS.admin));
      await expectOssError(c2.head('partial.bin'), 'NoSuchKey', 404);
      const back = await c2.get('done.bin');
      expect(Buffer.compare(back.content, done)).toBe(0);
      expect(back.res.headers['x-oss-hash-crc64ecma']).toBe(crc64(done).toString());
      const listed = await c2.list({ 'max-keys': 100 }, {});
      expect(listed.objects.map((o: { name: string }) => o.name)).toEqual(['done.bin']);
      // ali-oss hands back a single <Part> as an object rather than a list.
      const parts = { parts: [(await c2.listParts('multi.bin', uploadId, {}, {})).parts].flat() };
      expect(parts.parts.map((p: { PartNumber: string; Size: string }) => [Number(p.PartNumber), Number(p.Size)])).toEqual([[1, 200 * 1024]]);
      const part2 = randomBytes(1000);
      const p2 = await c2.uploadPart('multi.bin', uploadId, 2, part2, 0, part2.length);
      const complete = await c2.completeMultipartUpload('multi.bin', uploadId, [{ number: 1, etag: parts.parts[0].ETag }, { number: 2, etag: p2.etag }]);
      expect(complete.res.headers['x-oss-hash-crc64ecma']).toBe(crc64(Buffer.concat([part1, part2])).toString());
      expect(readdirSync(path.join(data, 'oss', 'tmp'))).toEqual([]);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });
});
