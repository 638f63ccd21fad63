import { describe, expect, it } from 'vitest';
import { parseAccessLogLine } from '../../../src-main/links/receipts/accessLogLine.ts';
import { opensIn } from '../../../src-main/links/receipts/receiptReader.ts';
import { signatureHashOf } from '../../../src-main/links/signatureHash.ts';
import { formatAccessLogLine, type AccessLogRecord } from '../../../src-main/sandbox/oss/accessLog/format.ts';

const base: AccessLogRecord = {
  remoteIp: '203.0.113.9',
  time: Date.UTC(2026, 11, 4, 6, 5, 7),
  method: 'GET',
  requestUri: '/acme/report.pdf?x-oss-date=20261204T060000Z&x-oss-signature=abc123',
  httpVersion: '1.1',
  status: 200,
  sentBytes: 10,
  requestTimeMs: 3,
  referer: undefined,
  userAgent: 'Mozilla/5.0 (Windows NT 10.0) "quoted"',
  host: 'acme.oss-cn-hangzhou.aliyuncs.com',
  requestId: 'R1',
  requesterId: undefined,
  operation: 'GetObject',
  bucket: 'acme',
  key: 'report.pdf',
  objectSize: 10,
  serverCostMs: 3,
  errorCode: undefined,
  requestLength: 100,
  ownerId: '1',
  deltaDataSize: undefined,
  storageClass: 'Standard',
  accessKeyId: undefined,
};

describe('OSS access-log lines', () => {
  it('reads the fields receipts need from a documented line (time in +0800)', () => {
    const line = parseAccessLogLine(formatAccessLogLine(base))!;
    expect(line).toMatchObject({ remoteIp: '203.0.113.9', time: base.time, method: 'GET', requestUri: base.requestUri, status: 200, operation: 'GetObject' });
    expect(line.userAgent).toBe('Mozilla/5.0 (Windows NT 10.0) %22quoted%22');
    // The sample line of OSS's Logging page.
    const sample = '192.168.0.1 - - [03/Jan/2012:16:12:07 +0800] "GET /aliyun-logo.png HTTP/1.1" 200 5576 68 "-" "curl/7.15.5" "oss-example.oss-cn-hangzhou.aliyuncs.com" "7F4C1F8C5ED59F77F46D2C7B" "true" "-" "GetObject" "oss-example" "aliyun-logo.png" 5576 23 "-" 248 "1234567890123456" - "-" "-" "-" "-" "-"';
    expect(parseAccessLogLine(sample)).toMatchObject({ remoteIp: '192.168.0.1', time: Date.UTC(2012, 0, 3, 8, 12, 7), status: 200, userAgent: 'curl/7.15.5' });
    for (const junk of ['', 'hello', '1.2.3.4 - - [xx] "GET / HTTP/1.1" 200']) expect(parseAccessLogLine(junk)).toBeUndefined();
  });

  it('counts successful GETs of a known signature; not failures, other methods, unknown links or Ferry\'s own check', () => {
    const hash = signatureHashOf(base.requestUri)!;
    const hashes = new Map([[hash, ['link-1']]]);
    const lines = [
      formatAccessLogLine(base),
      formatAccessLogLine({ ...base, status: 206 }),
      formatAccessLogLine({ ...base, status: 403 }),
      formatAccessLogLine({ ...base, method: 'HEAD' }),
      formatAccessLogLine({ ...base, requestUri: '/acme/report.pdf?x-oss-signature=other' }),
      formatAccessLogLine({ ...base, userAgent: 'Ferry-link-check/1' }),
    ].join('\n');
    expect(opensIn(lines, hashes).map((o) => o.linkId)).toEqual(['link-1', 'link-1']);
  });
});
