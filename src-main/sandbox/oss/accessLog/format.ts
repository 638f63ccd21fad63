/** What OSS records about one request for its access log. */
export interface AccessLogRecord {
  remoteIp: string;
  /** When OSS received the request (sandbox time, epoch ms). */
  time: number;
  method: string;
  /** The request target as sent: path and query string. */
  requestUri: string;
  httpVersion: string;
  status: number;
  sentBytes: number;
  requestTimeMs: number;
  referer: string | undefined;
  userAgent: string | undefined;
  host: string | undefined;
  requestId: string;
  requesterId: string | undefined;
  operation: string | undefined;
  bucket: string;
  key: string | undefined;
  objectSize: number | undefined;
  serverCostMs: number;
  errorCode: string | undefined;
  requestLength: number;
  ownerId: string;
  deltaDataSize: number | undefined;
  storageClass: string | undefined;
  accessKeyId: string | undefined;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** OSS writes China Standard Time with its offset: `[02/May/2012:00:00:04 +0800]`. */
export const LOG_OFFSET_MS = 8 * 3600 * 1000;

export function logTime(ms: number): string {
  const d = new Date(ms + LOG_OFFSET_MS);
  return `[${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0800]`;
}

/** A quoted field; `-` for none. Quotes, backslashes and control characters are %-escaped so a field never splits. */
function quoted(value: string | undefined): string {
  if (value === undefined || value === '') return '"-"';
  let out = '';
  for (const c of value) {
    const code = c.charCodeAt(0);
    out += c === '"' || c === '\\' || code < 0x20 || code === 0x7f ? `%${code.toString(16).toUpperCase().padStart(2, '0')}` : c;
  }
  return `"${out}"`;
}

const bare = (value: number | undefined): string => (value === undefined ? '-' : String(value));

/**
 * One line of an OSS access log, fields separated by spaces in the documented order — OSS "Logging"
 * (日志转存, https://help.aliyun.com/document_detail/31868.html, "日志的格式和示例"): Remote IP, Reserved,
 * Reserved, Time, "Request-URI", HTTP Status, SentBytes, RequestTime (ms), "Referer", "User-Agent",
 * "HostName", "Request ID", "LoggingFlag", "Requester Aliyun ID", "Operation", "Bucket", "Key",
 * ObjectSize, Server Cost Time (ms), "Error Code", Request Length, "UserID", Delta DataSize,
 * "Sync Request", "StorageClass", "TargetStorageClass", "TransmissionAccelerationAccessPoint",
 * "AccessKeyID". Which fields are quoted follows the page's sample line (numbers bare, text quoted);
 * the SLS field table (https://www.alibabacloud.com/help/en/sls/oss) maps each to its meaning.
 */
export function formatAccessLogLine(r: AccessLogRecord): string {
  return [
    r.remoteIp || '-',
    '-',
    '-',
    logTime(r.time),
    quoted(`${r.method} ${r.requestUri} HTTP/${r.httpVersion}`),
    String(r.status),
    String(r.sentBytes),
    String(r.requestTimeMs),
    quoted(r.referer),
    quoted(r.userAgent),
    quoted(r.host),
    quoted(r.requestId),
    quoted('true'),
    quoted(r.requesterId),
    quoted(r.operation),
    quoted(r.bucket),
    quoted(r.key === undefined ? undefined : encodeURIComponent(r.key)),
    bare(r.objectSize),
    String(r.serverCostMs),
    quoted(r.errorCode),
    String(r.requestLength),
    quoted(r.ownerId),
    bare(r.deltaDataSize),
    quoted(undefined),
    quoted(r.storageClass),
    quoted(undefined),
    quoted(undefined),
    quoted(r.accessKeyId),
  ].join(' ');
}

/** `<TargetPrefix><SourceBucket>YYYY-mm-DD-HH-MM-SS-UniqueString` (same page, "日志文件命名规则"). */
export function logObjectKey(prefix: string, sourceBucket: string, createdMs: number, unique: string): string {
  const d = new Date(createdMs + LOG_OFFSET_MS);
  const stamp = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}-${pad(d.getUTCHours())}-${pad(d.getUTCMinutes())}-${pad(d.getUTCSeconds())}`;
  return `${prefix}${sourceBucket}${stamp}-${unique}`;
}
