import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCKET, expectOssError, KEYS, longTerm, ossClient, rawOss, startTestSandbox, testConfig, type Oss, type TestSandbox } from './harness.ts';

let t: TestSandbox;
let oss: Oss;
beforeAll(async () => {
  t = await startTestSandbox({ ...testConfig(), accessLogs: { deliveryIntervalSeconds: 0.3 } });
  oss = ossClient(t.sb, longTerm(KEYS.admin));
});
afterAll(() => t.stop());

/** Splits a log line into its fields: bare tokens, "quoted strings" and [bracketed time]. */
function fields(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|\[([^\]]*)\]|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** Waits (polling, no timing assertion) until the target prefix holds log lines matching `want`. */
async function logLines(client: Oss, prefix: string, want: (line: string) => boolean): Promise<string[]> {
  for (let i = 0; i < 200; i++) {
    const listed = (await client.list({ prefix }, {})).objects ?? [];
    const lines: string[] = [];
    for (const o of listed) lines.push(...(await client.get(o.name)).content.toString().split('\n').filter(Boolean));
    if (lines.some(want)) return lines;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no log line arrived under ${prefix}`);
}

describe('bucket logging', () => {
  it('PutBucketLogging / GetBucketLogging / DeleteBucketLogging through ali-oss', async () => {
    // ali-oss lib/bucket.js: putBucketLogging targets the bucket itself; getBucketLogging reads LoggingEnabled.
    expect(await oss.getBucketLogging(BUCKET)).toMatchObject({ enable: false, prefix: null });
    await oss.putBucketLogging(BUCKET, 'logs/');
    expect(await oss.getBucketLogging(BUCKET)).toMatchObject({ enable: true, prefix: 'logs/' });
    const res = await oss.deleteBucketLogging(BUCKET);
    expect(res.res.status).toBe(204);
    expect(await oss.getBucketLogging(BUCKET)).toMatchObject({ enable: false });
  });

  it('refuses a target bucket that does not exist, and callers without oss:PutBucketLogging', async () => {
    const body = '<BucketLoggingStatus><LoggingEnabled><TargetBucket>no-such-bucket</TargetBucket><TargetPrefix>x/</TargetPrefix></LoggingEnabled></BucketLoggingStatus>';
    const res = await rawOss(t.sb, KEYS.admin, 'PUT', `/${BUCKET}/`, { query: { logging: '' }, body, contentType: 'application/xml' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<Code>InvalidTargetBucketForLogging</Code>');
    const reader = ossClient(t.sb, longTerm(KEYS.reader));
    await expectOssError(reader.putBucketLogging(BUCKET, 'logs/'), 'AccessDenied', 403);
    expect(await reader.getBucketLogging(BUCKET)).toMatchObject({ enable: false });
  });

  it('writes each request to the target bucket in the OSS access-log format: a GET of a shared object with URI, status and time', async () => {
    const body = `<BucketLoggingStatus><LoggingEnabled><TargetBucket>other-bucket</TargetBucket><TargetPrefix>access/</TargetPrefix></LoggingEnabled></BucketLoggingStatus>`;
    expect((await rawOss(t.sb, KEYS.admin, 'PUT', `/${BUCKET}/`, { query: { logging: '' }, body, contentType: 'application/xml' })).status).toBe(200);
    await oss.put('shared/report v2.pdf', Buffer.from('pdf bytes'));
    const link = oss.signatureUrl('shared/report v2.pdf', { expires: 600 });
    const before = Date.now();
    const got = await fetch(link, { headers: { 'User-Agent': 'receipt-test/1.0', Referer: 'https://mail.example/' } });
    expect(got.status).toBe(200);
    await got.arrayBuffer();
    expect((await fetch(`${t.sb.ossEndpoint}/${BUCKET}/shared/missing.pdf`)).status).toBe(403);

    const target = ossClient(t.sb, longTerm(KEYS.admin), { bucket: 'other-bucket' });
    const requestPath = new URL(link).pathname;
    const lines = await logLines(target, `access/${BUCKET}`, (l) => l.includes('"GetObject"') && l.includes('missing.pdf'));
    const names = (await target.list({ prefix: `access/${BUCKET}` }, {})).objects.map((o: { name: string }) => o.name);
    // <TargetPrefix><SourceBucket>YYYY-mm-DD-HH-MM-SS-UniqueString
    for (const n of names) expect(n).toMatch(new RegExp(`^access/${BUCKET}\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-[0-9A-F]+$`));

    const get = fields(lines.find((l) => l.includes('"GetObject"') && l.includes(' 200 '))!);
    // Field order of OSS "Logging" (help.aliyun.com/document_detail/31868): Remote IP, -, -, Time, Request-URI,
    // HTTP Status, SentBytes, RequestTime, Referer, User-Agent, HostName, Request ID, LoggingFlag, Requester,
    // Operation, Bucket, Key, ObjectSize, ServerCostTime, ErrorCode, RequestLength, UserID, DeltaDataSize,
    // SyncRequest, StorageClass, TargetStorageClass, TransmissionAccelerationAccessPoint, AccessKeyID.
    expect(get).toHaveLength(28);
    expect(get[0]).toBe('127.0.0.1');
    expect(get.slice(1, 3)).toEqual(['-', '-']);
    const time = /^(\d{2})\/(\w{3})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) \+0800$/.exec(get[3]!);
    expect(time).not.toBeNull();
    const logged = Date.parse(`${time![2]} ${time![1]} ${time![3]} ${time![4]}:${time![5]}:${time![6]} GMT+0800`);
    expect(Math.abs(logged - before)).toBeLessThan(60_000);
    expect(get[4]).toBe(`GET ${requestPath}${new URL(link).search} HTTP/1.1`);
    expect(get[5]).toBe('200');
    expect(get[6]).toBe('9');
    expect(get[8]).toBe('https://mail.example/');
    expect(get[9]).toBe('receipt-test/1.0');
    expect(get[12]).toBe('true');
    expect(get.slice(14, 18)).toEqual(['GetObject', BUCKET, encodeURIComponent('shared/report v2.pdf'), '9']);
    expect(get[19]).toBe('-');
    expect(get[21]).toBe(t.sb.accountId);
    expect(get[27]).toBe(KEYS.admin.id);

    const denied = fields(lines.find((l) => l.includes('missing.pdf'))!);
    expect(denied[5]).toBe('403');
    expect(denied[13]).toBe('-');
    expect(denied[19]).toBe('AccessDenied');
    expect(denied[27]).toBe('-');

    const put = fields(lines.find((l) => l.includes('"PutObject"'))!);
    expect(put[22]).toBe('9');
  });

  it('stops logging after DeleteBucketLogging', async () => {
    await oss.putBucketLogging(BUCKET, 'selflog/');
    await oss.put('after/one.txt', Buffer.from('1'));
    await logLines(oss, `selflog/${BUCKET}`, (l) => l.includes('after/one.txt') || l.includes('after%2Fone.txt'));
    await oss.deleteBucketLogging(BUCKET);
    await oss.put('after/two.txt', Buffer.from('2'));
    await t.sb.flushAccessLogs();
    const listed = (await oss.list({ prefix: `selflog/${BUCKET}` }, {})).objects ?? [];
    let text = '';
    for (const o of listed) text += (await oss.get(o.name)).content.toString();
    expect(text).not.toContain('two.txt');
  });
});
