/**
 * URL encoding for share links. OSS reads `+` in a query as a space, and browsers re-encode or cut at
 * `#` and `?`, so everything outside RFC 3986's unreserved set is percent-encoded — in the path and in
 * every query value — instead of patching strings afterwards.
 */

/** RFC 3986: only A-Z a-z 0-9 - _ . ~ stay literal; UTF-8 bytes as upper-case %XX. */
export function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * An object key as a URL path: each segment encoded, `/` kept so the link stays readable. Browsers
 * collapse `.` and `..` segments (even as `%2E`), so a key holding one is sent with `/` as `%2F`.
 */
export function encodeKeyPath(key: string): string {
  const segments = key.split('/');
  if (segments.some((s) => s === '.' || s === '..')) return rfc3986(key);
  return segments.map(rfc3986).join('/');
}

/** `k=v&…` in the given order, both sides RFC 3986-encoded. */
export function encodeQuery(params: readonly (readonly [string, string])[]): string {
  return params.map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).join('&');
}
