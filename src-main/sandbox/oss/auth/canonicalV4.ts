import { createHash, createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { OssRoute } from '../route.ts';
import { BoundedCache } from '../../boundedCache.ts';
import { headerValue } from '../header.ts';

/** RFC 3986 encoding: only A-Z a-z 0-9 - _ . ~ stay literal. */
export function rfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function canonicalUri(route: OssRoute): string {
  if (route.bucket === undefined) return '/';
  return rfc3986(`/${route.bucket}/${route.key ?? ''}`).replace(/%2F/g, '/');
}

/**
 * All query params but x-oss-signature, encoded and sorted. Go/Python SDKs write an empty value as a
 * bare `k`, ali-oss (qs) as `k=` for explicit empty strings; `emptyAsEquals` picks the latter.
 */
export function canonicalQuery(route: OssRoute, emptyAsEquals: boolean): string {
  return route.params
    .filter((p) => p.key !== 'x-oss-signature')
    .map((p) => ({ k: rfc3986(p.key), v: rfc3986(p.value) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.v < b.v ? -1 : a.v > b.v ? 1 : 0))
    .map(({ k, v }) => (v === '' && !emptyAsEquals ? k : `${k}=${v}`))
    .join('&');
}

export function canonicalRequestV4(
  req: IncomingMessage,
  route: OssRoute,
  additionalHeaders: string[],
  emptyAsEquals: boolean,
  hashedPayload: string,
): string {
  const names = new Set(additionalHeaders);
  for (const k of Object.keys(req.headers)) if (k === 'content-type' || k === 'content-md5' || k.startsWith('x-oss-')) names.add(k);
  const headers = [...names]
    .sort()
    .map((k) => `${k}:${(headerValue(req, k) ?? '').trim()}\n`)
    .join('');
  return [
    (req.method ?? 'GET').toUpperCase(),
    canonicalUri(route),
    canonicalQuery(route, emptyAsEquals),
    headers,
    additionalHeaders.join(';'),
    hashedPayload,
  ].join('\n');
}

export function stringToSignV4(ossDate: string, scope: string, canonicalRequest: string): string {
  return ['OSS4-HMAC-SHA256', ossDate, scope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
}

/** Derived signing keys by secret, day, region and product: they change once a day per key. */
const signingKeys = new BoundedCache<string, Buffer>(256);

function signingKey(secret: string, day: string, region: string, product: string): Buffer {
  const id = `${secret}\n${day}\n${region}\n${product}`;
  const known = signingKeys.get(id);
  if (known) return known;
  const kDate = createHmac('sha256', `aliyun_v4${secret}`).update(day).digest();
  const kRegion = createHmac('sha256', kDate).update(region).digest();
  const kProduct = createHmac('sha256', kRegion).update(product).digest();
  return signingKeys.set(id, createHmac('sha256', kProduct).update('aliyun_v4_request').digest());
}

export function signatureV4(secret: string, day: string, region: string, product: string, stringToSign: string): string {
  return createHmac('sha256', signingKey(secret, day, region, product)).update(stringToSign).digest('hex');
}

/** `20231216T162057Z` → epoch ms, or NaN. */
export function parseIsoBasic(text: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return NaN;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
}

/** `<ak>/<yyyymmdd>/<region>/<product>/aliyun_v4_request` */
export interface V4Credential {
  accessKeyId: string;
  day: string;
  region: string;
  product: string;
}

export function parseCredential(text: string): V4Credential | undefined {
  const parts = text.split('/');
  if (parts.length !== 5) return undefined;
  const [accessKeyId = '', day = '', region = '', product = '', terminator] = parts;
  if (!accessKeyId || !/^\d{8}$/.test(day) || !region || !product || terminator !== 'aliyun_v4_request') return undefined;
  return { accessKeyId, day, region, product };
}
