import { createHmac, randomUUID } from 'node:crypto';

/** RFC 3986 as Alibaba's POP RPC signing wants it: only A-Z a-z 0-9 - _ . ~ stay literal. */
export function popEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `2024-01-01T00:00:00Z`: ISO 8601 without milliseconds, the format every POP service accepts. */
export function popTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Signs a POP RPC (signature v1) request: HMAC-SHA1 over METHOD&%2F&encoded-canonical-query with key
 * `secret&`. Returns all parameters including Signature.
 */
export function signPopRequest(
  method: 'GET' | 'POST',
  params: Record<string, string>,
  credentials: { accessKeyId: string; accessKeySecret: string; securityToken?: string },
  now: number,
): Record<string, string> {
  const all: Record<string, string> = {
    ...params,
    Format: 'JSON',
    AccessKeyId: credentials.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: randomUUID(),
    Timestamp: popTimestamp(now),
  };
  if (credentials.securityToken) all.SecurityToken = credentials.securityToken;
  const canonical = Object.keys(all)
    .sort()
    .map((k) => `${popEncode(k)}=${popEncode(all[k] ?? '')}`)
    .join('&');
  const stringToSign = `${method}&${popEncode('/')}&${popEncode(canonical)}`;
  all.Signature = createHmac('sha1', `${credentials.accessKeySecret}&`).update(stringToSign).digest('base64');
  return all;
}
