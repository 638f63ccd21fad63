/** The fields of one OSS access-log line that receipts need (the rest are skipped). */
export interface AccessLogLine {
  remoteIp: string;
  /** When OSS received the request (epoch ms). */
  time: number;
  method: string;
  /** The request target as the client sent it: path and query string (with the link's signature). */
  requestUri: string;
  status: number;
  userAgent: string | undefined;
  operation: string | undefined;
}

const MONTHS: Record<string, number> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };

/** Space-separated fields; a field in quotes or brackets may hold spaces (OSS %-escapes quotes inside). */
const FIELD = /"[^"]*"|\[[^\]]*\]|\S+/g;

/** `[02/May/2012:00:00:04 +0800]` → epoch ms. */
function parseTime(field: string): number | undefined {
  const m = /^\[(\d{2})\/(\w{3})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})\]$/.exec(field);
  const month = m ? MONTHS[m[2]!] : undefined;
  if (!m || month === undefined) return undefined;
  const offset = (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9])) * 60_000;
  return Date.UTC(Number(m[3]), month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6])) - offset;
}

function unquote(field: string | undefined): string | undefined {
  if (field === undefined) return undefined;
  const inner = field.startsWith('"') && field.endsWith('"') ? field.slice(1, -1) : field;
  return inner === '-' || inner === '' ? undefined : inner;
}

/**
 * One line of an OSS access log (日志转存 "日志的格式和示例": Remote IP, Reserved, Reserved, Time,
 * "Request-URI", HTTP Status, SentBytes, RequestTime, "Referer", "User-Agent", "HostName", "Request ID",
 * "LoggingFlag", "Requester Aliyun ID", "Operation", …). Log objects are data from the bucket: anything
 * that does not read as such a line is skipped (undefined).
 */
export function parseAccessLogLine(line: string): AccessLogLine | undefined {
  const fields = line.match(FIELD);
  if (!fields || fields.length < 15) return undefined;
  const time = parseTime(fields[3]!);
  const request = /^(\S+) (\S+) HTTP\/[\d.]+$/.exec(unquote(fields[4]) ?? '');
  const status = Number(fields[5]);
  if (time === undefined || !request || !Number.isInteger(status)) return undefined;
  return {
    remoteIp: fields[0]!.slice(0, 64),
    time,
    method: request[1]!,
    requestUri: request[2]!,
    status,
    userAgent: unquote(fields[9])?.slice(0, 300),
    operation: unquote(fields[14]),
  };
}
