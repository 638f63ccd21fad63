import { describe, expect, it } from 'vitest';
import { formatAccessLogLine, logObjectKey, logTime, type AccessLogRecord } from '../../../src-main/sandbox/oss/accessLog/format.ts';

const record: AccessLogRecord = {
  remoteIp: '119.140.142.11',
  time: Date.UTC(2012, 4, 1, 16, 0, 4),
  method: 'GET',
  requestUri: '/aliyun-logo.png',
  httpVersion: '1.1',
  status: 200,
  sentBytes: 5576,
  requestTimeMs: 71,
  referer: 'http://www.aliyun.com/product/oss',
  userAgent: 'curl/7.15.5',
  host: 'oss-example.oss-cn-hangzhou.aliyuncs.com',
  requestId: '505B01695037C2AF032593A4',
  requesterId: '1657136103983691',
  operation: 'GetObject',
  bucket: 'oss-example',
  key: 'aliyun-logo.png',
  objectSize: 5576,
  serverCostMs: 17,
  errorCode: undefined,
  requestLength: 302,
  ownerId: '1657136103983691',
  deltaDataSize: undefined,
  storageClass: 'Standard',
  accessKeyId: 'EXAMPLE-ACCESS-KEY-ID',
};

describe('OSS access log line', () => {
  it('lays the fields out in the documented order (help.aliyun.com/document_detail/31868)', () => {
    expect(formatAccessLogLine(record)).toBe(
      '119.140.142.11 - - [02/May/2012:00:00:04 +0800] "GET /aliyun-logo.png HTTP/1.1" 200 5576 71 "http://www.aliyun.com/product/oss" ' +
        '"curl/7.15.5" "oss-example.oss-cn-hangzhou.aliyuncs.com" "505B01695037C2AF032593A4" "true" "1657136103983691" "GetObject" ' +
        '"oss-example" "aliyun-logo.png" 5576 17 "-" 302 "1657136103983691" - "-" "Standard" "-" "-" "EXAMPLE-ACCESS-KEY-ID"',
    );
  });

  it('keeps a field whole whatever a client sends in it', () => {
    const line = formatAccessLogLine({ ...record, userAgent: 'evil" "x\nnext', key: 'a b/"c".txt' });
    expect(line).toContain('"evil%22 %22x%0Anext"');
    expect(line).toContain(`"${encodeURIComponent('a b/"c".txt')}"`);
    expect(line.split('\n')).toHaveLength(1);
  });

  it('names log objects <TargetPrefix><SourceBucket>YYYY-mm-DD-HH-MM-SS-UniqueString', () => {
    expect(logObjectKey('MyLog-', 'oss-example', Date.UTC(2012, 8, 9, 20, 0, 0), '0000')).toBe('MyLog-oss-example2012-09-10-04-00-00-0000');
    expect(logTime(Date.UTC(2012, 11, 31, 23, 59, 59))).toBe('[01/Jan/2013:07:59:59 +0800]');
  });
});
